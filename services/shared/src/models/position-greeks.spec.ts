import { describe, expect, it } from 'vitest';
import { bsGreeks } from '../pricing/greeks.js';
import { positionGreeks } from './position-greeks.js';
import { type PositionLeg } from './risk-graph.js';

const expiry = Date.UTC(2026, 11, 18, 21);
const now = expiry - 30 * 86_400_000;
const time = 30 / 365;
const market = { now, rate: 0.045, vol: 0.2 };

describe(positionGreeks.name, () => {
  it('gives a long call bought twice twice the option\'s greeks', () => {
    const legs: PositionLeg[] = [{ type: 'call', strike: 6000, expiry, quantity: 2, entryPrice: 40 }];
    const one = bsGreeks({ type: 'call', spot: 6000, strike: 6000, time, rate: 0.045, vol: 0.2 });
    const greeks = positionGreeks(legs, 6000, market);
    expect(greeks.delta).toBeCloseTo(2 * one.delta, 12);
    expect(greeks.gamma).toBeCloseTo(2 * one.gamma, 12);
    expect(greeks.theta).toBeCloseTo(2 * one.theta, 12);
    expect(greeks.vega).toBeCloseTo(2 * one.vega, 12);
  });

  it('nets a 6000/6010 call vertical: the long delta less the short one, × 100 for dollars', () => {
    const legs: PositionLeg[] = [
      { type: 'call', strike: 6000, expiry, quantity: 1, entryPrice: 5 },
      { type: 'call', strike: 6010, expiry, quantity: -1, entryPrice: 0 },
    ];
    const long = bsGreeks({ type: 'call', spot: 6000, strike: 6000, time, rate: 0.045, vol: 0.2 });
    const short = bsGreeks({ type: 'call', spot: 6000, strike: 6010, time, rate: 0.045, vol: 0.2 });
    expect(positionGreeks(legs, 6000, market).delta).toBeCloseTo(long.delta - short.delta, 12);
    expect(positionGreeks(legs, 6000, market, 100).delta).toBeCloseTo(100 * (long.delta - short.delta), 10);
  });

  it('prices each leg at its own vol when the market gives one per leg', () => {
    const legs: PositionLeg[] = [{ type: 'put', strike: 5900, expiry, quantity: -3, entryPrice: 20 }];
    const greeks = positionGreeks(legs, 6000, { ...market, vol: (leg) => (leg.strike < 6000 ? 0.25 : 0.2) });
    const put = bsGreeks({ type: 'put', spot: 6000, strike: 5900, time, rate: 0.045, vol: 0.25 });
    expect(greeks.vega).toBeCloseTo(-3 * put.vega, 12);
  });

  it('has no greeks for an empty position', () => {
    expect(positionGreeks([], 6000, market)).toEqual({ delta: 0, gamma: 0, theta: 0, vega: 0 });
  });
});
