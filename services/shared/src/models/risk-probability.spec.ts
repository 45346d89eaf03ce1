import { describe, expect, it } from 'vitest';
import { normCdf, normPdf } from '../pricing/normal-cdf.js';
import { breakevenTouches, probAbove, probabilityOfProfit, probBelow, probTouch, profitIntervals } from './risk-probability.js';
import { type PositionLeg, positionValue } from './risk-graph.js';

const DAY = 86_400_000;
const expiry = Date.UTC(2026, 11, 18, 21);
const weekBefore = expiry - 7 * DAY;
const T7 = 7 / 365;
const call = (strike: number, quantity: number, entryPrice: number, at = expiry): PositionLeg => ({ type: 'call', strike, expiry: at, quantity, entryPrice });
const put = (strike: number, quantity: number, entryPrice: number, at = expiry): PositionLeg => ({ type: 'put', strike, expiry: at, quantity, entryPrice });

/** A seeded uniform generator (mulberry32), so the Monte Carlo check below gives the same number every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(probBelow.name, () => {
  it('puts the at-the-money level above the median with no drift: P(above) = N(−σ√T/2)', () => {
    // r = q = 0, σ = 20 %, T = 1: z = σ√T/2 = 0.1 → P(above) = N(−0.1) = 0.460172…
    expect(probAbove(100, 100, 0.2, 1, 0, 0)).toBeCloseTo(0.460172162722971, 12);
    expect(probBelow(100, 100, 0.2, 1, 0, 0)).toBeCloseTo(1 - 0.460172162722971, 12);
  });

  it('is ½ at the lognormal median spot·e^((r − q − σ²/2)T)', () => {
    const median = 5000 * Math.exp((0.045 - 0.01 - 0.15 ** 2 / 2) * 0.25);
    expect(probBelow(5000, median, 0.15, 0.25, 0.045, 0.01)).toBeCloseTo(0.5, 14);
  });

  it('uses the shared rate and no dividend by default: a long call’s breakeven a week out', () => {
    // z = (ln(5020/5000) − (0.045 − 0.01125)·7/365) / (0.15·√(7/365)) → P(above) = 0.436040
    expect(probAbove(5000, 5020, 0.15, T7)).toBeCloseTo(0.43604007682, 9);
  });

  it('sums with probAbove to 1 and keeps far tails precise', () => {
    for (const level of [4000, 4900, 5000, 5100, 6000]) expect(probBelow(5000, level, 0.15, T7) + probAbove(5000, level, 0.15, T7)).toBeCloseTo(1, 14);
    const far = probAbove(5000, 6000, 0.15, T7);
    // z = ln(1.2) / (0.15·√(7/365)) ≈ 8.8: about 1e-18, which 1 − probBelow would round to 0.
    expect(far).toBeGreaterThan(1e-19);
    expect(far).toBeLessThan(1e-17);
    expect(1 - probBelow(5000, 6000, 0.15, T7)).toBe(0);
  });

  it('is certain with no time or vol left: the price ends at the forward', () => {
    expect(probBelow(5000, 5001, 0.15, 0)).toBe(1);
    expect(probBelow(5000, 4999, 0.15, 0)).toBe(0);
    expect(probBelow(5000, 5000, 0.15, 0)).toBe(0.5);
    // Forward a year out at 4.5 %: 5000·e^0.045 = 5230.1.
    expect(probAbove(5000, 5230, 0, 1)).toBe(1);
    expect(probAbove(5000, 5231, 0, 1)).toBe(0);
  });

  it('handles levels at the ends of the line', () => {
    expect(probBelow(5000, 0, 0.15, T7)).toBe(0);
    expect(probBelow(5000, Infinity, 0.15, T7)).toBe(1);
    expect(probAbove(5000, 0, 0.15, T7)).toBe(1);
    expect(() => probBelow(0, 5000, 0.15, T7)).toThrow(RangeError);
  });
});

describe(probTouch.name, () => {
  it('is twice the chance of ending beyond the level when the log price has no drift', () => {
    // ν = r − σ²/2 = 0.02 − 0.02 = 0: P(touch 110) = 2·N(−ln 1.1 / 0.2) = 0.633682
    expect(probTouch(100, 110, 0.2, 1, 0.02, 0)).toBeCloseTo(0.633681954638, 9);
    expect(probTouch(100, 110, 0.2, 1, 0.02, 0)).toBeCloseTo(2 * probAbove(100, 110, 0.2, 1, 0.02, 0), 12);
    expect(probTouch(100, 90, 0.2, 1, 0.02, 0)).toBeCloseTo(2 * probBelow(100, 90, 0.2, 1, 0.02, 0), 12);
  });

  it('matches a seeded Monte Carlo of the drifting price, with the Brownian-bridge crossing between steps', () => {
    // σ = 30 %, r = 20 % (a drift large enough to tell the formulas apart), T = ½, 20,000 paths of 100 steps.
    const vol = 0.3;
    const rate = 0.2;
    const years = 0.5;
    const steps = 100;
    const paths = 20_000;
    const dt = years / steps;
    const nu = rate - (vol * vol) / 2;
    const random = seeded(15);
    const estimate = (level: number): number => {
      const b = Math.log(level / 100);
      let sum = 0;
      for (let p = 0; p < paths; p++) {
        let x = 0;
        let miss = 1;
        for (let i = 0; i < steps && miss > 0; i++) {
          const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
          const next = x + nu * dt + vol * Math.sqrt(dt) * z;
          if ((b > 0 && next >= b) || (b < 0 && next <= b)) miss = 0;
          else miss *= 1 - Math.exp((-2 * (b - x) * (b - next)) / (vol * vol * dt));
          x = next;
        }
        sum += 1 - miss;
      }
      return sum / paths;
    };
    // Standard error ≈ √(p(1 − p)/20,000) ≤ 0.0036; allow about four of them.
    for (const level of [112, 90]) expect(Math.abs(probTouch(100, level, vol, years, rate, 0) - estimate(level))).toBeLessThan(0.015);
    // The drift pushes up: touching 112 is likelier, 90 less likely, than without it.
    expect(probTouch(100, 112, vol, years, rate, 0)).toBeGreaterThan(probTouch(100, 112, vol, years, vol * vol / 2, 0));
    expect(probTouch(100, 90, vol, years, rate, 0)).toBeLessThan(probTouch(100, 90, vol, years, vol * vol / 2, 0));
  });

  it('is at least the chance of ending beyond the level, and falls as the level moves away', () => {
    let previous = 1;
    for (const level of [5005, 5010, 5020, 5050, 5100]) {
      const touch = probTouch(5000, level, 0.15, T7);
      expect(touch).toBeGreaterThanOrEqual(probAbove(5000, level, 0.15, T7));
      expect(touch).toBeLessThan(previous);
      previous = touch;
    }
  });

  it('is 1 at the spot, 0 elsewhere with no time left, and follows the forward with no vol', () => {
    expect(probTouch(5000, 5000, 0.15, 0)).toBe(1);
    expect(probTouch(5000, 5001, 0.15, 0)).toBe(0);
    expect(probTouch(5000, 5100, 0, 1)).toBe(1);
    expect(probTouch(5000, 4900, 0, 1)).toBe(0);
    expect(probTouch(5000, 4900, 1e-9, 1)).toBe(0);
  });
});

describe(breakevenTouches.name, () => {
  it('gives each breakeven its chance of being touched, in order', () => {
    const touches = breakevenTouches([4991.9, 5008.1], 5000, 0.15, T7);
    expect(touches.map((t) => t.level)).toEqual([4991.9, 5008.1]);
    expect(touches[0]?.touch).toBe(probTouch(5000, 4991.9, 0.15, T7));
    expect(touches[1]?.touch).toBe(probTouch(5000, 5008.1, 0.15, T7));
  });
});

describe(probabilityOfProfit.name, () => {
  const pop = (legs: PositionLeg[], spot = 5000, now = weekBefore): number => probabilityOfProfit(legs, spot, 0.15, now);

  it('is the chance of ending above the breakeven for a long call, below it for a long put', () => {
    expect(pop([call(5000, 1, 20)])).toBeCloseTo(probAbove(5000, 5020, 0.15, T7), 12);
    expect(pop([call(5000, 1, 20)])).toBeCloseTo(0.43604007682, 9);
    expect(pop([put(5000, 2, 15)])).toBeCloseTo(probBelow(5000, 4985, 0.15, T7), 12);
  });

  it('is the complement for the short call', () => {
    expect(pop([call(5000, -1, 20)])).toBeCloseTo(probBelow(5000, 5020, 0.15, T7), 12);
  });

  it('is the chance of ending between the breakevens for a 4990/5000/5010 call fly bought for 1.90', () => {
    // debit = 14 − 2 × 8.5 + 4.9 = 1.9; breakevens 4990 + 1.9 and 5010 − 1.9.
    const fly = [call(4990, 1, 14), call(5000, -2, 8.5), call(5010, 1, 4.9)];
    expect(profitIntervals(fly, 5000, 0.15, weekBefore)).toEqual([{ from: 4991.9, to: 5008.1 }]);
    expect(pop(fly)).toBeCloseTo(probBelow(5000, 5008.1, 0.15, T7) - probBelow(5000, 4991.9, 0.15, T7), 12);
  });

  it('is the chance of ending between the breakevens for an iron condor sold for 2.10', () => {
    // credit = 2.0 + 2.2 − 1.0 − 1.1 = 2.1; breakevens 4980 − 2.1 and 5020 + 2.1; losses beyond.
    const condor = [put(4970, 1, 1), put(4980, -1, 2), call(5020, -1, 2.2), call(5030, 1, 1.1)];
    const [zone] = profitIntervals(condor, 5000, 0.15, weekBefore);
    expect(zone?.from).toBeCloseTo(4977.9, 9);
    expect(zone?.to).toBeCloseTo(5022.1, 9);
    expect(pop(condor)).toBeCloseTo(probBelow(5000, 5022.1, 0.15, T7) - probBelow(5000, 4977.9, 0.15, T7), 9);
  });

  it('counts only P&L strictly above zero: a free call pays only above its strike', () => {
    expect(pop([call(5000, 1, 0)])).toBeCloseTo(probAbove(5000, 5000, 0.15, T7), 12);
    expect(profitIntervals([call(5000, 1, 0)], 5000, 0.15, weekBefore)).toEqual([{ from: 5000, to: Infinity }]);
  });

  it('reads the payoff at the forward when no time is left', () => {
    const fly = [call(4990, 1, 14), call(5000, -2, 8.5), call(5010, 1, 4.9)];
    expect(pop(fly, 5003, expiry)).toBe(1);
    expect(pop(fly, 5009, expiry)).toBe(0);
    expect(pop(fly, 5003, expiry + DAY)).toBe(1);
  });

  it('values a calendar at the near expiry and integrates the lognormal over where it makes money', () => {
    // Short the 5000 call of this week, long the one a week later, for a 25-point debit.
    const farExpiry = expiry + 7 * DAY;
    const calendar = [call(5000, -1, 40, expiry), call(5000, 1, 65, farExpiry)];
    const p = pop(calendar);
    const market = { now: expiry, rate: 0.045, dividendYield: 0, vol: 0.15 };
    // Independent check: a midpoint sum of the lognormal density over ±8σ where the calendar's value > 0.
    const s = 0.15 * Math.sqrt(T7);
    const centre = Math.log(5000) + (0.045 - 0.15 ** 2 / 2) * T7;
    const n = 100_000;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      const z = -8 + (16 * (i + 0.5)) / n;
      if (positionValue(calendar, Math.exp(centre + s * z), market) > 0) mass += normPdf(z) * (16 / n);
    }
    expect(p).toBeCloseTo(mass, 4);
    // Both legs at intrinsic would lose the 25 debit everywhere; the far leg's time value is what pays.
    expect(p).toBeGreaterThan(0.1);
    const zones = profitIntervals(calendar, 5000, 0.15, weekBefore);
    expect(zones).toHaveLength(1);
    const [zone] = zones;
    // The zone's ends are the calendar's breakevens (to the 1e-10 relative noise floor the sign test uses).
    expect(positionValue(calendar, zone?.from ?? 0, market)).toBeCloseTo(0, 5);
    expect(positionValue(calendar, zone?.to ?? 0, market)).toBeCloseTo(0, 5);
    expect(zone?.from).toBeLessThan(5000);
    expect(zone?.to).toBeGreaterThan(5000);
  });

  it('does not depend on the multiplier, and is 0 for no legs', () => {
    const fly = [call(4990, 1, 14), call(5000, -2, 8.5), call(5010, 1, 4.9)];
    expect(probabilityOfProfit(fly, 5000, 0.15, weekBefore, { multiplier: 100 })).toBe(pop(fly));
    expect(pop([])).toBe(0);
  });

  it('takes an explicit rate and dividend yield', () => {
    const p = probabilityOfProfit([call(5000, 1, 20)], 5000, 0.15, weekBefore, { rate: 0, dividendYield: 0.02 });
    // z = (ln(1.004) + (0.02 + 0.01125)·T) / (0.15·√T)
    const z = (Math.log(5020 / 5000) + (0.02 + 0.01125) * T7) / (0.15 * Math.sqrt(T7));
    expect(p).toBeCloseTo(normCdf(-z), 12);
  });
});
