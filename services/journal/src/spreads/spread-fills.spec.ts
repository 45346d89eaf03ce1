import { describe, expect, it } from 'vitest';
import type { OptionLeg, TradeDto } from '@marketswarm/shared/dto';
import { fillsFromLegs, holdsEveryLeg } from './spread-fills.js';

const fly: OptionLeg[] = [
  { expiry: '2026-12-18', strike: 5990, right: 'put', ratio: 1 },
  { expiry: '2026-12-18', strike: 6000, right: 'put', ratio: -2 },
  { expiry: '2026-12-18', strike: 6010, right: 'put', ratio: 1 },
];

describe(fillsFromLegs.name, () => {
  it('enters 3 put flies as 3 long wings each side and 6 short bodies, at the leg prices, with commission per contract', () => {
    const fills = fillsFromLegs({ symbol: 'SPX', legs: fly, quantity: 3 }, { executedAt: 1_000, prices: [4.1, 6.2, 9.3], positionEffect: 'open', commissionMicros: 650_000 });
    expect(fills.map((f) => [f.side, f.quantity, f.price, f.commission])).toEqual([
      ['buy', 3, 4.1, 1.95],
      ['sell', 6, 6.2, 3.9],
      ['buy', 3, 9.3, 1.95],
    ]);
    expect(fills[1]).toMatchObject({ executedAt: 1_000, positionEffect: 'open', instrument: { kind: 'option', underlying: 'SPX', expiry: '2026-12-18', strike: 6000, right: 'P' }, exchangeFee: 0, clearingFee: 0 });
  });

  it('leaves the effect to grouping and charges nothing when told so', () => {
    const [fill] = fillsFromLegs({ symbol: 'SPX', legs: [fly[0] as OptionLeg], quantity: 1 }, { executedAt: 0, prices: [1.5], positionEffect: 'unknown' });
    expect(fill).toMatchObject({ positionEffect: 'unknown', commission: 0, price: 1.5 });
  });
});

describe(holdsEveryLeg.name, () => {
  const leg = (strike: number, side: 'buy' | 'sell', right: 'C' | 'P' = 'P') => ({ expiry: '2026-12-18', strike, right, side }) as TradeDto['legs'][number];

  it('holds the fly when it has each option on the fly\'s side', () => {
    expect(holdsEveryLeg({ legs: [leg(5990, 'buy'), leg(6000, 'sell'), leg(6010, 'buy'), leg(6100, 'buy')] }, fly)).toBe(true);
  });

  it('does not hold it with a leg on the other side, of the other right, or missing', () => {
    expect(holdsEveryLeg({ legs: [leg(5990, 'buy'), leg(6000, 'buy'), leg(6010, 'buy')] }, fly)).toBe(false);
    expect(holdsEveryLeg({ legs: [leg(5990, 'buy'), leg(6000, 'sell', 'C'), leg(6010, 'buy')] }, fly)).toBe(false);
    expect(holdsEveryLeg({ legs: [leg(5990, 'buy'), leg(6000, 'sell')] }, fly)).toBe(false);
  });
});
