import { describe, expect, it } from 'vitest';
import { formatGreek } from './greek-format';

describe('formatGreek', () => {
  it('keeps the asked decimals for small greeks', () => {
    expect(formatGreek(0.04, 2)).toBe('0.04');
    expect(formatGreek(-0.0712, 3)).toBe('−0.071');
    expect(formatGreek(7.256, 2)).toBe('7.26');
  });

  it("drops decimals beyond about four significant digits, so a fly's leg theta stays narrow", () => {
    // 60.77 has two integer digits: 4 − 2 = 2 decimals allowed, capped at the 2 asked.
    expect(formatGreek(60.77, 2)).toBe('60.77');
    // 823.74 has three: one decimal.
    expect(formatGreek(-823.74, 2)).toBe('−823.7');
    // 1694.43 has four: none.
    expect(formatGreek(1694.43, 2)).toBe('1694');
    expect(formatGreek(1.0084, 3)).toBe('1.008');
    expect(formatGreek(-12345.6, 2)).toBe('−12346');
  });

  it('shows a tiny negative as an unsigned zero', () => {
    expect(formatGreek(-0.001, 2)).toBe('0.00');
    expect(formatGreek(0, 3)).toBe('0.000');
  });
});
