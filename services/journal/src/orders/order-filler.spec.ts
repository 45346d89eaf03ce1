import { describe, expect, it } from 'vitest';
import type { OptionLeg } from '@marketswarm/shared/dto';
import { carrierPrices, orderFillRowHash } from './order-filler.js';

const leg = (strike: number, ratio: number): OptionLeg => ({ expiry: '2030-01-02', strike, right: 'call', ratio });

describe(carrierPrices.name, () => {
  it('puts a 1.20 debit fly\'s price on its long lower wing: 1.20, 0, 0', () => {
    expect(carrierPrices([leg(5000, 1), leg(5010, -2), leg(5020, 1)], 1_200_000)).toEqual([1_200_000, 0, 0]);
  });

  it('puts a 4.30 credit vertical on its short leg at a positive 4.30 (−1 × 4.30 = −4.30)', () => {
    expect(carrierPrices([leg(5000, 1), leg(5010, -1)], -4_300_000)).toEqual([0, 4_300_000]);
  });

  it('keeps Σ ratio × price equal to the spread price', () => {
    const legs = [leg(5000, -1), leg(5010, 2)];
    const prices = carrierPrices(legs, 3_100_000);
    expect(legs.reduce((sum, l, i) => sum + l.ratio * (prices[i] ?? 0), 0)).toBe(3_100_000);
  });
});

describe(orderFillRowHash.name, () => {
  it('is the same for an order\'s leg on every entry and differs between legs and orders', () => {
    expect(orderFillRowHash('o1', 0)).toBe(orderFillRowHash('o1', 0));
    expect(orderFillRowHash('o1', 0)).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([orderFillRowHash('o1', 0), orderFillRowHash('o1', 1), orderFillRowHash('o2', 0)]).size).toBe(3);
  });
});
