import { normCdf } from '../pricing/normal-cdf.js';
import { DIVIDEND_YIELD, RISK_FREE_RATE } from '../pricing/market-constants.js';
import { intrinsicValue } from '../pricing/black-scholes.js';
import { yearsBetween } from './expected-move.js';
import { type PositionLeg, positionValue } from './risk-graph.js';

/*
 * Probabilities of the underlying under the risk-neutral lognormal model the options are priced with:
 * ln S_T = ln S_0 + (r − q − σ²/2)·T + σ·√T·Z. Using the pricer's own measure keeps the probability
 * of finishing in the money consistent with the option prices on the same screen (as thinkorswim's
 * "probability of expiring" does); it is not a forecast.
 */

function assertSpot(spot: number): void {
  if (!(spot > 0) || !Number.isFinite(spot)) throw new RangeError(`a probability needs a positive spot, got ${spot}`);
}

/** Where the price ends without randomness (no time or no vol): the forward spot·e^((r−q)T). */
function forwardOf(spot: number, years: number, rate: number, dividendYield: number): number {
  return spot * Math.exp((rate - dividendYield) * Math.max(years, 0));
}

/**
 * The standardised distance of ln(level) from the lognormal's centre, or undefined when the outcome
 * is certain (no time or no vol), in which case the caller compares with the forward.
 */
function zScore(spot: number, level: number, vol: number, years: number, rate: number, dividendYield: number): number | undefined {
  if (!(years > 0) || !(vol > 0)) return undefined;
  const s = vol * Math.sqrt(years);
  return (Math.log(level / spot) - (rate - dividendYield - (vol * vol) / 2) * years) / s;
}

/**
 * P(S_T < level) at `years` from now. With no time or vol left the price ends at the forward: 1 below
 * the level, 0 above it and ½ exactly on it (the limit as σ → 0).
 */
export function probBelow(spot: number, level: number, vol: number, years: number, rate = RISK_FREE_RATE, dividendYield = DIVIDEND_YIELD): number {
  assertSpot(spot);
  if (!(level > 0)) return 0;
  if (level === Infinity) return 1;
  const z = zScore(spot, level, vol, years, rate, dividendYield);
  if (z === undefined) return deterministicBelow(forwardOf(spot, years, rate, dividendYield), level);
  return normCdf(z);
}

/** P(S_T > level) = 1 − probBelow, computed from its own tail so far out-of-the-money levels keep their precision. */
export function probAbove(spot: number, level: number, vol: number, years: number, rate = RISK_FREE_RATE, dividendYield = DIVIDEND_YIELD): number {
  assertSpot(spot);
  if (!(level > 0)) return 1;
  if (level === Infinity) return 0;
  const z = zScore(spot, level, vol, years, rate, dividendYield);
  if (z === undefined) return 1 - deterministicBelow(forwardOf(spot, years, rate, dividendYield), level);
  return normCdf(-z);
}

function deterministicBelow(forward: number, level: number): number {
  if (forward < level) return 1;
  return forward > level ? 0 : 0.5;
}

/**
 * P(the price touches `level` at some instant before `years`): the first passage of the log price,
 * a Brownian motion with drift ν = r − q − σ²/2, through b = ln(level/spot) (reflection principle):
 * up (b > 0): N((νT − b)/σ√T) + e^(2νb/σ²)·N((−b − νT)/σ√T);
 * down (b < 0): N((b − νT)/σ√T) + e^(2νb/σ²)·N((b + νT)/σ√T).
 * With no drift that is twice the chance of ending beyond the level (the trader's rule of thumb).
 * 1 when the level is the spot; with no time left 0 elsewhere; with no vol, 1 exactly when the
 * forward path passes through the level.
 */
export function probTouch(spot: number, level: number, vol: number, years: number, rate = RISK_FREE_RATE, dividendYield = DIVIDEND_YIELD): number {
  assertSpot(spot);
  if (level === spot) return 1;
  if (!(level > 0) || !Number.isFinite(level) || !(years > 0)) return 0;
  const forward = forwardOf(spot, years, rate, dividendYield);
  const deterministic = Math.min(spot, forward) <= level && level <= Math.max(spot, forward) ? 1 : 0;
  if (!(vol > 0)) return deterministic;
  const b = Math.log(level / spot);
  const nu = rate - dividendYield - (vol * vol) / 2;
  const s = vol * Math.sqrt(years);
  const reflected = Math.exp((2 * nu * b) / (vol * vol));
  const p =
    b > 0
      ? normCdf((nu * years - b) / s) + reflected * normCdf((-b - nu * years) / s)
      : normCdf((b - nu * years) / s) + reflected * normCdf((b + nu * years) / s);
  // A vol so small against the drift that e^(2νb/σ²) overflows is the deterministic path in all but name.
  if (!Number.isFinite(p)) return deterministic;
  return Math.min(Math.max(p, 0), 1);
}

export interface ProbabilityOptions {
  /** Default RISK_FREE_RATE. */
  rate?: number;
  /** Default DIVIDEND_YIELD. */
  dividendYield?: number;
  /** Default 1; a positive multiplier scales the P&L and so leaves every probability unchanged. */
  multiplier?: number;
}

/** A price range (from < to; from may be 0 and to Infinity) where the position makes money at its first expiry. */
export interface ProfitInterval {
  from: number;
  to: number;
}

/**
 * The price ranges at the first expiry where the position's P&L is > 0, ascending and disjoint.
 *
 * With a single expiry the payoff is piecewise linear with kinks only at strikes, so each segment
 * between neighbouring strikes (and the two open ends) is solved exactly. A position with later legs
 * (a calendar) is valued at the first expiry with `positionValue` (its far legs by Black–Scholes at
 * `vol`) on a log grid of ±10 standard deviations around the lognormal's centre, and each sign change
 * is refined by bisection; the outermost ranges extend to 0 and to infinity by the sign at the grid's ends.
 */
export function profitIntervals(legs: readonly PositionLeg[], spot: number, vol: number, now: number, options: ProbabilityOptions = {}): ProfitInterval[] {
  assertSpot(spot);
  if (legs.length === 0) return [];
  const rate = options.rate ?? RISK_FREE_RATE;
  const dividendYield = options.dividendYield ?? DIVIDEND_YIELD;
  const multiplier = options.multiplier ?? 1;
  if (!(multiplier > 0)) throw new RangeError(`a probability of profit needs a positive multiplier, got ${multiplier}`);
  const first = Math.min(...legs.map((l) => l.expiry));
  const tolerance = 1e-10 * multiplier * legs.reduce((sum, l) => sum + Math.abs(l.quantity) * (l.strike + l.entryPrice), 0);
  if (legs.every((l) => l.expiry === first)) return singleExpiryIntervals(legs, tolerance / multiplier);
  const market = { now: first, rate, dividendYield, vol };
  const value = (x: number): number => positionValue(legs, x, market, multiplier);
  const years = yearsBetween(now, first);
  return sampledIntervals(value, spot, vol, years, rate, dividendYield, tolerance);
}

/**
 * P(P&L at the first expiry > 0) under the lognormal at that expiry: the probability mass over
 * `profitIntervals`. A long call's is the chance of ending above its breakeven, a fly's the chance
 * of ending between its two. With no time or vol left, 1 or 0 by the P&L at the forward. 0 for no legs.
 */
export function probabilityOfProfit(legs: readonly PositionLeg[], spot: number, vol: number, now: number, options: ProbabilityOptions = {}): number {
  assertSpot(spot);
  if (legs.length === 0) return 0;
  const rate = options.rate ?? RISK_FREE_RATE;
  const dividendYield = options.dividendYield ?? DIVIDEND_YIELD;
  const first = Math.min(...legs.map((l) => l.expiry));
  const years = yearsBetween(now, first);
  const intervals = profitIntervals(legs, spot, vol, now, options);
  if (!(years > 0) || !(vol > 0)) {
    const end = forwardOf(spot, years, rate, dividendYield);
    return intervals.some((i) => i.from < end && end < i.to) ? 1 : 0;
  }
  let p = 0;
  for (const { from, to } of intervals) {
    // Each interval's mass from the nearer tail: no cancellation of two numbers close to 1.
    const aboveCentre = zScore(spot, from, vol, years, rate, dividendYield) ?? 0;
    p +=
      from > 0 && aboveCentre > 0
        ? probAbove(spot, from, vol, years, rate, dividendYield) - probAbove(spot, to, vol, years, rate, dividendYield)
        : probBelow(spot, to, vol, years, rate, dividendYield) - probBelow(spot, from, vol, years, rate, dividendYield);
  }
  return Math.min(Math.max(p, 0), 1);
}

/** The chance of touching each breakeven before `years`, in the order given (see `probTouch`). */
export function breakevenTouches(
  breakevens: readonly number[],
  spot: number,
  vol: number,
  years: number,
  rate = RISK_FREE_RATE,
  dividendYield = DIVIDEND_YIELD,
): { level: number; touch: number }[] {
  return breakevens.map((level) => ({ level, touch: probTouch(spot, level, vol, years, rate, dividendYield) }));
}

/** Expiry payoff in points (no multiplier): Σ quantity × (intrinsic − entry). */
function payoff(legs: readonly PositionLeg[], x: number): number {
  let pnl = 0;
  for (const leg of legs) pnl += leg.quantity * (intrinsicValue(leg.type, x, leg.strike) - leg.entryPrice);
  return pnl;
}

function singleExpiryIntervals(legs: readonly PositionLeg[], tolerance: number): ProfitInterval[] {
  const strikes = [...new Set(legs.map((l) => l.strike))].sort((a, b) => a - b);
  const out: ProfitInterval[] = [];
  const bounds = [0, ...strikes];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] as number;
    const b = bounds[i + 1] as number;
    addLinearPiece(out, a, b, payoff(legs, a), payoff(legs, b), tolerance);
  }
  // Beyond the highest strike only the calls move, one point per contract.
  const last = strikes[strikes.length - 1] as number;
  const atLast = payoff(legs, last);
  const slope = legs.reduce((sum, l) => sum + (l.type === 'call' ? l.quantity : 0), 0);
  const profitable = atLast > tolerance;
  if (profitable && slope >= 0) push(out, last, Infinity);
  else if (profitable) push(out, last, last + atLast / -slope);
  else if (slope > 0) push(out, last - atLast / slope, Infinity);
  return out;
}

/** The part of [a, b] where the straight line from (a, fa) to (b, fb) is above zero. */
function addLinearPiece(out: ProfitInterval[], a: number, b: number, fa: number, fb: number, tolerance: number): void {
  const pa = fa > tolerance;
  const pb = fb > tolerance;
  if (pa && pb) push(out, a, b);
  else if (pa) push(out, a, a + ((b - a) * fa) / (fa - fb));
  else if (pb) push(out, a + ((b - a) * -fa) / (fb - fa), b);
}

/** Appends [from, to], merging it into the previous interval when they meet (a profit zone spanning a strike). */
function push(out: ProfitInterval[], from: number, to: number): void {
  if (!(to > from)) return;
  const prev = out[out.length - 1];
  if (prev !== undefined && prev.to >= from) prev.to = Math.max(prev.to, to);
  else out.push({ from, to });
}

const GRID_POINTS = 1000;
const GRID_SIGMAS = 10;

function sampledIntervals(
  value: (x: number) => number,
  spot: number,
  vol: number,
  years: number,
  rate: number,
  dividendYield: number,
  tolerance: number,
): ProfitInterval[] {
  // With no randomness left only the forward matters; a narrow grid around it still finds its sign.
  const s = Math.max(vol * Math.sqrt(years), 1e-4);
  const centre = Math.log(spot) + (rate - dividendYield - (vol * vol) / 2) * Math.max(years, 0);
  const xs: number[] = [];
  for (let i = 0; i <= GRID_POINTS; i++) xs.push(Math.exp(centre + GRID_SIGMAS * s * ((2 * i) / GRID_POINTS - 1)));
  const positive = xs.map((x) => value(x) > tolerance);
  const out: ProfitInterval[] = [];
  let start: number | undefined = positive[0] ? 0 : undefined;
  for (let i = 1; i < xs.length; i++) {
    if (positive[i] === positive[i - 1]) continue;
    const root = bisect(value, xs[i - 1] as number, xs[i] as number, tolerance);
    if (positive[i]) start = root;
    else if (start !== undefined) {
      push(out, start, root);
      start = undefined;
    }
  }
  if (start !== undefined) push(out, start, Infinity);
  return out;
}

/** The point in [lo, hi] where `value` crosses `tolerance`, to about 1e-12 relative. */
function bisect(value: (x: number) => number, lo: number, hi: number, tolerance: number): number {
  const loPositive = value(lo) > tolerance;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 60 && b - a > 1e-12 * b; i++) {
    const mid = (a + b) / 2;
    if (value(mid) > tolerance === loPositive) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
