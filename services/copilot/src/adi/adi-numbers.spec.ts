import { describe, expect, it } from 'vitest';
import { extent, round, roundOrNull } from './adi-numbers.js';

describe(round.name, () => {
  it('rounds away float noise and never writes −0', () => {
    expect(round(6012.35 - 5998.15, 2)).toBe(14.2);
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
  });
});

describe(roundOrNull.name, () => {
  it('keeps an unknown figure unknown', () => {
    expect([null, undefined, Number.NaN, Infinity].map((v) => roundOrNull(v, 2))).toEqual([null, null, null, null]);
    expect(roundOrNull(0.123456, 4)).toBe(0.1235);
  });
});

describe(extent.name, () => {
  it('finds the low and high of more values than a spread call takes', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => 6000 + (i % 100));
    expect(extent(many)).toEqual({ low: 6000, high: 6099 });
    expect(extent([])).toBeNull();
  });
});
