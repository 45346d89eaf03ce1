import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

const LIMITS = { perSecond: 10, burst: 20 };

function takes(bucket: TokenBucket, now: number, count: number, limits = LIMITS): boolean[] {
  return Array.from({ length: count }, () => bucket.tryTake(now, limits));
}

describe(TokenBucket.name, () => {
  it('lets a full burst through at once and refuses the next take', () => {
    const bucket = new TokenBucket();
    const results = takes(bucket, 1000, 21);
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results.at(-1)).toBe(false);
  });

  it('refills at the rate: 10 a second gives one token back every 100 ms', () => {
    const bucket = new TokenBucket();
    takes(bucket, 0, 20);
    expect(bucket.tryTake(50, LIMITS)).toBe(false); // 0.5 token
    expect(bucket.tryTake(100, LIMITS)).toBe(true); // 0.5 + 0.5 = 1 token
    expect(bucket.tryTake(100, LIMITS)).toBe(false);
    expect(takes(bucket, 400, 4)).toEqual([true, true, true, false]); // 300 ms → 3 tokens
  });

  it('never holds more than the burst, however long it was idle', () => {
    const bucket = new TokenBucket();
    bucket.tryTake(0, LIMITS);
    expect(takes(bucket, 3_600_000, 21).filter(Boolean)).toHaveLength(20);
  });

  it('applies limits changed while it runs', () => {
    const bucket = new TokenBucket();
    takes(bucket, 0, 20);
    // A burst lowered to 2 caps the tokens a long idle gives back.
    expect(takes(bucket, 10_000, 3, { perSecond: 10, burst: 2 })).toEqual([true, true, false]);
  });

  it('does not refill when the clock steps back', () => {
    const bucket = new TokenBucket();
    takes(bucket, 5000, 20);
    expect(bucket.tryTake(1000, LIMITS)).toBe(false);
  });
});
