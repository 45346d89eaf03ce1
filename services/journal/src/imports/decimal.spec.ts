import { describe, expect, it } from 'vitest';
import { addDecimals, allocateDecimal, negateDecimal, parseDecimal } from './decimal.js';

describe(parseDecimal.name, () => {
  it.each([
    ['1,000.50', '1000.5'],
    ['+500', '500'],
    ['-.05', '-0.05'],
    ['.60', '0.6'],
    ['$3.00', '3'],
    ['(1.25)', '-1.25'],
    ['-0.00', '0'],
    ['0.0125', '0.0125'],
  ])('reads %s as %s', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['', '--', '~', '1.2.3', 'abc', '.'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe(addDecimals.name, () => {
  it('adds without float error: 0.1 + 0.2 = 0.3 and 0.0125 + 0.0075 = 0.02', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('0.0125', '0.0075')).toBe('0.02');
    expect(addDecimals('-1.25', '1.25')).toBe('0');
    expect(negateDecimal('-3.455')).toBe('3.455');
  });
});

describe(allocateDecimal.name, () => {
  it('splits to the cent, the remainder on the first legs, always adding back to the total', () => {
    expect(allocateDecimal('2.6', [1n, 2n, 1n])).toEqual(['0.65', '1.3', '0.65']);
    expect(allocateDecimal('1', [1n, 1n, 1n])).toEqual(['0.34', '0.33', '0.33']);
    expect(allocateDecimal('-0.17', [2n, 2n, 2n, 2n])).toEqual(['-0.05', '-0.04', '-0.04', '-0.04']);
    expect(allocateDecimal('0.0125', [1n, 1n])).toEqual(['0.0063', '0.0062']);
  });
});
