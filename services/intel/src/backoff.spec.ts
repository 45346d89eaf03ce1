import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

const policy = { baseMs: 1000, maxMs: 30_000 };

describe(backoffDelayMs.name, () => {
  it('doubles per failure and caps at maxMs (upper edge of the jitter)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('keeps at least half the step (lower edge of the jitter)', () => {
    expect([1, 2, 3, 6].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 15_000]);
  });

  it('spreads retries between half and the full step', () => {
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(3000);
  });

  it('waits nothing before any failure', () => {
    expect(backoffDelayMs(0, policy, () => 1)).toBe(0);
  });
});
