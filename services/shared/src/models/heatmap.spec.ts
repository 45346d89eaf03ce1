import { describe, expect, it } from 'vitest';
import { heatmapPayloadSchema } from '../events/payloads.js';
import { type ChainOption } from './chain.js';
import { applyHeatmap, buildHeatmapTiles, diffHeatmap, heatmapSnapshot, makeTile, strategyFamily, strategySide, TILE_STRATEGIES, tileKey } from './heatmap.js';

// Fixed clock: 0DTE, six hours before a 21:00 UTC expiry.
const expiry = Date.UTC(2026, 10, 23, 21);
const now = expiry - 6 * 3_600_000;
const leg = (type: 'call' | 'put', strike: number, mid: number, iv?: number): ChainOption => ({ type, strike, expiry, mid, gamma: 0, openInterest: 0, ...(iv === undefined ? {} : { iv }) });
const chain = [leg('call', 5000, 25.4), leg('call', 5010, 19.1), leg('call', 5020, 14.3), leg('put', 5000, 8.25), leg('put', 5010, 12)];

describe('heatmap tile: 5000/5010/5020 call butterfly at 25.40 / 19.10 / 14.30', () => {
  const tiles = buildHeatmapTiles(chain, { now, widths: [10] });
  it('debit 1.50, max profit 8.50 (width − debit), max loss 1.50, reward/risk 5.6667', () => {
    expect(tiles['butterfly-call:0:10:5010']).toEqual({
      key: 'butterfly-call:0:10:5010',
      strategy: 'butterfly-call',
      dte: 0,
      expiry,
      width: 10,
      strike: 5010,
      debit: 1.5,
      maxProfit: 8.5,
      maxLoss: 1.5,
      rewardRisk: 5.6667,
      theo: 1.5, // no quotes in this chain: the model mids are the market
    });
  });
});

describe('heatmap tile: 5000/5010 call debit vertical at 25.40 / 19.10', () => {
  it('debit 6.30, max profit 3.70, max loss 6.30, reward/risk 0.5873', () => {
    const tile = buildHeatmapTiles(chain, { now, widths: [10] })['vertical-call:0:10:5000'];
    expect(tile).toMatchObject({ debit: 6.3, maxProfit: 3.7, maxLoss: 6.3, rewardRisk: 0.5873 });
  });
});

describe('heatmap tile: 5010/5000 put debit vertical at 12.00 / 8.25', () => {
  it('debit 3.75, max profit 6.25, max loss 3.75, reward/risk 1.6667', () => {
    const tile = buildHeatmapTiles(chain, { now, widths: [10] })['vertical-put:0:10:5010'];
    expect(tile).toMatchObject({ strike: 5010, debit: 3.75, maxProfit: 6.25, maxLoss: 3.75, rewardRisk: 1.6667 });
  });
});

describe('heatmap tile: singles', () => {
  it('a long 5000 call costs 25.40 with unbounded profit; a long 5000 put can make at most 5000 − 8.25', () => {
    const tiles = buildHeatmapTiles(chain, { now, widths: [10] });
    expect(tiles['single-call:0:0:5000']).toMatchObject({ debit: 25.4, maxProfit: null, maxLoss: 25.4, rewardRisk: null });
    expect(tiles['single-put:0:0:5000']).toMatchObject({ debit: 8.25, maxProfit: 4991.75, maxLoss: 8.25, rewardRisk: 605.0606 });
  });
});

describe('heatmap tile: expiry and implied vol', () => {
  // The 5010 options carry an IV; the others do not.
  const withIv = [leg('call', 5000, 25.4), leg('call', 5010, 19.1, 0.1523456), leg('call', 5020, 14.3), leg('put', 5000, 8.25), leg('put', 5010, 12, 0.161)];
  const tiles = buildHeatmapTiles(withIv, { now, widths: [10] });

  it('carries the expiry instant of its options on every tile', () => {
    expect(Object.values(tiles).every((t) => t.expiry === expiry)).toBe(true);
  });

  it('takes the IV of the centre strike (butterfly) or long strike (vertical, single), to 0.1 vol point', () => {
    expect(tiles['butterfly-call:0:10:5010']?.iv).toBe(0.152);
    expect(tiles['single-call:0:0:5010']?.iv).toBe(0.152);
    expect(tiles['vertical-call:0:10:5010']?.iv).toBe(0.152);
    expect(tiles['vertical-put:0:10:5010']?.iv).toBe(0.161); // long the 5010 put, short the 5000
    expect(tiles['single-put:0:0:5010']?.iv).toBe(0.161);
  });

  it('leaves iv out when the chain option has none', () => {
    expect(tiles['vertical-call:0:10:5000']).not.toHaveProperty('iv');
    expect(tiles['single-put:0:0:5000']).not.toHaveProperty('iv');
  });

  it('sends a tile in a diff when only its iv changed', () => {
    const next = buildHeatmapTiles(withIv.map((o) => (o.iv === undefined ? o : { ...o, iv: o.iv + 0.01 })), { now, widths: [10] });
    expect(Object.keys(diffHeatmap('SPX', 1, tiles, next).tiles).sort()).toEqual([
      'butterfly-call:0:10:5010',
      'iron-fly:0:10:5010',
      'single-call:0:0:5010',
      'single-put:0:0:5010',
      'vertical-call:0:10:5010',
      'vertical-put:0:10:5010',
    ]);
  });
});

describe(buildHeatmapTiles.name, () => {
  it('builds exactly the tiles whose legs are quoted, keyed strategy:dte:width:strike', () => {
    expect(Object.keys(buildHeatmapTiles(chain, { now, widths: [10] })).sort()).toEqual([
      'butterfly-call:0:10:5010',
      'iron-fly:0:10:5010', // short the 5010 call and put, long the 5020 call and the 5000 put
      'single-call:0:0:5000',
      'single-call:0:0:5010',
      'single-call:0:0:5020',
      'single-put:0:0:5000',
      'single-put:0:0:5010',
      'vertical-call:0:10:5000',
      'vertical-call:0:10:5010',
      'vertical-put:0:10:5010',
    ]);
  });

  it('counts whole days to expiry and honours the strategy filter', () => {
    const tiles = buildHeatmapTiles(chain, { now: now - 2 * 86_400_000, widths: [10], strategies: ['butterfly-call'] });
    expect(Object.keys(tiles)).toEqual(['butterfly-call:2:10:5010']);
  });
});

describe(makeTile.name, () => {
  it('drops trades the quotes make meaningless: zero or negative debit, debit ≥ width, an iron fly paid for or collecting its width', () => {
    expect(makeTile('iron-fly', 0, 10, 5000, 0.5, expiry)).toBeUndefined();
    expect(makeTile('iron-fly', 0, 10, 5000, -10, expiry)).toBeUndefined();
    expect(makeTile('iron-fly', 0, 10, 5000, -9.95, expiry)).toMatchObject({ maxProfit: 9.95, maxLoss: 0.05 });
    expect(makeTile('butterfly-call', 0, 10, 5010, -0.2, expiry)).toBeUndefined();
    expect(makeTile('butterfly-call', 0, 10, 5010, 0.001, expiry)).toBeUndefined(); // rounds to 0.00
    expect(makeTile('vertical-call', 0, 5, 5000, 5, expiry)).toBeUndefined();
    expect(makeTile('vertical-call', 0, 5, 5000, 4.95, expiry)?.maxProfit).toBe(0.05);
    expect(tileKey('butterfly-put', 3, 25, 4975)).toBe('butterfly-put:3:25:4975');
  });

  it('stamps the expiry, and the iv only when one is given', () => {
    expect(makeTile('single-call', 0, 0, 5000, 25.4, expiry)).toMatchObject({ key: 'single-call:0:0:5000', expiry });
    expect(makeTile('single-call', 0, 0, 5000, 25.4, expiry)).not.toHaveProperty('iv');
    expect(makeTile('single-call', 0, 0, 5000, 25.4, expiry, 0.14999)?.iv).toBe(0.15);
  });
});

describe(diffHeatmap.name, () => {
  const prev = buildHeatmapTiles(chain, { now, widths: [10] });
  // The 5020 call drops to 14.10 and the 5000 put is no longer quoted.
  const nextChain = [leg('call', 5000, 25.4), leg('call', 5010, 19.1), leg('call', 5020, 14.1), leg('put', 5010, 12)];
  const next = buildHeatmapTiles(nextChain, { now, widths: [10] });

  it('sends the changed tiles, the removed keys and version + 1 as a valid heatmap payload', () => {
    const diff = diffHeatmap('SPX', 7, prev, next);
    expect(diff.kind).toBe('diff');
    expect(diff.version).toBe(8);
    expect(Object.keys(diff.tiles).sort()).toEqual(['butterfly-call:0:10:5010', 'single-call:0:0:5020', 'vertical-call:0:10:5010']);
    // The 5000 put left the chain, so the 5010 iron fly (long that put) is removed with it.
    expect(diff.tiles['butterfly-call:0:10:5010']).toMatchObject({ debit: 1.3, maxProfit: 8.7, maxLoss: 1.3, rewardRisk: 6.6923 });
    expect(diff.tiles['vertical-call:0:10:5010']).toMatchObject({ debit: 5, maxProfit: 5, rewardRisk: 1 });
    expect(diff.removed).toEqual(['iron-fly:0:10:5010', 'single-put:0:0:5000', 'vertical-put:0:10:5010']);
    expect(heatmapPayloadSchema.safeParse(diff).success).toBe(true);
  });

  it('applied to the previous tiles, reproduces the new ones', () => {
    expect(applyHeatmap(prev, diffHeatmap('SPX', 7, prev, next))).toEqual(next);
  });

  it('leaves out tiles whose model value and iv moved less than a tick and 0.1 vol point', () => {
    // Every leg's model mid up a cent and its iv up 0.0002; the quotes, and so the prices, unchanged.
    const before = buildHeatmapTiles(book.map((o) => ({ ...o, iv: 0.1512 })), { now, widths: [10], strikeStep: 5, symbol: 'SPX' });
    const after = buildHeatmapTiles(book.map((o) => ({ ...o, mid: o.mid + 0.01, iv: 0.1514 })), { now, widths: [10], strikeStep: 5, symbol: 'SPX' });
    expect(diffHeatmap('SPX', 3, before, after).tiles).toEqual({});
  });

  it('is empty, but still versioned, when nothing changed', () => {
    expect(diffHeatmap('SPX', 8, next, { ...next })).toEqual({ symbol: 'SPX', version: 9, kind: 'diff', tiles: {}, removed: [] });
  });
});

describe(heatmapSnapshot.name, () => {
  it('carries every tile, no removed list, and replaces the consumer state when applied', () => {
    const tiles = buildHeatmapTiles(chain, { now, widths: [10] });
    const snap = heatmapSnapshot('SPX', 1, tiles);
    expect(snap).toEqual({ symbol: 'SPX', version: 1, kind: 'snapshot', tiles });
    expect(heatmapPayloadSchema.safeParse(snap).success).toBe(true);
    expect(applyHeatmap({ stale: tiles['single-call:0:0:5000'] as never }, snap)).toEqual(tiles);
  });
});

// A quoted SPX chain (0DTE): model mid, then bid / ask. The 5000 call's model value (10.02) sits
// off its quote mid (10.00), so theo and market differ on the tiles that use it.
const quoted = (type: 'call' | 'put', strike: number, mid: number, bid: number, ask: number): ChainOption => ({ type, strike, expiry, mid, bid, ask, gamma: 0, openInterest: 0 });
const book = [
  quoted('call', 4990, 16, 15.9, 16.1),
  quoted('call', 5000, 10.02, 9.9, 10.1),
  quoted('call', 5010, 5.6, 5.5, 5.7),
  quoted('call', 5015, 3.8, 3.7, 3.9),
  quoted('put', 4985, 4.1, 4, 4.2),
  quoted('put', 4990, 5.2, 5.1, 5.3),
  quoted('put', 5000, 9, 8.9, 9.1),
  quoted('put', 5010, 14.6, 14.5, 14.7),
];
const quotedTiles = buildHeatmapTiles(book, { now, widths: [10], strikeStep: 5, symbol: 'SPX' });

describe('heatmap tile: 5000 iron fly 10 wide, sold', () => {
  const fly = quotedTiles['iron-fly:0:10:5000'];

  it('collects 8.20 at the mids (10.00 + 9.00 − 5.60 − 5.20), so its debit is −8.20', () => {
    expect(fly).toMatchObject({ strategy: 'iron-fly', width: 10, strike: 5000, debit: -8.2 });
  });

  it('makes at most the 8.20 credit and loses at most 10 − 8.20 = 1.80 (reward/risk 4.5556)', () => {
    expect(fly).toMatchObject({ maxProfit: 8.2, maxLoss: 1.8, rewardRisk: 4.5556 });
  });

  it('quotes bid −8.60 (legs at their worse side to exit) and ask −7.80 (7.80 credit at the naturals), theo −8.20 (−8.22 on the tick)', () => {
    expect(fly).toMatchObject({ bid: -8.6, ask: -7.8, theo: -8.2 });
    expect(fly).not.toHaveProperty('wing');
  });
});

describe('heatmap tile: 5000 broken-wing call fly, 10 near wing, 15 far wing', () => {
  const bwb = quotedTiles['bwb-call:0:10:5000'];

  it('is 4990 / 2 × 5000 / 5015 for a 0.20 credit (16.00 − 20.00 + 3.80)', () => {
    expect(bwb).toMatchObject({ strategy: 'bwb-call', width: 10, wing: 15, debit: -0.2 });
  });

  it('makes 10.20 at 5000, keeps the credit below 4990, and loses 5 − 0.20 = 4.80 above 5015', () => {
    expect(bwb).toMatchObject({ maxProfit: 10.2, maxLoss: 4.8, rewardRisk: 2.125 });
  });

  it('quotes bid −0.60 and ask 0.20 around it, theo −0.25 (−0.24 on the 0.05 tick)', () => {
    expect(bwb).toMatchObject({ bid: -0.6, ask: 0.2, theo: -0.25 });
  });
});

describe('heatmap tile: 5000 broken-wing put fly, 10 near wing, 15 far wing', () => {
  it('is 5010 / 2 × 5000 / 4985 for a 0.70 debit, makes 9.30 at 5000 and loses 5.70 below 4985', () => {
    expect(quotedTiles['bwb-put:0:10:5000']).toMatchObject({ wing: 15, debit: 0.7, maxProfit: 9.3, maxLoss: 5.7, rewardRisk: 1.6316 });
  });
});

describe('heatmap tiles from a quoted chain', () => {
  it('never quote a debit outside the natural market: bid ≤ debit ≤ ask on every tile', () => {
    const all = Object.values(quotedTiles);
    expect(all.length).toBeGreaterThan(10);
    for (const t of all) {
      expect(t.bid, t.key).toBeLessThanOrEqual(t.debit);
      expect(t.ask, t.key).toBeGreaterThanOrEqual(t.debit);
    }
  });

  it("price at the quotes' mids on SPX ticks: the 5000/5010 call vertical at 4.40, 0.05 under 3 and 0.10 from 3", () => {
    expect(quotedTiles['vertical-call:0:10:5000']).toMatchObject({ debit: 4.4, theo: 4.4, bid: 4.2, ask: 4.6 });
    for (const t of Object.values(quotedTiles)) {
      const tick = Math.abs(t.debit) < 3 ? 0.05 : 0.1;
      expect(Math.abs(Math.round(t.debit / tick) * tick - t.debit), t.key).toBeLessThan(1e-9);
    }
  });

  it('round to the SPX tick when built for SPX, to the cent otherwise', () => {
    expect(buildHeatmapTiles(chain, { now, widths: [10], symbol: 'SPX' })['vertical-put:0:10:5010']?.debit).toBe(3.8); // 3.75 → 0.10 tick
    expect(buildHeatmapTiles(chain, { now, widths: [10] })['vertical-put:0:10:5010']?.debit).toBe(3.75);
  });

  it('builds only the spreads `keep` accepts, and singles always', () => {
    const kept = buildHeatmapTiles(book, { now, widths: [10], strikeStep: 5, symbol: 'SPX', keep: (strike) => strike === 5000 });
    expect(Object.keys(kept).filter((k) => !k.startsWith('single')).every((k) => k.endsWith(':5000'))).toBe(true);
    expect(kept['single-call:0:0:5015']).toBeDefined();
  });

});

describe('heatmap tile price against its natural market (SPX ticks: 0.05 under 3, 0.10 from 3)', () => {
  const price = (mid: number, bid: number, ask: number, strategy: 'vertical-call' | 'iron-fly' = 'vertical-call') =>
    makeTile(strategy, 0, 10, 5000, mid, expiry, undefined, { symbol: 'SPX', bid, ask })?.debit;

  it('moves a mid that rounds under the bid up to the first tick inside: 2.97 in 2.97 / 3.40 is 3.00, not 2.95 nor the off-tick 2.97', () => {
    expect(price(2.97, 2.97, 3.4)).toBe(3);
  });

  it('moves a mid that rounds over the ask down to the last tick inside: 4.47 in 4.20 / 4.48 is 4.40, not 4.50 nor 4.48', () => {
    expect(price(4.47, 4.2, 4.48)).toBe(4.4);
  });

  it('does the same for a credit: an iron fly at −8.14 in −8.60 / −8.12 collects 8.20, not 8.10 nor 8.12', () => {
    expect(price(-8.14, -8.6, -8.12, 'iron-fly')).toBe(-8.2);
  });

  it('shows the mid to the cent, inside the market, when no tick lies inside it: 4.43 in 4.41 / 4.44', () => {
    expect(price(4.43, 4.41, 4.44)).toBe(4.43);
  });

  it('is on the tick and inside the market for every mid of a 2.90 / 3.15 market, cent by cent', () => {
    for (let cents = 290; cents <= 315; cents++) {
      const debit = price(cents / 100, 2.9, 3.15)!;
      const tick = debit < 3 ? 0.05 : 0.1;
      expect(Math.abs(Math.round(debit / tick) * tick - debit), `mid ${cents / 100} → ${debit}`).toBeLessThan(1e-9);
      expect(debit, `mid ${cents / 100}`).toBeGreaterThanOrEqual(2.9);
      expect(debit, `mid ${cents / 100}`).toBeLessThanOrEqual(3.15);
    }
  });
});

describe('strategy families and sides', () => {
  it('groups the nine strategies into five families, the iron fly on no side', () => {
    expect(TILE_STRATEGIES.map((s) => [s, strategyFamily(s), strategySide(s)])).toEqual([
      ['butterfly-call', 'butterfly', 'call'],
      ['butterfly-put', 'butterfly', 'put'],
      ['vertical-call', 'vertical', 'call'],
      ['vertical-put', 'vertical', 'put'],
      ['single-call', 'single', 'call'],
      ['single-put', 'single', 'put'],
      ['iron-fly', 'iron-fly', undefined],
      ['bwb-call', 'bwb', 'call'],
      ['bwb-put', 'bwb', 'put'],
    ]);
  });
});
