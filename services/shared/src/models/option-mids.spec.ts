import { describe, expect, it } from 'vitest';
import { makeTile, type HeatmapTile, type TileStrategy } from './heatmap.js';
import { legMid, singleOptionMids } from './option-mids.js';

// Monday 23 November 2026, 16:00 New York (EST): the producer's expiry instant.
const EXPIRY = Date.UTC(2026, 10, 23, 21);

function tile(strategy: TileStrategy, strike: number, debit: number, width = 0, expiry = EXPIRY): HeatmapTile {
  const t = makeTile(strategy, 0, width, strike, debit, expiry);
  if (!t) throw new Error(`no ${strategy} tile`);
  return t;
}

describe(singleOptionMids.name, () => {
  const mids = singleOptionMids([tile('single-call', 5000, 14.2), tile('single-put', 5000, 9.1), tile('single-call', 5012.5, 8.05), tile('butterfly-call', 5000, 2.5, 10)]);

  it('prices an option from the single tile at its expiry date, right and strike', () => {
    expect(legMid(mids, { expiry: '2026-11-23', strike: 5000, right: 'call' })).toBe(14.2);
    expect(legMid(mids, { expiry: '2026-11-23', strike: 5000, right: 'put' })).toBe(9.1);
  });

  it('meets a half strike however the float was written', () => {
    expect(legMid(mids, { expiry: '2026-11-23', strike: 5012.5000000001, right: 'call' })).toBe(8.05);
  });

  it('has no mid for another date, an option with no single tile, or a spread tile\'s strike', () => {
    expect(legMid(mids, { expiry: '2026-11-24', strike: 5000, right: 'call' })).toBeUndefined();
    expect(legMid(mids, { expiry: '2026-11-23', strike: 5010, right: 'call' })).toBeUndefined();
    expect(mids.size).toBe(3);
  });

  it('skips a tile without an expiry instant (an old producer\'s)', () => {
    expect(singleOptionMids([tile('single-call', 5000, 14.2, 0, Number.NaN)]).size).toBe(0);
  });
});
