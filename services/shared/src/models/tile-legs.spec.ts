import { describe, expect, it } from 'vitest';
import { CONTRACT_MULTIPLIER, RISK_FREE_RATE } from '../pricing/market-constants.js';
import { makeTile, type HeatmapTile, type TileStrategy } from './heatmap.js';
import { payoffAtExpiry, positionValue, riskGraph, spotGrid, type RiskMarket } from './risk-graph.js';
import { tileLegs } from './tile-legs.js';

const expiry = Date.UTC(2026, 10, 23, 21);
const DAY = 86_400_000;

function tile(strategy: TileStrategy, width: number, strike: number, debit: number, iv?: number, wing?: number): HeatmapTile {
  const t = makeTile(strategy, 0, width, strike, debit, expiry, iv, wing === undefined ? {} : { wing });
  if (!t) throw new Error(`no ${strategy} tile`);
  return t;
}

const spots = spotGrid(4900, 5100, 0.5);

describe('tile legs: 4990/5000/5010 call butterfly bought for 2.50', () => {
  const fly = tile('butterfly-call', 10, 5000, 2.5);
  const legs = tileLegs(fly);

  it('is long 4990, short 2 × 5000, long 5010, all at the tile expiry, the debit on the first long leg', () => {
    expect(legs).toEqual([
      { type: 'call', strike: 4990, expiry, quantity: 1, entryPrice: 2.5 },
      { type: 'call', strike: 5000, expiry, quantity: -2, entryPrice: 0 },
      { type: 'call', strike: 5010, expiry, quantity: 1, entryPrice: 0 },
    ]);
  });

  it('breaks even at 4992.50 and 5007.50, makes at most 7.50 at 5000 and loses at most the 2.50 debit', () => {
    const graph = riskGraph(legs, { spots });
    expect(graph.breakevens).toHaveLength(2);
    expect(graph.breakevens[0]).toBeCloseTo(4992.5, 10);
    expect(graph.breakevens[1]).toBeCloseTo(5007.5, 10);
    expect(graph.maxProfit).toBeCloseTo(7.5, 10);
    expect(payoffAtExpiry(legs, 5000)).toBeCloseTo(7.5, 10);
    expect(graph.maxLoss).toBeCloseTo(-2.5, 10);
    expect(graph.maxProfit).toBeCloseTo(fly.maxProfit ?? NaN, 10);
    expect(graph.maxLoss).toBeCloseTo(-fly.maxLoss, 10);
  });

  it('gives dollars with the contract multiplier', () => {
    const graph = riskGraph(legs, { spots, multiplier: CONTRACT_MULTIPLIER });
    expect(graph.maxProfit).toBeCloseTo(750, 8);
    expect(graph.maxLoss).toBeCloseTo(-250, 8);
  });

  it('doubles every P&L for quantity 2, with the breakevens unchanged', () => {
    const two = tileLegs(fly, 2);
    expect(two.map((l) => l.quantity)).toEqual([2, -4, 2]);
    const one = riskGraph(legs, { spots });
    const graph = riskGraph(two, { spots });
    graph.points.forEach((p, i) => expect(p.expiry).toBeCloseTo(2 * (one.points[i]?.expiry ?? NaN), 10));
    expect(graph.maxProfit).toBeCloseTo(15, 10);
    expect(graph.maxLoss).toBeCloseTo(-5, 10);
    expect(graph.breakevens[0]).toBeCloseTo(4992.5, 10);
    expect(graph.breakevens[1]).toBeCloseTo(5007.5, 10);
  });

  describe("today's line", () => {
    const market = (now: number): RiskMarket => ({ now, rate: RISK_FREE_RATE, vol: 0.15 });

    it('sits well below the expiry max profit 30 days out (a far-dated fly is worth little of its width)', () => {
      const today = positionValue(legs, 5000, market(expiry - 30 * DAY));
      expect(today).toBeLessThan(fly.maxProfit ?? NaN);
      expect(today).toBeLessThan(1); // close to the debit lost, far from the 7.50 peak
      expect(today).toBeGreaterThan(-2.5); // never below the debit: the fly has positive value
    });

    it('converges to the expiry payoff as now → expiry, and equals it at expiry', () => {
      const gap = (now: number) => Math.max(...spots.map((s) => Math.abs(positionValue(legs, s, market(now)) - payoffAtExpiry(legs, s))));
      const gaps = [30 * DAY, 7 * DAY, DAY, 3_600_000, 60_000, 1_000].map((before) => gap(expiry - before));
      for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1] ?? NaN);
      expect(gaps.at(-1)).toBeLessThan(0.2); // one second out: σ√t is about 0.13 points
      expect(positionValue(legs, 5000, market(expiry))).toBeCloseTo(7.5, 10);
      expect(positionValue(legs, 5003, market(expiry))).toBeCloseTo(payoffAtExpiry(legs, 5003), 10);
    });

    it("can be marked with the tile's own implied vol", () => {
      const withIv = tile('butterfly-call', 10, 5000, 2.5, 0.18);
      const graph = riskGraph(tileLegs(withIv), { spots: [5000], market: { now: expiry - DAY, rate: RISK_FREE_RATE, vol: withIv.iv ?? NaN } });
      expect(graph.points[0]?.today).toBeLessThan(7.5);
      expect(graph.points[0]?.today).toBeGreaterThan(-2.5);
    });
  });
});

describe('tile legs: put butterfly', () => {
  it('is long K−w, short 2 × K, long K+w puts, with the same tent as the call fly', () => {
    const legs = tileLegs(tile('butterfly-put', 20, 5000, 4));
    expect(legs.map((l) => [l.type, l.strike, l.quantity, l.entryPrice])).toEqual([
      ['put', 4980, 1, 4],
      ['put', 5000, -2, 0],
      ['put', 5020, 1, 0],
    ]);
    const graph = riskGraph(legs, { spots });
    expect(graph.breakevens.map((b) => Math.round(b * 1e6) / 1e6)).toEqual([4984, 5016]);
    expect(graph.maxProfit).toBeCloseTo(16, 10);
    expect(graph.maxLoss).toBeCloseTo(-4, 10);
  });
});

describe('tile legs: verticals', () => {
  it('call debit spread 5000/5010 for 4: long 5000, short 5010, breakeven 5004 (K + debit)', () => {
    const legs = tileLegs(tile('vertical-call', 10, 5000, 4));
    expect(legs).toEqual([
      { type: 'call', strike: 5000, expiry, quantity: 1, entryPrice: 4 },
      { type: 'call', strike: 5010, expiry, quantity: -1, entryPrice: 0 },
    ]);
    const graph = riskGraph(legs, { spots });
    expect(graph.breakevens).toHaveLength(1);
    expect(graph.breakevens[0]).toBeCloseTo(5004, 10);
    expect(graph.maxProfit).toBeCloseTo(6, 10);
    expect(graph.maxLoss).toBeCloseTo(-4, 10);
  });

  it('put debit spread 5000/4990 for 3.50: long 5000, short 4990, breakeven 4996.50 (K − debit)', () => {
    const legs = tileLegs(tile('vertical-put', 10, 5000, 3.5));
    expect(legs).toEqual([
      { type: 'put', strike: 5000, expiry, quantity: 1, entryPrice: 3.5 },
      { type: 'put', strike: 4990, expiry, quantity: -1, entryPrice: 0 },
    ]);
    const graph = riskGraph(legs, { spots });
    expect(graph.breakevens).toHaveLength(1);
    expect(graph.breakevens[0]).toBeCloseTo(4996.5, 10);
    expect(graph.maxProfit).toBeCloseTo(6.5, 10);
    expect(graph.maxLoss).toBeCloseTo(-3.5, 10);
  });
});

describe('tile legs: singles', () => {
  it('a long 5000 call for 20 breaks even at 5020 and loses at most 20', () => {
    const legs = tileLegs(tile('single-call', 0, 5000, 20));
    expect(legs).toEqual([{ type: 'call', strike: 5000, expiry, quantity: 1, entryPrice: 20 }]);
    const graph = riskGraph(legs, { spots });
    expect(graph.breakevens).toEqual([5020]);
    expect(graph.maxLoss).toBeCloseTo(-20, 10);
    expect(payoffAtExpiry(legs, 5100)).toBeCloseTo(80, 10);
  });

  it('a long 5000 put for 15 breaks even at 4985; quantity 3 triples the P&L', () => {
    const put = tile('single-put', 0, 5000, 15);
    const graph = riskGraph(tileLegs(put), { spots });
    expect(graph.breakevens).toEqual([4985]);
    expect(payoffAtExpiry(tileLegs(put, 3), 4900)).toBeCloseTo(3 * 85, 10);
    expect(payoffAtExpiry(tileLegs(put, 3), 5050)).toBeCloseTo(-45, 10);
  });
});

describe('tile legs: iron fly sold for 7.50 credit, 10 wide at 5000', () => {
  const fly = tile('iron-fly', 10, 5000, -7.5);
  const legs = tileLegs(fly, 2);

  it('is long 4990 put, short 5000 put and call, long 5010 call; the credit rides on the first short leg', () => {
    expect(legs).toEqual([
      { type: 'put', strike: 4990, expiry, quantity: 2, entryPrice: 0 },
      { type: 'put', strike: 5000, expiry, quantity: -2, entryPrice: 7.5 },
      { type: 'call', strike: 5000, expiry, quantity: -2, entryPrice: 0 },
      { type: 'call', strike: 5010, expiry, quantity: 2, entryPrice: 0 },
    ]);
  });

  it('keeps the credit at 5000 (2 × 7.50) and loses 2 × 2.50 beyond the wings, breakevens 4992.50 and 5007.50', () => {
    const graph = riskGraph(legs, { spots });
    expect(graph.maxProfit).toBeCloseTo(15, 10);
    expect(graph.maxLoss).toBeCloseTo(-5, 10);
    expect(graph.breakevens.map((b) => Math.round(b * 1e6) / 1e6)).toEqual([4992.5, 5007.5]);
    expect(fly).toMatchObject({ maxProfit: 7.5, maxLoss: 2.5, rewardRisk: 3 });
  });
});

describe('tile legs: broken-wing flies', () => {
  it('a call BWB 4990/5000/5015 for a 0.20 credit puts 0.10 on each of the two short 5000 calls', () => {
    const bwb = tile('bwb-call', 10, 5000, -0.2, undefined, 15);
    const legs = tileLegs(bwb);
    expect(legs.map((l) => [l.type, l.strike, l.quantity, l.entryPrice])).toEqual([
      ['call', 4990, 1, 0],
      ['call', 5000, -2, 0.1],
      ['call', 5015, 1, 0],
    ]);
    const graph = riskGraph(legs, { spots });
    expect(graph.maxProfit).toBeCloseTo(10.2, 10);
    expect(graph.maxLoss).toBeCloseTo(-4.8, 10);
    expect(payoffAtExpiry(legs, 4900)).toBeCloseTo(0.2, 10); // the credit is kept below the lower wing
    expect(graph.maxProfit).toBeCloseTo(bwb.maxProfit ?? NaN, 10);
    expect(graph.maxLoss).toBeCloseTo(-bwb.maxLoss, 10);
  });

  it('a put BWB 4985/5000/5010 for a 0.70 debit risks 5.70 below 4985 and 0.70 above 5010', () => {
    const bwb = tile('bwb-put', 10, 5000, 0.7, undefined, 15);
    const legs = tileLegs(bwb);
    expect(legs.map((l) => [l.type, l.strike, l.quantity, l.entryPrice])).toEqual([
      ['put', 4985, 1, 0.7],
      ['put', 5000, -2, 0],
      ['put', 5010, 1, 0],
    ]);
    expect(payoffAtExpiry(legs, 4900)).toBeCloseTo(-5.7, 10);
    expect(payoffAtExpiry(legs, 5050)).toBeCloseTo(-0.7, 10);
    expect(payoffAtExpiry(legs, 5000)).toBeCloseTo(9.3, 10);
    expect(bwb).toMatchObject({ maxProfit: 9.3, maxLoss: 5.7 });
  });

  it('every strategy keeps entry prices ≥ 0 and their quantity-weighted sum equal to quantity × debit', () => {
    const cases: HeatmapTile[] = [tile('iron-fly', 20, 5000, -14), tile('bwb-call', 10, 5000, 0.4, undefined, 15), tile('bwb-put', 20, 5000, -0.5, undefined, 30), tile('butterfly-put', 10, 5000, 2)];
    for (const t of cases) {
      const legs = tileLegs(t, 3);
      expect(legs.every((l) => l.entryPrice >= 0), t.key).toBe(true);
      expect(legs.reduce((sum, l) => sum + l.quantity * l.entryPrice, 0), t.key).toBeCloseTo(3 * t.debit, 10);
    }
  });
});

describe('tile legs: quantity', () => {
  it('refuses a quantity that is not a positive whole number of lots', () => {
    const t = tile('single-call', 0, 5000, 20);
    expect(() => tileLegs(t, 0)).toThrow(RangeError);
    expect(() => tileLegs(t, -1)).toThrow(RangeError);
    expect(() => tileLegs(t, 1.5)).toThrow(RangeError);
  });
});
