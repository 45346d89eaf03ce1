import { describe, expect, it } from 'vitest';
import { bsPrice } from '../pricing/black-scholes.js';
import { CONTRACT_MULTIPLIER, RISK_FREE_RATE } from '../pricing/market-constants.js';
import { expectedMove, yearsBetween } from './expected-move.js';
import { pnlTable, tableDates, tablePrices } from './pnl-table.js';
import { legGreeks } from './position-risk.js';
import { fitPriceAxis, spotSliderRange } from './risk-axis.js';
import { riskGraph, spotGrid } from './risk-graph.js';
import { breakevenTouches, probabilityOfProfit, probBelow } from './risk-probability.js';
import { templateLegs } from './strategy-templates.js';

// Friday 18 Dec 2026, 16:00 New York; the trader looks at 12:00, four hours before.
const expiry = Date.UTC(2026, 11, 18, 21);
const now = expiry - 4 * 3_600_000;
const spot = 5000;
const vol = 0.15;
const chain = (type: 'call' | 'put', strike: number, at: number): number =>
  bsPrice({ type, spot, strike, time: yearsBetween(now, at), rate: RISK_FREE_RATE, vol });

describe('a long 10-wide SPX 0DTE call fly at 5,000 with four hours left at 15 % IV', () => {
  const legs = templateLegs({ kind: 'butterfly', type: 'call', strike: 5000, width: 10, expiry, quantity: 1, direction: 'long' }, chain);
  const years = yearsBetween(now, expiry);
  const graph = riskGraph(legs, { spots: spotGrid(4900, 5100, 0.05), multiplier: CONTRACT_MULTIPLIER });
  const axis = fitPriceAxis({ spot, vol, years, breakevens: graph.breakevens, strikes: legs.map((l) => l.strike) });

  it('opens on a few tens of points that hold both breakevens and every strike', () => {
    expect(graph.breakevens).toHaveLength(2);
    expect(axis.to - axis.from).toBeLessThan(60);
    for (const level of [...graph.breakevens, 4990, 5010]) {
      expect(level).toBeGreaterThan(axis.from);
      expect(level).toBeLessThan(axis.to);
    }
  });

  it('moves the what-if slider in half points over about ±48', () => {
    const slider = spotSliderRange(spot, expectedMove(spot, vol, years), legs.map((l) => l.strike));
    expect(slider.step).toBe(0.5);
    expect(slider.max - slider.min).toBeGreaterThan(90);
    expect(slider.max - slider.min).toBeLessThan(100);
  });

  it('makes money when it ends between its breakevens, and touching either is likelier than ending past it', () => {
    const [low, high] = graph.breakevens as [number, number];
    const pop = probabilityOfProfit(legs, spot, vol, now);
    expect(pop).toBeCloseTo(probBelow(spot, high, vol, years) - probBelow(spot, low, vol, years), 4);
    for (const { level, touch } of breakevenTouches(graph.breakevens, spot, vol, years)) {
      const beyond = level < spot ? probBelow(spot, level, vol, years) : 1 - probBelow(spot, level, vol, years);
      expect(touch).toBeGreaterThan(beyond);
      expect(touch).toBeLessThanOrEqual(1);
    }
  });

  it('is short gamma and collects theta at the body', () => {
    const { total } = legGreeks(legs, spot, { now, rate: RISK_FREE_RATE, vol }, CONTRACT_MULTIPLIER);
    expect(total.gamma).toBeLessThan(0);
    expect(total.theta).toBeGreaterThan(0);
    expect(Math.abs(total.delta)).toBeLessThan(5);
  });

  it('tabulates hourly columns whose last row is the risk graph’s expiry line', () => {
    const dates = tableDates(now, expiry, 5);
    expect(dates).toEqual([4, 3, 2, 1, 0].map((h) => expiry - h * 3_600_000));
    const prices = tablePrices(axis, spot, 5, 11);
    expect(prices).toContain(5000);
    const cells = pnlTable(legs, prices, dates, { rate: RISK_FREE_RATE, vol }, CONTRACT_MULTIPLIER);
    const expiryLine = riskGraph(legs, { spots: prices, multiplier: CONTRACT_MULTIPLIER }).points.map((p) => p.expiry);
    expect(cells[4]).toEqual(expiryLine);
    // The first column is now: each leg repriced at the row's spot with four hours left, less what it was bought at.
    const nowRow = prices.map((price) => CONTRACT_MULTIPLIER * legs.reduce((a, l) => a + l.quantity * (bsPrice({ type: l.type, spot: price, strike: l.strike, time: years, rate: RISK_FREE_RATE, vol }) - l.entryPrice), 0));
    (cells[0] ?? []).forEach((cell, i) => expect(cell).toBeCloseTo(nowRow[i] as number, 9));
    // Bought at its model value, it is worth exactly its debit now: zero at 5,000, −$39.72 at the lower wing, −$164.02 at 4,975.
    expect(cells[0]?.[prices.indexOf(5000)]).toBeCloseTo(0, 9);
    expect(cells[0]?.[prices.indexOf(4990)]).toBeCloseTo(-39.72, 2);
    expect(cells[0]?.[prices.indexOf(4975)]).toBeCloseTo(-164.02, 2);
    // Theta at the body, hour by hour, to the expiry's $1,000 − $241.15 debit.
    const body = cells.map((row) => row[prices.indexOf(5000)] as number);
    [0, 34.47, 89.7, 200.91, 758.85].forEach((v, i) => expect(body[i]).toBeCloseTo(v, 2));
  });
});
