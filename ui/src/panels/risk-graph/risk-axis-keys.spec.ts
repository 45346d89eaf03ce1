import { describe, expect, it } from 'vitest';
import type { PositionLeg } from '@marketswarm/shared/models';
import { riskAxisKeys } from './risk-axis-keys';

const expiry = Date.UTC(2026, 11, 18, 21);
const leg = (type: 'call' | 'put', strike: number, quantity: number, entryPrice = 0): PositionLeg => ({ type, strike, expiry, quantity, entryPrice });
const fly = (n: number) => ({ legs: [leg('call', 4990, n, 12.67), leg('call', 5000, -2 * n, 6.45), leg('call', 5010, n, 2.63)] });
const putSpread = { legs: [leg('put', 4950, 1), leg('put', 4940, -1)] };

describe(riskAxisKeys.name, () => {
  it('keeps both keys when a quantity changes, so the trader’s zoom and the fit stay put', () => {
    const one = riskAxisKeys('SPX', [fly(1)], [fly(1)], true);
    const three = riskAxisKeys('SPX', [fly(3)], [fly(3)], true);
    expect(three).toEqual(one);
  });

  it('keeps the zoom when a position is switched off or on, while the fit follows what is drawn', () => {
    const both = riskAxisKeys('SPX', [fly(1), putSpread], [fly(1), putSpread], true);
    const flyOnly = riskAxisKeys('SPX', [fly(1), putSpread], [fly(1)], true);
    expect(flyOnly.hold).toBe(both.hold);
    expect(flyOnly.fit).not.toBe(both.fit);
  });

  it('drops the zoom for a new option in the book, another expiry of the same strike, or another symbol', () => {
    const base = riskAxisKeys('SPX', [fly(1)], [fly(1)], true);
    expect(riskAxisKeys('SPX', [fly(1), putSpread], [fly(1), putSpread], true).hold).not.toBe(base.hold);
    const nextDay = { legs: fly(1).legs.map((l) => ({ ...l, expiry: expiry + 86_400_000 })) };
    expect(riskAxisKeys('SPX', [nextDay], [nextDay], true).hold).not.toBe(base.hold);
    const puts = { legs: fly(1).legs.map((l) => ({ ...l, type: 'put' as const })) };
    expect(riskAxisKeys('SPX', [puts], [puts], true).hold).not.toBe(base.hold);
    expect(riskAxisKeys('NDX', [fly(1)], [fly(1)], true).hold).not.toBe(base.hold);
  });

  it('fits again once live spot is known, keeping the zoom', () => {
    const fallback = riskAxisKeys('SPX', [fly(1)], [fly(1)], false);
    const live = riskAxisKeys('SPX', [fly(1)], [fly(1)], true);
    expect(live.fit).not.toBe(fallback.fit);
    expect(live.hold).toBe(fallback.hold);
  });

  it('reads the same book the same in any order of positions or legs', () => {
    const reversed = { legs: [...fly(1).legs].reverse() };
    expect(riskAxisKeys('SPX', [putSpread, reversed], [putSpread, reversed], true)).toEqual(riskAxisKeys('SPX', [fly(1), putSpread], [fly(1), putSpread], true));
  });
});
