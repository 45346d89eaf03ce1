import { afterEach, describe, expect, it } from 'vitest';
import { formatChange, formatPrice, numberLocale, setNumberLocale } from './number';

describe('number formats', () => {
  afterEach(() => setNumberLocale('en-US'));

  it('formats prices with two decimals and grouping', () => {
    expect(formatPrice(5012.3)).toBe('5,012.30');
  });

  it('formats a change with its percentage and a true minus sign', () => {
    expect(formatChange(12.5, 5000)).toBe('+12.50 (+0.25%)');
    expect(formatChange(-50, 5000)).toBe('−50.00 (−1.00%)');
    expect(formatChange(0, 0)).toBe('0.00 (0.00%)');
  });

  it('uses the separators of the trader’s number locale once it is set', () => {
    setNumberLocale('de-DE');
    expect(numberLocale()).toBe('de-DE');
    expect(formatPrice(5012.3)).toBe('5.012,30');
    expect(formatChange(-50, 5000)).toBe('−50,00 (−1,00%)');
    setNumberLocale('en-GB');
    expect(formatPrice(5012.3)).toBe('5,012.30');
  });
});
