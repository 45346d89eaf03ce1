import { describe, expect, it } from 'vitest';
import { alternatingPath, trianglePath } from './spot-path.js';

describe(alternatingPath.name, () => {
  it('alternates a quarter point above and below', () => {
    const path = alternatingPath(5000);
    expect([0, 1, 2].map(path)).toEqual([5000.25, 4999.75, 5000.25]);
  });
});

describe(trianglePath.name, () => {
  it('rises to the amplitude, falls through the centre to minus it and returns, one period of 8 ticks', () => {
    const path = trianglePath(5000, 4, 8);
    expect(Array.from({ length: 9 }, (_, i) => path(i))).toEqual([5000, 5002, 5004, 5002, 5000, 4998, 4996, 4998, 5000]);
  });

  it('moves every tick at 60 ticks a period', () => {
    const path = trianglePath(5000, 5, 60);
    const prices = Array.from({ length: 60 }, (_, i) => path(i));
    expect(prices.every((p, i) => i === 0 || p !== prices[i - 1])).toBe(true);
  });
});
