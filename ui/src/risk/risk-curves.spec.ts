import { payoffAtExpiry, positionValue, type PositionLeg, type RiskMarket } from '@marketswarm/shared/models';
import { DIVIDEND_YIELD, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import { describe, expect, it } from 'vitest';
import { axisSpots, buildCurves } from './risk-curves';

const H = 3_600_000;
const NOW = Date.UTC(2026, 0, 2, 15);
const CLOSE = Date.UTC(2026, 0, 2, 21);
const NEXT = Date.UTC(2026, 0, 9, 21);
const market: RiskMarket = { now: NOW, rate: RISK_FREE_RATE, dividendYield: DIVIDEND_YIELD, vol: 0.18 };
// 10-wide call fly at 5000 for 2.35 (the debit on the first long leg).
const fly: PositionLeg[] = [
  { type: 'call', strike: 4990, expiry: CLOSE, quantity: 1, entryPrice: 2.35 },
  { type: 'call', strike: 5000, expiry: CLOSE, quantity: -2, entryPrice: 0 },
  { type: 'call', strike: 5010, expiry: CLOSE, quantity: 1, entryPrice: 0 },
];

describe('axisSpots', () => {
  it('samples the axis evenly and adds the strikes inside it, once each', () => {
    const spots = axisSpots({ from: 4980, to: 5020 }, [4990, 5000, 5010, 5100], 5);
    expect(spots).toEqual([4980, 4990, 5000, 5010, 5020]);
    const dense = axisSpots({ from: 4980, to: 5020 }, [4993.5], 5);
    expect(dense).toEqual([4980, 4990, 4993.5, 5000, 5010, 5020]);
  });

  it('keeps every spot positive', () => {
    expect(axisSpots({ from: -10, to: 10 }, [], 3)[0]).toBeGreaterThan(0);
  });
});

describe('buildCurves', () => {
  const spots = [4980, 4990, 5000, 5010, 5020];

  it('stacks today, each chosen date and the expiry, in that order', () => {
    const curves = buildCurves({ legs: fly, spots, today: market, dates: [{ at: NOW + H, label: 'T+ 11:00' }], expiry: CLOSE });
    expect(curves.map((c) => [c.id, c.kind, c.label])).toEqual([
      ['today', 'today', 'today'],
      [`date:${NOW + H}`, 'date', 'T+ 11:00'],
      ['expiry', 'expiry', 'at expiry'],
    ]);
  });

  it('values today and each date with Black–Scholes, and the expiry at the exact payoff in dollars', () => {
    const [today, later, expiry] = buildCurves({ legs: fly, spots, today: market, dates: [{ at: NOW + 2 * H, label: '+2h' }], expiry: CLOSE });
    expect(today?.values[2]).toBeCloseTo(positionValue(fly, 5000, market, 100), 9);
    expect(later?.values[2]).toBeCloseTo(positionValue(fly, 5000, { ...market, now: NOW + 2 * H }, 100), 9);
    // At the centre a fly pays its width less the debit: (10 − 2.35) × 100.
    expect(expiry?.values).toEqual(spots.map((s) => payoffAtExpiry(fly, s, 100)));
    expect(expiry?.values[2]).toBeCloseTo(765, 9);
    // Time decay works for a long fly at the money: the later curve sits above today's.
    expect(later?.values[2] ?? NaN).toBeGreaterThan(today?.values[2] ?? NaN);
  });

  it('marks a calendar’s far leg to Black–Scholes at the near expiry instead of its intrinsic value', () => {
    const calendar: PositionLeg[] = [
      { type: 'call', strike: 5000, expiry: CLOSE, quantity: -1, entryPrice: 10 },
      { type: 'call', strike: 5000, expiry: NEXT, quantity: 1, entryPrice: 30 },
    ];
    const expiry = buildCurves({ legs: calendar, spots, today: market, dates: [], expiry: CLOSE }).find((c) => c.kind === 'expiry');
    expect(expiry?.values[2]).toBeCloseTo(positionValue(calendar, 5000, { ...market, now: CLOSE }, 100), 9);
    expect(expiry?.values[2]).not.toBeCloseTo(payoffAtExpiry(calendar, 5000, 100), 0);
  });
});
