import { describe, expect, it } from 'vitest';
import { formatPremium, premiumKind, premiumWords } from './premium-format';

describe(formatPremium.name, () => {
  it('shows a debit at the SPX tick: 0.05 below $3, 0.10 above', () => {
    expect(formatPremium('SPX', 2.43)).toBe('2.45');
    expect(formatPremium('SPX', 2.4)).toBe('2.40');
    expect(formatPremium('SPX', 4.23)).toBe('4.20');
    expect(formatPremium('SPX', 4.26)).toBe('4.30');
  });

  it('marks a credit with cr and shows its size', () => {
    expect(formatPremium('SPX', -4.2)).toBe('cr 4.20');
    expect(premiumKind(-4.2)).toBe('credit');
    expect(premiumKind(2.4)).toBe('debit');
  });

  it('reads a dash for a missing price', () => {
    expect(formatPremium('SPX', Number.NaN)).toBe('—');
  });
});

describe(premiumWords.name, () => {
  it('names the side of the money in words', () => {
    expect(premiumWords('SPX', 2.4)).toBe('debit 2.40');
    expect(premiumWords('SPX', -4.2)).toBe('credit 4.20');
  });
});
