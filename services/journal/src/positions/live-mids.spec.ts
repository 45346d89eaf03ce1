import { describe, expect, it } from 'vitest';
import { buildHeatmapTiles, makeTile, type HeatmapTiles } from '@marketswarm/shared/models';
import { legMids } from './live-mids.js';

// Monday 23 November 2026, 16:00 New York: the producer's expiry instant.
const expiry = Date.UTC(2026, 10, 23, 21);
const now = Date.UTC(2026, 10, 23, 15);

describe(legMids.name, () => {
  const chain = [4990, 5000, 5010].flatMap((strike, i) => [
    { strike, expiry, type: 'call' as const, mid: [14.2, 8.05, 3.9][i] ?? 0, gamma: 0, openInterest: 0 },
    { strike, expiry, type: 'put' as const, mid: [2.1, 6, 12.15][i] ?? 0, gamma: 0, openInterest: 0 },
  ]);
  const tiles = buildHeatmapTiles(chain, { now, widths: [10] });

  it("prices each leg at its option's mid from the single-option tiles, whatever the leg's ratio", () => {
    const fly = [
      { expiry: '2026-11-23', strike: 4990, right: 'call' as const },
      { expiry: '2026-11-23', strike: 5000, right: 'call' as const },
      { expiry: '2026-11-23', strike: 5010, right: 'call' as const },
    ];
    expect(legMids(fly, tiles)).toEqual({ ok: true, mids: [14.2, 8.05, 3.9] });
    expect(legMids([{ expiry: '2026-11-23', strike: 5010, right: 'put' }], tiles)).toEqual({ ok: true, mids: [12.15] });
  });

  it('names by index every leg the heatmap has no option for: another strike, another expiry', () => {
    const legs = [
      { expiry: '2026-11-23', strike: 5000, right: 'put' as const },
      { expiry: '2026-11-23', strike: 5020, right: 'put' as const },
      { expiry: '2026-11-24', strike: 5000, right: 'put' as const },
    ];
    expect(legMids(legs, tiles)).toEqual({ ok: false, missing: [1, 2] });
  });

  it('does not read a spread tile as an option mid', () => {
    const onlySpreads: HeatmapTiles = {};
    const vertical = makeTile('vertical-call', 0, 10, 5000, 4.15, expiry);
    if (vertical) onlySpreads[vertical.key] = vertical;
    expect(legMids([{ expiry: '2026-11-23', strike: 5000, right: 'call' }], onlySpreads)).toEqual({ ok: false, missing: [0] });
  });
});
