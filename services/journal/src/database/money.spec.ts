import { describe, expect, it } from 'vitest';
import { addMicros, formatMicros, microsToNumber, multiplyMicros, parseMicros, parseMicrosRounded, subtractMicros, unitsToMicros } from './money.js';

describe(parseMicros.name, () => {
  it('reads a broker fee with fractions of a cent exactly, from the digits', () => {
    // $0.0065 per share (IBKR tiered) = 6,500 millionths
    expect(parseMicros('0.0065')).toBe(6_500);
    expect(parseMicros('-0.0065')).toBe(-6_500);
    expect(parseMicros('4512.25')).toBe(4_512_250_000);
    expect(parseMicros('.5')).toBe(500_000);
    expect(parseMicros('+3')).toBe(3_000_000);
    expect(parseMicros(' 1.100000 ')).toBe(1_100_000);
  });

  it('keeps what floats lose: 0.1 + 0.2 is 0.3 in micros', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in doubles; 100,000 + 200,000 = 300,000 micros
    expect(addMicros(parseMicros('0.1'), parseMicros('0.2'))).toBe(parseMicros('0.3'));
  });

  it('refuses more than 6 decimals instead of rounding them away', () => {
    expect(() => parseMicros('0.0000001')).toThrow(/more than 6 decimals/);
  });

  it('refuses what is not a plain decimal', () => {
    for (const text of ['', '-', '1,234.5', '1e3', 'abc', '1.2.3', '$5']) expect(() => parseMicros(text), text).toThrow(/not a decimal/);
  });

  it('refuses a value beyond the safe-integer range of micros', () => {
    // 9,007,199,254.740991 is the largest; one more millionth is refused
    expect(parseMicros('9007199254.740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseMicros('9007199254.740992')).toThrow(/must be a safe integer/);
  });
});

describe(addMicros.name, () => {
  it('sums the fees of a 1-2-1 butterfly fill to the millionth', () => {
    // 4 contracts × $0.65 commission + 4 × $0.0213 exchange + 4 × $0.02 clearing = 2.60 + 0.0852 + 0.08 = $2.7652
    const perContract = [parseMicros('0.65'), parseMicros('0.0213'), parseMicros('0.02')];
    const fees = addMicros(...perContract.map((fee) => multiplyMicros(fee, unitsToMicros(4))));
    expect(fees).toBe(2_765_200);
    expect(formatMicros(fees)).toBe('2.7652');
  });

  it('nets a rebate (negative fee) against a commission', () => {
    // $1.00 commission − $0.0020 rebate = $0.998
    expect(addMicros(parseMicros('1'), parseMicros('-0.002'))).toBe(998_000);
  });

  it('refuses a sum that would leave the safe-integer range', () => {
    expect(() => addMicros(Number.MAX_SAFE_INTEGER, 1)).toThrow(/beyond/);
  });

  it('refuses an operand that is not an integer of micros', () => {
    expect(() => addMicros(0.5)).toThrow(/not a micros value/);
  });
});

describe(subtractMicros.name, () => {
  it('is the exact difference: a credit of $2.35 closed for $0.40 keeps $1.95 a share', () => {
    expect(subtractMicros(parseMicros('2.35'), parseMicros('0.40'))).toBe(1_950_000);
  });
});

describe(multiplyMicros.name, () => {
  it('is exact for whole quantities and multipliers: 3 ES at 4512.25 × 50', () => {
    // 3 × 4,512.25 × 50 = $676,837.50
    expect(multiplyMicros(multiplyMicros(unitsToMicros(3), parseMicros('4512.25')), unitsToMicros(50))).toBe(676_837_500_000);
  });

  it('rounds half away from zero only when a fractional share makes more than 6 decimals', () => {
    // 0.333333 shares × $10.000005 = 3.33333 + 0.000001666665 = 3.333331666665 → 3.333332; negative mirrors it
    expect(multiplyMicros(parseMicros('0.333333'), parseMicros('10.000005'))).toBe(3_333_332);
    expect(multiplyMicros(parseMicros('-0.333333'), parseMicros('10.000005'))).toBe(-3_333_332);
    // 0.5 × 0.000001 = 0.0000005 → exactly half a millionth rounds away from zero to 0.000001
    expect(multiplyMicros(parseMicros('0.5'), parseMicros('0.000001'))).toBe(1);
  });
});

describe(formatMicros.name, () => {
  it('writes the exact decimal without trailing zeros', () => {
    expect(formatMicros(1_250_000)).toBe('1.25');
    expect(formatMicros(-6_500)).toBe('-0.0065');
    expect(formatMicros(0)).toBe('0');
    expect(formatMicros(42_000_000)).toBe('42');
  });

  it('round-trips every string parseMicros accepts', () => {
    for (const text of ['0.000001', '-123.456789', '9007199254.740991']) expect(formatMicros(parseMicros(text))).toBe(text);
  });
});

describe(microsToNumber.name, () => {
  it('is the double nearest the exact decimal, as JSON.parse would read it', () => {
    expect(microsToNumber(2_765_200)).toBe(2.7652);
    expect(microsToNumber(-6_500)).toBe(-0.0065);
    expect(microsToNumber(300_000)).toBe(Number('0.3'));
  });
});

describe(parseMicrosRounded.name, () => {
  it('rounds a decimal finer than a millionth half away from zero, and leaves exact ones alone', () => {
    // IBKR's ibCommission="-1.1108314": 1.110831|4 → 1.110831 (the 7th decimal 4 rounds down).
    expect(parseMicrosRounded('1.1108314')).toBe(1_110_831);
    // 0.0000005 is exactly half a millionth: away from zero → 1 micro, −1 for the negative.
    expect(parseMicrosRounded('0.0000005')).toBe(1);
    expect(parseMicrosRounded('-0.0000005')).toBe(-1);
    expect(parseMicrosRounded('2.9999996')).toBe(3_000_000);
    expect(parseMicrosRounded('0.0125')).toBe(parseMicros('0.0125'));
    expect(parseMicrosRounded('-44.19')).toBe(-44_190_000);
  });

  it('refuses what is not a decimal', () => {
    expect(() => parseMicrosRounded('1e-7')).toThrow(/not a decimal/);
  });
});
