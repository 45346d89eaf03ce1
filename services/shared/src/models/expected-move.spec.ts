import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../pricing/year-fraction.js';
import { expectedMove, yearsBetween } from './expected-move.js';

const HOUR = 3_600_000;

describe(expectedMove.name, () => {
  it('is spot × σ × √t: SPX 5,000 at 15 % IV with 4 h left moves about 16 points', () => {
    // 5000 × 0.15 × √(4 / 8760) = 750 × 0.0213687… = 16.0265…
    expect(expectedMove(5000, 0.15, 4 / 8760)).toBeCloseTo(16.0265, 4);
  });

  it('is about 104 points a week out at the same vol, and doubles when the time quadruples', () => {
    // 750 × √(7 / 365) = 750 × 0.138485 = 103.86
    expect(expectedMove(5000, 0.15, 7 / 365)).toBeCloseTo(103.86, 2);
    expect(expectedMove(5000, 0.2, 0.04)).toBeCloseTo(2 * expectedMove(5000, 0.2, 0.01), 12);
  });

  it('is 0 with no time left, no vol, or a spot that is not a price', () => {
    expect(expectedMove(5000, 0.15, 0)).toBe(0);
    expect(expectedMove(5000, 0.15, -0.01)).toBe(0);
    expect(expectedMove(5000, 0, 0.1)).toBe(0);
    expect(expectedMove(Number.NaN, 0.15, 0.1)).toBe(0);
    expect(expectedMove(5000, 0.15, Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe(yearsBetween.name, () => {
  it('counts ACT/365 with the hours of the day', () => {
    expect(yearsBetween(0, 365 * MS_PER_DAY)).toBe(1);
    expect(yearsBetween(0, 6 * HOUR)).toBeCloseTo(6 / 8760, 15);
  });

  it('is 0, never negative, once expiry has passed', () => {
    expect(yearsBetween(10 * HOUR, 9 * HOUR)).toBe(0);
    expect(yearsBetween(HOUR, HOUR)).toBe(0);
  });
});
