import { describe, expect, it } from 'vitest';
import { divRound, gcd, shareOf, toMicros } from './exact-share.js';

describe('exact shares', () => {
  it('divRound rounds half away from zero', () => {
    expect([divRound(5n, 2n), divRound(-5n, 2n), divRound(4n, 3n), divRound(-4n, 3n), divRound(5n, -3n)]).toEqual([3n, -3n, 1n, -1n, -2n]);
  });

  it('parts of a fee add up to the fee whatever the split', () => {
    // $1.00 over 3 contracts taken 1 + 1 + 1: 0.333333, 0.333334 (0.666667 − 0.333333), 0.333333
    const parts = [0n, 1n, 2n].map((done) => shareOf(1_000_000n, 3n, done, 1n));
    expect(parts).toEqual([333_333n, 333_334n, 333_333n]);
    expect(parts.reduce((a, b) => a + b)).toBe(1_000_000n);
    // a rebate of −$0.01 over 7 taken 2 + 5
    const rebate = [shareOf(-10_000n, 7n, 0n, 2n), shareOf(-10_000n, 7n, 2n, 5n)];
    expect(rebate).toEqual([-2_857n, -7_143n]);
    expect(rebate[0]! + rebate[1]!).toBe(-10_000n);
  });

  it('gcd gives the structure count; toMicros refuses unsafe numbers', () => {
    expect([gcd(2_000_000n, 4_000_000n), gcd(0n, 3_000_000n), gcd(1_000_000n, 3_000_000n)]).toEqual([2_000_000n, 3_000_000n, 1_000_000n]);
    expect(() => toMicros(2n ** 53n)).toThrow(RangeError);
    expect(toMicros(-1_500_000n)).toBe(-1_500_000);
  });
});
