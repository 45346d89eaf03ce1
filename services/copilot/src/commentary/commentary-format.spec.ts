import { describe, expect, it } from 'vitest';
import { formatLevel, formatPrice, formatScore } from './commentary-format.js';

describe('commentary number formats', () => {
  it('writes prices with thousands separators and two decimals', () => {
    expect(formatPrice(6012.4)).toBe('6,012.40');
    expect(formatPrice(0.5)).toBe('0.50');
  });

  it('writes levels with only the decimals they have', () => {
    expect(formatLevel(6010)).toBe('6,010');
    expect(formatLevel(5987.5)).toBe('5,987.5');
    expect(formatLevel(5987.456)).toBe('5,987.46');
  });

  it('writes MEL scores with one decimal', () => {
    expect(formatScore(61.19999)).toBe('61.2');
    expect(formatScore(80)).toBe('80.0');
  });
});
