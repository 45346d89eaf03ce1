import { describe, expect, it } from 'vitest';
import { makeTile, type HeatmapTile } from '@marketswarm/shared/models';
import { liquidityScore } from './liquidity-score.js';
import { tilesForDte } from './mel-inputs.js';

const NOW = Date.UTC(2026, 2, 2, 15);
const EXPIRY = Date.UTC(2026, 2, 2, 21);

/** Tiles as the producer builds them, read by MEL as the 0-DTE heatmap, stamped now, with spot at 6000. */
function pricing(...list: HeatmapTile[]): number | undefined {
  // Spread: the topic payload's tiles are loose objects, which the HeatmapTile interface is not.
  const tiles = tilesForDte(Object.fromEntries(list.map((t) => [t.key, { ...t }])), 0);
  return liquidityScore({ heatmap: { ts: NOW, tiles }, spot: { price: 6000, ts: NOW }, now: NOW }).components.pricing;
}

// A 6000 iron fly 10 wide sold for 6.20: max profit 6.20, max loss 10 − 6.20 = 3.80.
const ironFly = makeTile('iron-fly', 0, 10, 6000, -6.2, EXPIRY, 0.17) as HeatmapTile;
// A 5990/6000/6015 broken-wing call fly priced for a 0.30 credit: max profit 10 + 0.30, max loss 15 − 10 − 0.30 = 4.70.
const creditBwb = makeTile('bwb-call', 0, 10, 6000, -0.3, EXPIRY, 0.17, { wing: 15 }) as HeatmapTile;
// A 5990/6000/6010 call fly bought for 3.10: max profit 6.90, max loss 3.10.
const fly = makeTile('butterfly-call', 0, 10, 6000, 3.1, EXPIRY, 0.17) as HeatmapTile;

describe(liquidityScore.name, () => {
  it('builds the real tiles the specs below lean on: credits are negative debits with something at risk', () => {
    expect(ironFly).toMatchObject({ debit: -6.2, maxProfit: 6.2, maxLoss: 3.8 });
    expect(creditBwb).toMatchObject({ debit: -0.3, maxProfit: 10.3, maxLoss: 4.7 });
  });

  it('prices an iron fly sold for a credit and a broken-wing fly priced for a credit as sane quotes', () => {
    // 3 of 3 quotes sane → 100.
    expect(pricing(ironFly, creditBwb, fly)).toBe(100);
  });

  it('counts a credit as wide as the wings as a crossed quote: nothing is at risk', () => {
    // The iron fly "collecting" its whole width: max loss 0. 1 of 2 sane → 50.
    const crossed: HeatmapTile = { ...ironFly, key: 'iron-fly:0:10:6005', strike: 6005, debit: -10, maxProfit: 10, maxLoss: 0, rewardRisk: null };
    expect(pricing(ironFly, crossed)).toBe(50);
  });

  it('still counts a debit of zero or of the whole width as a stale or crossed quote', () => {
    // A fly at 0 risks nothing; a fly at 10, its width, can gain nothing. 1 of 3 sane.
    const free: HeatmapTile = { ...fly, key: 'butterfly-call:0:10:6005', strike: 6005, debit: 0, maxProfit: 10, maxLoss: 0, rewardRisk: null };
    const full: HeatmapTile = { ...fly, key: 'butterfly-call:0:10:6010', strike: 6010, debit: 10, maxProfit: 0, maxLoss: 10, rewardRisk: 0 };
    expect(pricing(fly, free, full)).toBeCloseTo(100 / 3, 9);
  });

  it('counts a debit that is not a number as no price', () => {
    const broken: HeatmapTile = { ...creditBwb, debit: Number.NaN };
    expect(pricing(ironFly, broken)).toBe(50);
  });
});
