import { describe, expect, it } from 'vitest';
import { formatChange, formatPrice } from './number';

describe('number formats', () => {
  it('formats prices with two decimals and grouping', () => {
    expect(formatPrice(5012.3)).toBe('5,012.30');
  });

  it('formats a change with its percentage and a true minus sign', () => {
    expect(formatChange(12.5, 5000)).toBe('+12.50 (+0.25%)');
    expect(formatChange(-50, 5000)).toBe('−50.00 (−1.00%)');
    expect(formatChange(0, 0)).toBe('0.00 (0.00%)');
  });
});
