import { describe, expect, it } from 'vitest';
import { hasOptions } from './optionable-symbols.js';

describe('hasOptions', () => {
  it('lists the index and ETF options the producer prices, and not VIX', () => {
    expect(['SPX', 'NDX', 'RUT', 'SPY', 'QQQ'].every(hasOptions)).toBe(true);
    expect(hasOptions('VIX')).toBe(false);
  });
});
