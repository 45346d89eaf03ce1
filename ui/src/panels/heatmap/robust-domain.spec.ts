import { describe, expect, it } from 'vitest';
import { robustDomain } from './robust-domain';

describe(robustDomain.name, () => {
  it('is undefined without a finite value', () => {
    expect(robustDomain([])).toBeUndefined();
    expect(robustDomain([Number.NaN, Infinity])).toBeUndefined();
    expect(robustDomain([0, -1], { log: true })).toBeUndefined();
  });

  it('spans an even spread of values from its 5th to its 95th percentile', () => {
    // 0…100: the quartiles are 25 and 75, so the fences (−50, 150) do not bite.
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(robustDomain(values)).toEqual({ min: 5, max: 95 });
  });

  it('keeps three far-out-of-the-money reward/risk tiles from washing out thirty ordinary ones', () => {
    // Thirty tiles at 0.5…3.4 and three wings at 40, 60 and 80: the 95th percentile alone lands
    // on 40 (3 of 33 is 9 %), which would paint every ordinary tile in the bottom tenth of the scale.
    const ordinary = Array.from({ length: 30 }, (_, i) => 0.5 + i * 0.1);
    const domain = robustDomain([...ordinary, 40, 60, 80], { log: true });
    expect(domain).toBeDefined();
    expect(domain!.min).toBeGreaterThanOrEqual(0.5);
    expect(domain!.max).toBeLessThan(10);
    expect(domain!.max).toBeGreaterThanOrEqual(3.2);
  });

  it('does the same for debits on a linear scale', () => {
    // Sixteen debits 1…4 and two at 40 and 45: q1 = 1.85, q3 = 3.55, so the upper fence is 3.55 + 1.5 × 1.7 = 6.1;
    // the 5th percentile is rank 0.85 of 17, 1 + 0.85 × 0.2 = 1.17.
    const domain = robustDomain([1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8, 3, 3.2, 3.4, 3.6, 3.8, 4, 40, 45]);
    expect(domain!.max).toBeCloseTo(6.1, 9);
    expect(domain!.min).toBeCloseTo(1.17, 9);
  });

  it('collapses to one point when every value is the same', () => {
    expect(robustDomain([2.4, 2.4, 2.4])).toEqual({ min: 2.4, max: 2.4 });
  });

  it('handles credits (negative prices) on the linear scale', () => {
    const domain = robustDomain([-4.2, -3.8, -3.1, -2.5]);
    expect(domain!.min).toBeLessThan(domain!.max);
    expect(domain!.min).toBeGreaterThanOrEqual(-4.2);
    expect(domain!.max).toBeLessThanOrEqual(-2.5);
  });
});
