import { describe, expect, it } from 'vitest';
import type { OptionLeg } from '@marketswarm/shared/dto';
import { makeTile, savedLegsFromTile, type HeatmapTile, type HeatmapTiles } from '@marketswarm/shared/models';
import { fillDecision, priceFromTile, priceSpread } from './spread-pricing.js';

// Monday 2 March 2026, the 16:00 New York close (21:00 UTC in winter), as the producer stamps expiries.
const EXPIRY = Date.UTC(2026, 2, 2, 21);
const DATE = '2026-03-02';

function tiles(...list: (HeatmapTile | undefined)[]): HeatmapTiles {
  const out: HeatmapTiles = {};
  for (const tile of list) if (tile) out[tile.key] = tile;
  return out;
}

// The chain's mids, as the heatmap's single tiles carry them: C5000 12.40, C5010 8.10, C5020 5.00, P4990 9.55.
const c5000 = makeTile('single-call', 0, 0, 5000, 12.4, EXPIRY);
const c5010 = makeTile('single-call', 0, 0, 5010, 8.1, EXPIRY);
const c5020 = makeTile('single-call', 0, 0, 5020, 5.0, EXPIRY);
const p4990 = makeTile('single-put', 0, 0, 4990, 9.55, EXPIRY);
const market = tiles(c5000, c5010, c5020, p4990);

const leg = (right: 'call' | 'put', strike: number, ratio: number): OptionLeg => ({ expiry: DATE, strike, right, ratio });
const callVertical = [leg('call', 5000, 1), leg('call', 5010, -1)];
const butterfly = [leg('call', 5000, 1), leg('call', 5010, -2), leg('call', 5020, 1)];

describe('priceSpread', () => {
  it('prices a call debit vertical at the long mid minus the short mid: 12.40 − 8.10 = 4.30', () => {
    expect(priceSpread(callVertical, market)).toEqual({ priceMicros: 4_300_000, pricedFrom: 'legs', legPricesMicros: [12_400_000, 8_100_000] });
  });

  it('prices a 5000/5010/5020 call butterfly leg by leg: 12.40 − 2 × 8.10 + 5.00 = 1.20', () => {
    expect(priceSpread(butterfly, market)?.priceMicros).toBe(1_200_000);
  });

  it('prices the vertical sold as a credit: −12.40 + 8.10 = −4.30', () => {
    expect(priceSpread([leg('call', 5000, -1), leg('call', 5010, 1)], market)?.priceMicros).toBe(-4_300_000);
  });

  it('scales with the ratios: a 1×2 put/call mix is 9.55 + 2 × 12.40 = 34.35', () => {
    expect(priceSpread([leg('put', 4990, 1), leg('call', 5000, 2)], market)?.priceMicros).toBe(34_350_000);
  });

  it('has no price when a leg has no mid and the order did not come from a tile', () => {
    expect(priceSpread([leg('call', 5000, 1), leg('call', 5030, -1)], market)).toBeUndefined();
  });

  it('has no price for a leg of another expiry', () => {
    expect(priceSpread([{ expiry: '2026-03-03', strike: 5000, right: 'call', ratio: 1 }], market)).toBeUndefined();
  });
});

describe('priceFromTile', () => {
  // The 5010 butterfly tile at a mid debit of 1.35, while its 5020 wing has no single tile (mid rounded to 0).
  const fly = makeTile('butterfly-call', 0, 10, 5010, 1.35, EXPIRY) as HeatmapTile;
  const withoutWing = tiles(c5000, c5010, fly);

  it('falls back to the source tile\'s mid debit when a leg has no mid: 1.35, all of it on the lower wing', () => {
    expect(priceSpread(butterfly, withoutWing, fly.key)).toEqual({ priceMicros: 1_350_000, pricedFrom: 'tile', legPricesMicros: [1_350_000, 0, 0] });
  });

  it('prices the tile sold whole as a credit of its debit: −1.35', () => {
    expect(priceFromTile([leg('call', 5000, -1), leg('call', 5010, 2), leg('call', 5020, -1)], fly)?.priceMicros).toBe(-1_350_000);
  });

  it('refuses legs that are not the tile\'s (a broken-wing ratio)', () => {
    expect(priceFromTile([leg('call', 5000, 1), leg('call', 5010, -3), leg('call', 5020, 1)], fly)).toBeUndefined();
    expect(priceFromTile(callVertical, fly)).toBeUndefined();
  });

  it('prefers the legs\' own mids over the tile when the chain has them all', () => {
    expect(priceSpread(butterfly, tiles(c5000, c5010, c5020, fly), fly.key)?.pricedFrom).toBe('legs');
  });

  // An iron fly at 5010, 10 wide, sold for a 6.20 credit: long P5000, short P5010 and C5010, long C5020.
  const ironFly = makeTile('iron-fly', 0, 10, 5010, -6.2, EXPIRY) as HeatmapTile;
  const ironFlyLegs = [leg('put', 5000, 1), leg('put', 5010, -1), leg('call', 5010, -1), leg('call', 5020, 1)];

  it('prices an iron fly from its tile at its −6.20 credit, all of it received on the short put, no leg below 0', () => {
    // −1 × 6.20 on P5010, 0 elsewhere: Σ ratio × price = −6.20.
    expect(priceFromTile(ironFlyLegs, ironFly)).toEqual({ priceMicros: -6_200_000, pricedFrom: 'tile', legPricesMicros: [0, 6_200_000, 0, 0] });
  });

  it('keeps each iron fly leg\'s price with its leg when the order lists the legs in another order', () => {
    const callsFirst = [leg('call', 5020, 1), leg('call', 5010, -1), leg('put', 5010, -1), leg('put', 5000, 1)];
    expect(priceFromTile(callsFirst, ironFly)?.legPricesMicros).toEqual([0, 0, 6_200_000, 0]);
  });

  it('prices the iron fly bought back whole (a reverse iron fly) as a 6.20 debit', () => {
    const reversed = ironFlyLegs.map((l) => ({ ...l, ratio: -l.ratio }));
    expect(priceFromTile(reversed, ironFly)).toEqual({ priceMicros: 6_200_000, pricedFrom: 'tile', legPricesMicros: [0, 6_200_000, 0, 0] });
  });

  it('splits a broken-wing call fly\'s 0.30 credit across its short 2-lot: 0.15 each, −2 × 0.15 = −0.30', () => {
    // C5000 +1, C5010 −2, C5025 +1 (far wing 15).
    const bwb = makeTile('bwb-call', 0, 10, 5010, -0.3, EXPIRY, undefined, { wing: 15 }) as HeatmapTile;
    expect(priceFromTile([leg('call', 5000, 1), leg('call', 5010, -2), leg('call', 5025, 1)], bwb)).toEqual({ priceMicros: -300_000, pricedFrom: 'tile', legPricesMicros: [0, 150_000, 0] });
  });

  it('puts a broken-wing put fly\'s 0.45 debit on its first long leg, the far wing', () => {
    // P4995 +1 (far wing 15), P5010 −2, P5020 +1.
    const bwb = makeTile('bwb-put', 0, 10, 5010, 0.45, EXPIRY, undefined, { wing: 15 }) as HeatmapTile;
    expect(priceFromTile([leg('put', 4995, 1), leg('put', 5010, -2), leg('put', 5020, 1)], bwb)).toEqual({ priceMicros: 450_000, pricedFrom: 'tile', legPricesMicros: [450_000, 0, 0] });
  });

  it('prices a put debit vertical and a single from their tiles on the long leg, as before', () => {
    const vertical = makeTile('vertical-put', 0, 10, 5010, 3.2, EXPIRY) as HeatmapTile;
    expect(priceFromTile([leg('put', 5010, 1), leg('put', 5000, -1)], vertical)).toEqual({ priceMicros: 3_200_000, pricedFrom: 'tile', legPricesMicros: [3_200_000, 0] });
    const single = makeTile('single-call', 0, 0, 5030, 0.05, EXPIRY) as HeatmapTile;
    expect(priceFromTile([leg('call', 5030, 1)], single)).toEqual({ priceMicros: 50_000, pricedFrom: 'tile', legPricesMicros: [50_000] });
  });

  it('gives every strategy, bought or sold whole, leg prices ≥ 0 that sum to ± the tile\'s signed debit', () => {
    const every = [
      fly,
      ironFly,
      makeTile('butterfly-put', 0, 10, 5010, 1.1, EXPIRY),
      makeTile('vertical-call', 0, 10, 5010, 4.3, EXPIRY),
      makeTile('vertical-put', 0, 10, 5010, 3.2, EXPIRY),
      makeTile('single-put', 0, 0, 4990, 9.55, EXPIRY),
      makeTile('bwb-call', 0, 10, 5010, -0.3, EXPIRY, undefined, { wing: 15 }),
      makeTile('bwb-call', 0, 10, 5010, 0.65, EXPIRY, undefined, { wing: 15 }),
      makeTile('bwb-put', 0, 10, 5010, -0.15, EXPIRY, undefined, { wing: 15 }),
      makeTile('bwb-put', 0, 10, 5010, 0.45, EXPIRY, undefined, { wing: 15 }),
    ] as HeatmapTile[];
    for (const tile of every) {
      const bought = (savedLegsFromTile(tile) ?? []).map((l) => leg(l.right, l.strike, l.ratio));
      for (const sign of [1, -1]) {
        const orderLegs = bought.map((l) => ({ ...l, ratio: sign * l.ratio }));
        const price = priceFromTile(orderLegs, tile);
        expect(price?.priceMicros, tile.key).toBe(sign * Math.round(tile.debit * 1_000_000) + 0);
        expect(price?.legPricesMicros.every((p) => p >= 0), tile.key).toBe(true);
        expect(orderLegs.reduce((sum, l, i) => sum + l.ratio * (price?.legPricesMicros[i] ?? Number.NaN), 0), tile.key).toBe(price?.priceMicros);
      }
    }
  });

  it('has no tile price when a credit does not split into whole micros across a short 2-lot', () => {
    const bwb = makeTile('bwb-call', 0, 10, 5010, -0.3, EXPIRY, undefined, { wing: 15 }) as HeatmapTile;
    expect(priceFromTile([leg('call', 5000, 1), leg('call', 5010, -2), leg('call', 5025, 1)], { ...bwb, debit: -0.000001 })).toBeUndefined();
  });
});

describe('fillDecision', () => {
  it('fills a 4.50 debit limit at the 4.30 mid, not at the limit', () => {
    expect(fillDecision(4_300_000, 4_500_000)).toEqual({ fill: true, priceMicros: 4_300_000 });
  });

  it('fills a limit exactly at the mid', () => {
    expect(fillDecision(4_300_000, 4_300_000)).toEqual({ fill: true, priceMicros: 4_300_000 });
  });

  it('keeps a 4.25 debit limit working while the mid is 4.30', () => {
    expect(fillDecision(4_300_000, 4_250_000)).toEqual({ fill: false });
  });

  it('fills a credit limit of −4.00 when the mid credit is 4.30 (more received), at −4.30', () => {
    expect(fillDecision(-4_300_000, -4_000_000)).toEqual({ fill: true, priceMicros: -4_300_000 });
  });

  it('keeps a credit limit of −4.50 working while the mid credit is only 4.30', () => {
    expect(fillDecision(-4_300_000, -4_500_000)).toEqual({ fill: false });
  });

  it('fills, over a grid of mids and limits, exactly the pairs a trader would take, always at the mid', () => {
    // Mids −5.00…5.00 by 0.05 (201), limits −5.00…5.00 by 0.25 (41), all in cents.
    const mids = Array.from({ length: 201 }, (_, i) => -500 + 5 * i);
    const limits = Array.from({ length: 41 }, (_, j) => -500 + 25 * j);
    let fills = 0;
    for (const limit of limits) {
      for (const mid of mids) {
        // The trader's view: a debit limit is the most they pay; a credit limit the least they receive.
        const acceptable = limit >= 0 ? mid <= limit : -mid >= -limit;
        const decision = fillDecision(mid * 10_000, limit * 10_000);
        expect(decision).toEqual(acceptable ? { fill: true, priceMicros: mid * 10_000 } : { fill: false });
        if (decision.fill) fills += 1;
      }
    }
    // Limit j (−5.00 + 0.25 j) takes the mids −5.00 … limit: 5 j + 1 of them; Σ over j = 0…40 is 5 × 820 + 41.
    expect(fills).toBe(4141);
  });
});
