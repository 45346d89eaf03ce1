import { describe, expect, it } from 'vitest';
import { MARKET_MODE_BANDS, marketModeOf } from './market-mode.js';

describe(marketModeOf.name, () => {
  it('classifies by the bands, with both transition boundaries inside transition', () => {
    expect([0, 39.99, 40, 50, 60, 60.01, 100].map(marketModeOf)).toEqual(['compression', 'compression', 'transition', 'transition', 'transition', 'expansion', 'expansion']);
  });

  it('draws bands that tile 0–100 in the classification order', () => {
    expect(MARKET_MODE_BANDS.map((b) => b.mode)).toEqual(['compression', 'transition', 'expansion']);
    for (const b of MARKET_MODE_BANDS) expect(marketModeOf((b.from + b.to) / 2)).toBe(b.mode);
    expect(MARKET_MODE_BANDS[0]!.from).toBe(0);
    expect(MARKET_MODE_BANDS[2]!.to).toBe(100);
  });
});
