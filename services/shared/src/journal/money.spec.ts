import { describe, expect, it } from 'vitest';
import { averageMinor, formatMinor, fromMinor, MINOR_PER_UNIT, toMinor } from './money.js';

describe(toMinor.name, () => {
  it('parses decimal strings exactly into micro-dollars, with no float multiplication', () => {
    expect(toMinor('0.0125')).toBe(12_500);
    expect(toMinor('0.65')).toBe(650_000);
    expect(toMinor('-555.30')).toBe(-555_300_000);
    expect(toMinor('.5')).toBe(500_000);
    expect(toMinor('+3')).toBe(3_000_000);
    expect(toMinor('1.')).toBe(1_000_000);
    expect(Object.is(toMinor('-0.00'), 0)).toBe(true);
    // 0.1 + 0.2 in floats is 0.30000000000000004; the parser never sees a float
    expect(toMinor('0.1') + toMinor('0.2')).toBe(toMinor('0.3'));
  });

  it('parses the largest safe amount and refuses one beyond it', () => {
    expect(toMinor('9007199254.740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toMinor('9007199254.740992')).toThrow(/safe integer/);
  });

  it('refuses more than six decimals rather than rounding a fee away', () => {
    expect(() => toMinor('0.0000001')).toThrow(/more than 6 decimals/);
    // trailing zeros are not precision: a broker printing 8 places is still exact
    expect(toMinor('0.01250000')).toBe(12_500);
  });

  it('refuses text that is not a plain decimal', () => {
    for (const bad of ['', '1e3', '1,000.00', '$5', '1.2.3', '-', '.']) expect(() => toMinor(bad), bad).toThrow(/not a decimal/);
  });
});

describe(fromMinor.name, () => {
  it('turns micro-dollars into the account-currency number JSON returns', () => {
    expect(fromMinor(3_975_000)).toBe(3.975);
    expect(fromMinor(-12_500)).toBe(-0.0125);
    expect(MINOR_PER_UNIT).toBe(1_000_000);
  });

  it('refuses a non-integer amount', () => {
    expect(() => fromMinor(1.5)).toThrow(/safe integer/);
  });
});

describe(formatMinor.name, () => {
  it('prints the exact decimal without trailing zeros', () => {
    expect(formatMinor(-12_500)).toBe('-0.0125');
    expect(formatMinor(543_200_000)).toBe('543.2');
    expect(formatMinor(3_000_000)).toBe('3');
    expect(formatMinor(0)).toBe('0');
  });
});

describe(averageMinor.name, () => {
  it('rounds to the nearest micro-dollar with halves away from zero, symmetric for losses', () => {
    expect(averageMinor(7, 2)).toBe(4);
    expect(averageMinor(-7, 2)).toBe(-4);
    expect(averageMinor(5, 3)).toBe(2);
    expect(averageMinor(-5, 3)).toBe(-2);
    expect(Object.is(averageMinor(-1, 3), 0)).toBe(true);
  });

  it('stays exact near the safe-integer limit where a float quotient would round', () => {
    // (2^53 − 1) / 2 = 4503599627370495.5 → 4503599627370496 (half away from zero)
    expect(averageMinor(Number.MAX_SAFE_INTEGER, 2)).toBe(4_503_599_627_370_496);
  });
});
