import { makeTile, type HeatmapTile, type TileStrategy } from '@marketswarm/shared/models';
import { MS_PER_DAY } from '@marketswarm/shared/pricing';
import { describe, expect, it } from 'vitest';
import { fromWhatIf } from '../../risk/risk-position';
import {
  DEFAULT_VOL,
  breakevensAttr,
  buildScenario,
  daysSlider,
  daysToFirstExpiry,
  defaultVol,
  formatMoney,
  payoffExtremes,
  positionsFor,
  sampleSpots,
  scenarioLegs,
  spotRange,
  valuationTime,
  type ScenarioInput,
} from './risk-scenario';

const NOW = Date.UTC(2026, 0, 2, 15);
const EXPIRY = Date.UTC(2026, 0, 2, 21); // six hours later

function tile(strategy: TileStrategy, width: number, strike: number, debit: number, iv?: number, expiry = EXPIRY): HeatmapTile {
  const t = makeTile(strategy, 0, width, strike, debit, expiry, iv);
  if (t === undefined) throw new Error('bad test tile');
  return t;
}

let seq = 0;
const position = (t: HeatmapTile, quantity = 1, symbol = 'SPX') => fromWhatIf({ id: `p${++seq}`, symbol, tile: t, quantity, addedAt: NOW }, t.key);

const fly = position(tile('butterfly-call', 10, 5000, 2.35, 0.18));
const input = (over: Partial<ScenarioInput> = {}): ScenarioInput => ({ positions: [fly], liveSpot: 5000, whatIfSpot: 5000, daysForward: 0, vol: 0.18, now: NOW, ...over });

describe('buildScenario', () => {
  it("puts a butterfly's breakevens at the wings ± the debit, exactly", () => {
    const s = buildScenario(input());
    expect(s).toBeDefined();
    expect(s?.breakevens).toHaveLength(2);
    expect(s?.breakevens[0]).toBeCloseTo(4992.35, 9);
    expect(s?.breakevens[1]).toBeCloseTo(5007.65, 9);
    expect(breakevensAttr(s?.breakevens ?? [])).toBe('4992.35,5007.65');
  });

  it('gives max profit and max loss in dollars', () => {
    const s = buildScenario(input());
    expect(s?.maxProfit).toBeCloseTo(765, 6);
    expect(s?.maxLoss).toBeCloseTo(-235, 6);
    expect(s?.pnlExpiry).toBeCloseTo(765, 6);
  });

  it('scales with quantity', () => {
    const s = buildScenario(input({ positions: [position(tile('butterfly-call', 10, 5000, 2.35, 0.18), 3)] }));
    expect(s?.maxLoss).toBeCloseTo(-705, 6);
    expect(s?.breakevens[0]).toBeCloseTo(4992.35, 9);
  });

  it('changes P&L today when the what-if spot moves', () => {
    const atCentre = buildScenario(input({ whatIfSpot: 5000 }))?.pnlToday ?? NaN;
    const away = buildScenario(input({ whatIfSpot: 5040 }))?.pnlToday ?? NaN;
    expect(Number.isFinite(atCentre)).toBe(true);
    expect(atCentre).toBeGreaterThan(away);
    expect(away).toBeLessThan(0);
  });

  it('makes today ≈ the expiry line when days forward reach the expiry', () => {
    const days = daysToFirstExpiry([fly], NOW);
    expect(days).toBeCloseTo(0.25, 10);
    const s = buildScenario(input({ daysForward: daysSlider(days).max }));
    for (const p of s?.graph.points ?? []) expect(p.today).toBeCloseTo(p.expiry, 6);
    expect(s?.pnlToday).toBeCloseTo(s?.pnlExpiry ?? NaN, 6);
    // …and not before.
    const before = buildScenario(input());
    expect(before?.pnlToday).not.toBeCloseTo(before?.pnlExpiry ?? NaN, 0);
  });

  it('moves today’s line when IV changes', () => {
    const low = buildScenario(input({ vol: 0.1, whatIfSpot: 5030 }))?.pnlToday ?? NaN;
    const high = buildScenario(input({ vol: 0.5, whatIfSpot: 5030 }))?.pnlToday ?? NaN;
    expect(low).not.toBeCloseTo(high, 2);
  });

  it('covers the spot ± 4% and the strikes ± 2 widths, with the strikes sampled', () => {
    const s = buildScenario(input({ liveSpot: 5100, whatIfSpot: 5100 }));
    expect(s?.range.from).toBeLessThanOrEqual(4980);
    expect(s?.range.to).toBeCloseTo(5100 * 1.04, 6);
    const spots = s?.graph.points.map((p) => p.spot) ?? [];
    expect(spots).toEqual(expect.arrayContaining([4990, 5000, 5010]));
    expect(spots.length).toBeGreaterThanOrEqual(200);
  });

  it("marks today's line in the producer's market: 4.5 % rate, no dividend, $100 a point", () => {
    // A 30-day 4000 call bought for 1000.00 with SPX at 5000 and 5 % IV: d₁ ≈ 15.8, so N(d₁) = N(d₂) = 1
    // and Black–Scholes is exactly S − K·e^(−rT), T = 30/365:
    // e^(−0.045 × 30/365) = 0.996308201…, 4000 × that = 3985.232805…, call = 1014.767195…,
    // P&L today = (1014.767195 − 1000) × 100 = $1476.72 (at the old 4 % rate it was $1312.91).
    const call = position(tile('single-call', 0, 4000, 1000, 0.05, NOW + 30 * MS_PER_DAY));
    const s = buildScenario(input({ positions: [call], vol: 0.05 }));
    expect(s?.pnlToday).toBeCloseTo((5000 - 4000 * Math.exp(-0.045 * (30 / 365)) - 1000) * 100, 6);
    expect(s?.pnlToday).toBeCloseTo(1476.72, 2);
    expect(s?.market).toMatchObject({ rate: 0.045, dividendYield: 0 });
  });

  it('is undefined without positions', () => {
    expect(buildScenario(input({ positions: [] }))).toBeUndefined();
  });
});

describe('scenario helpers', () => {
  it('keeps the symbol’s positions and builds their legs', () => {
    const other = position(tile('single-call', 0, 18000, 50), 1, 'NDX');
    expect(positionsFor([fly, other], 'SPX')).toEqual([fly]);
    expect(scenarioLegs([fly]).map((l) => [l.strike, l.quantity])).toEqual([
      [4990, 1],
      [5000, -2],
      [5010, 1],
    ]);
  });

  it('defaults IV to the tiles’ mean, else 20%', () => {
    expect(defaultVol([fly, position(tile('butterfly-call', 10, 5010, 2, 0.22))])).toBeCloseTo(0.2, 10);
    expect(defaultVol([position(tile('butterfly-call', 10, 5010, 2))])).toBe(DEFAULT_VOL);
  });

  it('finds unbounded profit for a long call and exact extremes otherwise', () => {
    const call = scenarioLegs([position(tile('single-call', 0, 5000, 20))]);
    expect(payoffExtremes(call)).toEqual({ maxProfit: null, maxLoss: -2000 });
    const put = scenarioLegs([position(tile('single-put', 0, 5000, 20))]);
    expect(payoffExtremes(put)).toEqual({ maxProfit: (5000 - 20) * 100, maxLoss: -2000 });
  });

  it('never values past the first expiry', () => {
    expect(valuationTime(NOW, 0, EXPIRY)).toBe(NOW);
    expect(valuationTime(NOW, 0.1, EXPIRY)).toBe(NOW + 0.1 * MS_PER_DAY);
    expect(valuationTime(NOW, 3, EXPIRY)).toBe(EXPIRY);
  });

  it('rounds the days slider up to a whole step', () => {
    expect(daysSlider(0.25)).toEqual({ min: 0, max: 0.25, step: 0.01 });
    expect(daysSlider(0.313)).toEqual({ min: 0, max: 0.32, step: 0.01 });
    expect(daysSlider(10.1)).toEqual({ min: 0, max: 10.25, step: 0.25 });
    expect(daysSlider(44.5)).toEqual({ min: 0, max: 45, step: 1 });
    expect(daysSlider(0).max).toBe(0);
  });

  it('samples unique ascending spots with the extras inside the range', () => {
    const spots = sampleSpots({ from: 100, to: 110 }, 11, [105, 105.5, 200]);
    expect(spots).toEqual([100, 101, 102, 103, 104, 105, 105.5, 106, 107, 108, 109, 110]);
  });

  it('keeps the spot range positive', () => {
    const r = spotRange([position(tile('single-put', 0, 10, 1))], []);
    expect(r.from).toBeGreaterThan(0);
    expect(r.to).toBeGreaterThan(r.from);
  });

  it('formats signed dollars', () => {
    expect(formatMoney(123.454)).toBe('+$123.45');
    expect(formatMoney(-50)).toBe('−$50.00');
    expect(formatMoney(0.001)).toBe('$0.00');
    expect(formatMoney(-12345.678)).toBe('−$12345.68');
  });
});

describe('buildScenario for a calendar', () => {
  // Short the 5000 call expiring today at 6.00, long the 5000 call a week out at 28.00: a 22.00 debit.
  const NEXT_WEEK = EXPIRY + 7 * MS_PER_DAY;
  const calendar = fromWhatIf(
    {
      id: 'cal',
      symbol: 'SPX',
      quantity: 1,
      addedAt: NOW,
      name: 'Long calendar call 5000',
      legs: [
        { type: 'call', strike: 5000, expiry: EXPIRY, quantity: -1, entryPrice: 6 },
        { type: 'call', strike: 5000, expiry: NEXT_WEEK, quantity: 1, entryPrice: 28 },
      ],
    },
    'calendar',
  );

  it('values the far leg at the near expiry instead of at its intrinsic value', () => {
    const s = buildScenario({ positions: [calendar], liveSpot: 5000, whatIfSpot: 5000, daysForward: 0, vol: 0.18, now: NOW, points: 2 });
    // At the strike the near call expires worthless and the far call keeps a week of time value (≈ 5000 × 0.18 × √(7/365) × 0.4 ≈ 50):
    // well above the 22.00 paid, where intrinsic values alone would say −$2200.
    expect(s?.pnlExpiry).toBeGreaterThan(1500);
    expect(s?.maxProfit).toBeCloseTo(s?.pnlExpiry ?? NaN, -2);
    // Far from the strike both calls converge and the debit is lost: two breakevens around the strike.
    expect(s?.breakevens).toHaveLength(2);
    expect(s?.breakevens[0]).toBeLessThan(5000);
    expect(s?.breakevens[1]).toBeGreaterThan(5000);
  });
});
