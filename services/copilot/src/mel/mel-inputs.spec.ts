import { describe, expect, it } from 'vitest';
import { HEATMAP_TILES } from './fixtures/heatmap-tiles.js';
import { NOW } from './fixtures/market-clock.js';
import { gexForDte, tilesForDte } from './mel-inputs.js';

describe(tilesForDte.name, () => {
  it('keeps the tiles of one DTE only', () => {
    expect(tilesForDte(HEATMAP_TILES, 0)).toHaveLength(10);
    expect(tilesForDte(HEATMAP_TILES, 1).map((t) => t.strike)).toEqual([6000, 6500]);
    expect(tilesForDte(HEATMAP_TILES, 2)).toEqual([]);
  });
});

describe(gexForDte.name, () => {
  const gex = { symbol: 'SPX', strikes: [{ strike: 6000, call: 5, put: -2 }], callWall: 6050, putWall: 5950 };

  it('uses the symbol\'s profile, filling net from call + put, when the producer publishes no GEX by expiry', () => {
    expect(gexForDte(gex, 0, NOW)).toEqual({ strikes: [{ strike: 6000, net: 3 }], callWall: 6050, putWall: 5950 });
  });

  it('uses the DTE\'s own expiry when the payload carries GEX by expiry', () => {
    const byExpiry = [
      { expiry: NOW + 5 * 3_600_000, strikes: [{ strike: 6000, call: 9, put: -1, net: 8 }] },
      { expiry: NOW + 29 * 3_600_000, strikes: [{ strike: 6000, call: 1, put: -4 }] },
    ];
    expect(gexForDte({ ...gex, byExpiry }, 0, NOW).strikes).toEqual([{ strike: 6000, net: 8 }]);
    expect(gexForDte({ ...gex, byExpiry }, 1, NOW).strikes).toEqual([{ strike: 6000, net: -3 }]);
    // No expiry for 7 DTE: the symbol's profile.
    expect(gexForDte({ ...gex, byExpiry }, 7, NOW).strikes).toEqual([{ strike: 6000, net: 3 }]);
  });
});
