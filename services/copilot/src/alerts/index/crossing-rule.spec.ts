import { describe, expect, it } from 'vitest';
import { movesThrough } from './crossing-rule.js';

describe(movesThrough.name, () => {
  it('fires an above level when the price rises onto or through it', () => {
    expect(movesThrough('above', 5000, 4999, 5000)).toBe(true);
    expect(movesThrough('above', 5000, 4999, 5001)).toBe(true);
  });

  it('does not fire an above level when the price leaves it, stays under it or falls through it', () => {
    expect(movesThrough('above', 5000, 5000, 5001)).toBe(false);
    expect(movesThrough('above', 5000, 4990, 4999)).toBe(false);
    expect(movesThrough('above', 5000, 5001, 4999)).toBe(false);
  });

  it('fires a below level when the price falls onto or through it, and not when it rises', () => {
    expect(movesThrough('below', 5000, 5001, 5000)).toBe(true);
    expect(movesThrough('below', 5000, 5001, 4999)).toBe(true);
    expect(movesThrough('below', 5000, 5000, 4999)).toBe(false);
    expect(movesThrough('below', 5000, 4999, 5001)).toBe(false);
  });

  it('fires a cross level whichever way the price passes it', () => {
    expect(movesThrough('cross', 5000, 4999, 5001)).toBe(true);
    expect(movesThrough('cross', 5000, 5001, 4999)).toBe(true);
  });

  it('fires nothing when the price does not move', () => {
    expect(movesThrough('cross', 5000, 5000, 5000)).toBe(false);
    expect(movesThrough('above', 5000, 5000, 5000)).toBe(false);
  });
});
