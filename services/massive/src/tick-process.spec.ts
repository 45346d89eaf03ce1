import { describe, expect, it } from 'vitest';
import { TickProcess, TRADING_DAY_SECONDS } from './tick-process.js';

const SYMBOLS = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];

/** Runs `days` trading days of `stepsPerDay` steps and returns daily log returns and closes. */
function simulate(seed: number, days: number, stepsPerDay: number) {
  const process = new TickProcess({ seed, symbols: SYMBOLS });
  const closes: Array<Map<string, number>> = [];
  const all: Array<Map<string, number>> = [];
  for (let d = 0; d < days; d++) {
    let last = new Map<string, number>();
    for (let i = 0; i < stepsPerDay; i++) {
      last = process.step(TRADING_DAY_SECONDS / stepsPerDay);
      all.push(last);
    }
    closes.push(last);
  }
  return { closes, all };
}

const logReturns = (xs: number[]) => xs.slice(1).map((x, i) => Math.log(x / xs[i]!));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const corr = (a: number[], b: number[]) => {
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  for (let i = 0; i < a.length; i++) num += (a[i]! - ma) * (b[i]! - mb);
  return num / (a.length * sd(a) * sd(b));
};

describe(TickProcess.name, () => {
  const { closes, all } = simulate(42, 1000, 78); // 1000 days of 5-minute steps
  const spx = closes.map((c) => c.get('SPX')!);
  const spxDaily = logReturns(spx);

  it('produces the identical path for the same seed, and a different one for another seed', () => {
    const a = simulate(5, 2, 390).all;
    expect(simulate(5, 2, 390).all).toEqual(a);
    expect(simulate(6, 2, 390).all).not.toEqual(a);
  });

  it('starts from plausible prices', () => {
    const first = new TickProcess({ seed: 1, symbols: SYMBOLS }).step(1);
    expect(first.get('SPX')).toBeCloseTo(5000, -1);
    expect(first.get('NDX')).toBeCloseTo(17500, -2);
    expect(first.get('RUT')).toBeCloseTo(2000, -1);
    expect(first.get('VIX')!).toBeGreaterThan(10);
    expect(first.get('VIX')!).toBeLessThan(25);
  });

  it('continues from given start prices, deriving SPY and QQQ from them', () => {
    const first = new TickProcess({ seed: 1, symbols: SYMBOLS, startPrices: { SPX: 6000, NDX: 20500, SPY: 1 } }).step(1);
    expect(first.get('SPX')).toBeCloseTo(6000, -1);
    expect(first.get('NDX')).toBeCloseTo(20500, -2);
    expect(first.get('SPY')).toBeCloseTo(600, 0);
    expect(first.get('QQQ')).toBeCloseTo(500, 0);
    expect(first.get('VIX')!).toBeLessThan(25);
  });

  it('continues VIX where a restart left it, instead of snapping back to the long-run level', () => {
    for (const vix of [9, 15, 32]) {
      const first = new TickProcess({ seed: 1, symbols: SYMBOLS, startPrices: { SPX: 6000, VIX: vix } }).step(1);
      expect(Math.abs(first.get('VIX')! / vix - 1)).toBeLessThan(0.05);
    }
  });

  it('tells its current prices without moving the path (the start a backfill ends at)', () => {
    const asked = new TickProcess({ seed: 3, symbols: SYMBOLS, startPrices: { SPX: 6000, NDX: 20_500 } });
    const untouched = new TickProcess({ seed: 3, symbols: SYMBOLS, startPrices: { SPX: 6000, NDX: 20_500 } });
    const now = asked.prices();
    expect([now.get('SPX'), now.get('NDX'), now.get('SPY')]).toEqual([6000, 20_500, 600]);
    expect(now.get('QQQ')).toBeCloseTo(20_500 / 41, 2);
    expect(asked.prices()).toEqual(now);
    expect(asked.step(1)).toEqual(untouched.step(1));
  });

  it('has SPX daily σ around 1 % and no drift', () => {
    expect(sd(spxDaily)).toBeGreaterThan(0.006);
    expect(sd(spxDaily)).toBeLessThan(0.015);
    // |mean| within three standard errors of zero
    expect(Math.abs(mean(spxDaily))).toBeLessThan((3 * sd(spxDaily)) / Math.sqrt(spxDaily.length));
  });

  it('has fat tails: daily excess kurtosis of SPX above 0.5', () => {
    const m = mean(spxDaily);
    const s = sd(spxDaily);
    const kurtosis = mean(spxDaily.map((r) => ((r - m) / s) ** 4)) - 3;
    expect(kurtosis).toBeGreaterThan(0.5);
  });

  it('moves VIX against SPX (negative correlation of step changes)', () => {
    const spxSteps = logReturns(all.map((m) => m.get('SPX')!));
    const vixSteps = logReturns(all.map((m) => m.get('VIX')!));
    expect(corr(spxSteps, vixSteps)).toBeLessThan(-0.3);
  });

  it('keeps VIX in a plausible range', () => {
    const vix = all.map((m) => m.get('VIX')!);
    expect(Math.min(...vix)).toBeGreaterThan(5);
    expect(Math.max(...vix)).toBeLessThan(120);
    expect(mean(vix)).toBeGreaterThan(11);
    expect(mean(vix)).toBeLessThan(22);
  });

  it('keeps SPY ≈ SPX/10 and QQQ ≈ NDX/41 within a few cents per 100', () => {
    for (const m of all.slice(0, 5000)) {
      expect(Math.abs(m.get('SPY')! / (m.get('SPX')! / 10) - 1)).toBeLessThan(0.001);
      expect(Math.abs(m.get('QQQ')! / (m.get('NDX')! / 41) - 1)).toBeLessThan(0.001);
    }
  });

  it('gives RUT its own, larger volatility and a high but imperfect correlation with SPX', () => {
    const rut = logReturns(closes.map((c) => c.get('RUT')!));
    expect(sd(rut)).toBeGreaterThan(sd(spxDaily) * 1.1);
    const c = corr(spxDaily, rut);
    expect(c).toBeGreaterThan(0.5);
    expect(c).toBeLessThan(0.95);
  });
});
