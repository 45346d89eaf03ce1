import { describe, expect, it } from 'vitest';
import { parseTileKey, pickRiskTiles } from './risk-tiles.js';

// A call-fly grid around SPX 5003: strikes 4990…5015 every 5, widths 5…20.
const keys = [4990, 4995, 5000, 5005, 5010, 5015].flatMap((strike) => [5, 10, 15, 20].map((width) => `butterfly-call:0:${width}:${strike}`));

describe(pickRiskTiles.name, () => {
  it('picks the nearest strike at the narrowest width first', () => {
    expect(pickRiskTiles(keys, 5003, 1)).toEqual(['butterfly-call:0:5:5005']);
  });

  it('walks strikes and widths together, so ten picks mix both', () => {
    const picks = pickRiskTiles(keys, 5003, 10).map((k) => parseTileKey(k)!);
    expect(new Set(picks.map((p) => p.key)).size).toBe(10);
    expect(new Set(picks.map((p) => p.strike)).size).toBe(4);
    expect(new Set(picks.map((p) => p.width)).size).toBe(4);
    // Diagonal 0: (5005, 5); 1: (5005, 10), (5000, 5); 2: (5005, 15), (5000, 10), (5010, 5); …
    expect(picks.slice(0, 3).map((p) => `${p.strike}/${p.width}`)).toEqual(['5005/5', '5005/10', '5000/5']);
  });

  it('skips keys already in the risk graph and ignores malformed ones', () => {
    const picks = pickRiskTiles([...keys, 'nonsense', 'butterfly-call:0:x:5005'], 5003, 2, new Set(['butterfly-call:0:5:5005']));
    expect(picks).toEqual(['butterfly-call:0:10:5005', 'butterfly-call:0:5:5000']);
  });

  it('returns what there is when the grid has fewer tiles than asked', () => {
    expect(pickRiskTiles(keys.slice(0, 3), 5003, 10)).toHaveLength(3);
  });
});
