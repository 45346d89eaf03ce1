import { describe, expect, it } from 'vitest';
import { MEL_DTE_PREFERENCE, melDteFrom } from './mel-preference';

describe(melDteFrom.name, () => {
  it('reads the saved DTE', () => {
    expect(melDteFrom({ [MEL_DTE_PREFERENCE]: 7, symbol: 'SPX' })).toBe(7);
  });

  it('falls back to 0DTE for a missing, fractional, negative or too distant value', () => {
    expect(melDteFrom(undefined)).toBe(0);
    expect(melDteFrom({})).toBe(0);
    expect(melDteFrom({ [MEL_DTE_PREFERENCE]: 2.5 })).toBe(0);
    expect(melDteFrom({ [MEL_DTE_PREFERENCE]: -1 })).toBe(0);
    expect(melDteFrom({ [MEL_DTE_PREFERENCE]: 365 })).toBe(0);
    expect(melDteFrom({ [MEL_DTE_PREFERENCE]: '5' })).toBe(0);
  });
});
