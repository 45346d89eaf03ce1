import { describe, expect, it } from 'vitest';
import { bsGreeks } from '../pricing/greeks.js';
import { positionGreeks } from './position-greeks.js';
import { legGreeks } from './position-risk.js';
import { type PositionLeg } from './risk-graph.js';

const expiry = Date.UTC(2026, 11, 18, 21);
const now = expiry - 4 * 3_600_000;
const time = 4 / 8760;
const market = { now, rate: 0.045, vol: 0.15 };
const fly: PositionLeg[] = [
  { type: 'call', strike: 4990, expiry, quantity: 1, entryPrice: 14 },
  { type: 'call', strike: 5000, expiry, quantity: -2, entryPrice: 8.5 },
  { type: 'call', strike: 5010, expiry, quantity: 1, entryPrice: 4.9 },
];

describe(legGreeks.name, () => {
  it('gives each leg quantity × its option’s greeks × the multiplier', () => {
    const { legs } = legGreeks(fly, 5000, market, 100);
    const body = bsGreeks({ type: 'call', spot: 5000, strike: 5000, time, rate: 0.045, vol: 0.15 });
    expect(legs).toHaveLength(3);
    expect(legs[1]?.delta).toBeCloseTo(-200 * body.delta, 9);
    expect(legs[1]?.gamma).toBeCloseTo(-200 * body.gamma, 9);
    expect(legs[1]?.theta).toBeCloseTo(-200 * body.theta, 9);
    expect(legs[1]?.vega).toBeCloseTo(-200 * body.vega, 9);
  });

  it('totals exactly the rows it shows, and agrees with the position’s greeks', () => {
    const { legs, total } = legGreeks(fly, 5003, market, 100);
    for (const greek of ['delta', 'gamma', 'theta', 'vega'] as const) {
      expect(total[greek]).toBe(legs.reduce((sum, row) => sum + row[greek], 0));
      expect(total[greek]).toBeCloseTo(positionGreeks(fly, 5003, market, 100)[greek], 9);
    }
  });

  it('shows the at-the-money fly short gamma and long theta four hours from expiry', () => {
    const { total } = legGreeks(fly, 5000, market, 100);
    expect(total.gamma).toBeLessThan(0);
    expect(total.theta).toBeGreaterThan(0);
  });

  it('has no rows and zero totals for no legs', () => {
    expect(legGreeks([], 5000, market)).toEqual({ legs: [], total: { delta: 0, gamma: 0, theta: 0, vega: 0 } });
  });
});
