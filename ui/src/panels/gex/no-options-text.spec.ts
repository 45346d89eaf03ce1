import { describe, expect, it } from 'vitest';
import { noOptionsText, optionableList } from './no-options-text';

describe(noOptionsText.name, () => {
  it('names the symbol and every optionable one', () => {
    expect(noOptionsText('VIX', 'GEX is')).toBe('VIX has no listed options here: GEX is computed for SPX, NDX, RUT, SPY and QQQ.');
  });
});

describe(optionableList.name, () => {
  it('joins with commas and a final "and"', () => {
    expect(optionableList(['SPX'])).toBe('SPX');
    expect(optionableList(['SPX', 'NDX'])).toBe('SPX and NDX');
    expect(optionableList([])).toBe('');
  });
});
