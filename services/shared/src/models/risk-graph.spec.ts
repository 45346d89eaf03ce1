import { describe, expect, it } from 'vitest';
import { bsPrice } from '../pricing/black-scholes.js';
import { legBsInputs, payoffAtExpiry, piecewiseExtremes, positionValue, riskGraph, spotGrid, type PositionLeg, zeroCrossings } from './risk-graph.js';

const expiry = Date.UTC(2026, 10, 23, 21);
const now = expiry - 30 * 86_400_000;

describe('risk graph: long 100 call bought for 5', () => {
  const legs: PositionLeg[] = [{ type: 'call', strike: 100, expiry, quantity: 1, entryPrice: 5 }];

  it('breaks even at strike + premium = 105, even between grid points', () => {
    const graph = riskGraph(legs, { spots: spotGrid(80, 125, 3) }); // 104 and 107 bracket 105
    expect(graph.breakevens).toHaveLength(1);
    expect(graph.breakevens[0]).toBeCloseTo(105, 10);
  });

  it('loses at most the premium and makes spot − 105 above it, × the multiplier', () => {
    const graph = riskGraph(legs, { spots: spotGrid(80, 130, 5), multiplier: 100 });
    expect(graph.maxLoss).toBe(-500);
    expect(graph.maxProfit).toBe(2500);
    expect(payoffAtExpiry(legs, 112)).toBe(7);
  });

  it("marks today's line to Black–Scholes and meets the expiry line at expiry", () => {
    const market = { now, rate: 0.05, vol: 0.2 };
    const graph = riskGraph(legs, { spots: [100], market });
    const time = 30 / 365;
    expect(graph.points[0]?.today).toBeCloseTo(bsPrice({ type: 'call', spot: 100, strike: 100, time, rate: 0.05, vol: 0.2 }) - 5, 12);
    expect(positionValue(legs, 110, { ...market, now: expiry })).toBe(payoffAtExpiry(legs, 110));
  });
});

describe('risk graph: iron condor 85/95 put spread + 105/110 call spread for a 2.75 credit', () => {
  // short 95 put @ 2.00, long 85 put @ 0.50, short 105 call @ 1.75, long 110 call @ 0.50
  const legs: PositionLeg[] = [
    { type: 'put', strike: 95, expiry, quantity: -1, entryPrice: 2 },
    { type: 'put', strike: 85, expiry, quantity: 1, entryPrice: 0.5 },
    { type: 'call', strike: 105, expiry, quantity: -1, entryPrice: 1.75 },
    { type: 'call', strike: 110, expiry, quantity: 1, entryPrice: 0.5 },
  ];
  const graph = riskGraph(legs, { spots: spotGrid(70, 130, 1) });

  it('breaks even at 95 − 2.75 = 92.25 and 105 + 2.75 = 107.75', () => {
    expect(graph.breakevens).toHaveLength(2);
    expect(graph.breakevens[0]).toBeCloseTo(92.25, 10);
    expect(graph.breakevens[1]).toBeCloseTo(107.75, 10);
  });

  it('makes at most the 2.75 credit and loses at most the wider wing (10) − 2.75 = 7.25', () => {
    expect(graph.maxProfit).toBeCloseTo(2.75, 12);
    expect(graph.maxLoss).toBeCloseTo(-7.25, 12);
    expect(payoffAtExpiry(legs, 120)).toBeCloseTo(-2.25, 12); // the narrower call wing
  });
});

describe(zeroCrossings.name, () => {
  it('counts a grid point that is exactly zero once, and a run of zeros at its start', () => {
    expect(zeroCrossings([1, 2, 3], [-1, 0, 1])).toEqual([2]);
    expect(zeroCrossings([1, 2, 3, 4], [-1, 0, 0, 1])).toEqual([2]);
    expect(zeroCrossings([1, 2], [1, 3])).toEqual([]);
  });
});

describe(spotGrid.name, () => {
  it('includes both ends and rejects a bad step', () => {
    expect(spotGrid(0, 10, 4)).toEqual([0, 4, 8, 10]);
    expect(() => spotGrid(0, 10, 0)).toThrow(RangeError);
  });
});

describe(legBsInputs.name, () => {
  const leg: PositionLeg = { type: 'put', strike: 95, expiry, quantity: -2, entryPrice: 1.5 };

  it('prices a leg 30 days out at the flat vol with no dividend unless the market has one', () => {
    expect(legBsInputs(leg, 100, { now, rate: 0.05, vol: 0.2 })).toEqual({
      type: 'put',
      spot: 100,
      strike: 95,
      time: 30 / 365,
      rate: 0.05,
      vol: 0.2,
      dividendYield: 0,
    });
    expect(legBsInputs(leg, 100, { now, rate: 0.05, vol: 0.2, dividendYield: 0.013 }).dividendYield).toBe(0.013);
  });

  it("asks a skewed market for this leg's vol at this spot", () => {
    const vol = (l: PositionLeg, spot: number): number => 0.2 + (spot - l.strike) / 1000; // 0.2 + 5/1000 = 0.205
    expect(legBsInputs(leg, 100, { now, rate: 0.05, vol }).vol).toBeCloseTo(0.205, 12);
  });
});

describe(piecewiseExtremes.name, () => {
  it('reads the extremes at 0 and the kinks, and calls a side unbounded when the slope beyond runs off', () => {
    // Long 100 call for 5: loses 5 at most, unbounded upside.
    const call = (s: number) => Math.max(0, s - 100) - 5;
    expect(piecewiseExtremes([100], call, 1)).toEqual({ max: null, min: -5 });
    // Short it: the mirror.
    expect(piecewiseExtremes([100], (s) => -call(s), -1)).toEqual({ max: 5, min: null });
    // A 90/100/110 fly for 2: +8 at the body, −2 outside.
    const fly = (s: number) => Math.max(0, s - 90) - 2 * Math.max(0, s - 100) + Math.max(0, s - 110) - 2;
    expect(piecewiseExtremes([90, 100, 110], fly, 0)).toEqual({ max: 8, min: -2 });
  });
});
