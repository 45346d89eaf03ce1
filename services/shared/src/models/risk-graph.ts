import { type BsInputs, type OptionType, bsPrice, intrinsicValue } from '../pricing/black-scholes.js';
import { yearFraction } from '../pricing/year-fraction.js';

/** One leg of a position. Prices are per unit in index points. */
export interface PositionLeg {
  type: OptionType;
  strike: number;
  /** Epoch ms. */
  expiry: number;
  /** Contracts: positive long, negative short. */
  quantity: number;
  /** Price paid (long) or received (short) per unit, ≥ 0. */
  entryPrice: number;
}

/** Market used to value legs before expiry. */
export interface RiskMarket {
  /** Valuation instant, epoch ms. */
  now: number;
  rate: number;
  dividendYield?: number;
  /** Volatility for a leg: a flat number, or per leg (e.g. from a skew). */
  vol: number | ((leg: PositionLeg, spot: number) => number);
}

/**
 * P&L at expiration for an underlying at `spot`: Σ quantity × (intrinsic − entryPrice) × multiplier.
 * Every leg is taken at its own intrinsic value, so this is the expiry payoff of single-expiry
 * positions; for calendars value the position at the first expiry with `positionValue` instead.
 */
export function payoffAtExpiry(legs: readonly PositionLeg[], spot: number, multiplier = 1): number {
  let pnl = 0;
  for (const leg of legs) pnl += leg.quantity * (intrinsicValue(leg.type, spot, leg.strike) - leg.entryPrice);
  return pnl * multiplier;
}

/**
 * Highest and lowest value over spot ∈ [0, ∞) of a piecewise-linear expiry payoff with kinks at
 * `strikes`: the extremes lie at 0, at a kink, or at infinity, where `slopeBeyond` (the net calls
 * held) decides; null in a direction the payoff is unbounded.
 */
export function piecewiseExtremes(strikes: readonly number[], payoff: (spot: number) => number, slopeBeyond: number): { max: number | null; min: number | null } {
  const values = [0, ...strikes].map(payoff);
  return { max: slopeBeyond > 0 ? null : Math.max(...values), min: slopeBeyond < 0 ? null : Math.min(...values) };
}

/**
 * The Black–Scholes inputs of one leg at `spot` in `market`: time to expiry from `market.now`, the
 * market's vol for this leg, no dividend unless the market has one. `positionValue` and
 * `positionGreeks` both price from these, so the marks and the greeks never disagree on a leg.
 */
export function legBsInputs(leg: PositionLeg, spot: number, market: RiskMarket): BsInputs {
  return {
    type: leg.type,
    spot,
    strike: leg.strike,
    time: yearFraction(market.now, leg.expiry),
    rate: market.rate,
    vol: typeof market.vol === 'number' ? market.vol : market.vol(leg, spot),
    dividendYield: market.dividendYield ?? 0,
  };
}

/** P&L marked to Black–Scholes at `market.now` ("today's line"); legs past expiry count at intrinsic value. */
export function positionValue(legs: readonly PositionLeg[], spot: number, market: RiskMarket, multiplier = 1): number {
  let pnl = 0;
  for (const leg of legs) pnl += leg.quantity * (bsPrice(legBsInputs(leg, spot, market)) - leg.entryPrice);
  return pnl * multiplier;
}

/**
 * Where a sampled curve crosses zero: linear interpolation between neighbouring points of opposite
 * sign, plus points that are exactly zero (a run of zeros counts once, at its start). `xs` ascending.
 */
export function zeroCrossings(xs: readonly number[], ys: readonly number[]): number[] {
  const roots: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined || y === undefined) break;
    const px = xs[i - 1];
    const py = ys[i - 1];
    if (y === 0) {
      if (py !== 0) roots.push(x);
    } else if (px !== undefined && py !== undefined && py !== 0 && Math.sign(py) !== Math.sign(y)) {
      roots.push(px + ((x - px) * -py) / (y - py));
    }
  }
  return roots;
}

/** Evenly spaced spots from `from` to `to` inclusive (the last step may be shorter). */
export function spotGrid(from: number, to: number, step: number): number[] {
  if (!(step > 0) || !(to >= from)) throw new RangeError(`spotGrid needs step > 0 and to ≥ from (got ${from}..${to} by ${step})`);
  const out: number[] = [];
  const n = Math.floor((to - from) / step + 1e-9);
  for (let i = 0; i <= n; i++) out.push(from + i * step);
  if ((out[out.length - 1] ?? from) < to - 1e-9) out.push(to);
  return out;
}

export interface RiskGraphPoint {
  spot: number;
  /** P&L at expiration. */
  expiry: number;
  /** P&L marked at market.now, when a market was given. */
  today?: number;
}

export interface RiskGraph {
  points: RiskGraphPoint[];
  /** Spots where the expiration P&L is zero, ascending. */
  breakevens: number[];
  /**
   * Largest and smallest expiration P&L over the sampled range (not the theoretical extremes beyond
   * it); maxLoss is a signed P&L, negative when the position can lose.
   */
  maxProfit: number;
  maxLoss: number;
}

export interface RiskGraphOptions {
  spots: readonly number[];
  market?: RiskMarket;
  /** Default 1 (points); 100 gives dollars for index options. */
  multiplier?: number;
}

/** The risk graph the UI draws and the copilot describes: expiry and today's P&L across spots. */
export function riskGraph(legs: readonly PositionLeg[], options: RiskGraphOptions): RiskGraph {
  const multiplier = options.multiplier ?? 1;
  const spots = [...options.spots].sort((a, b) => a - b);
  const points = spots.map((spot): RiskGraphPoint => {
    const point: RiskGraphPoint = { spot, expiry: payoffAtExpiry(legs, spot, multiplier) };
    if (options.market !== undefined) point.today = positionValue(legs, spot, options.market, multiplier);
    return point;
  });
  const pnl = points.map((p) => p.expiry);
  return {
    points,
    breakevens: zeroCrossings(spots, pnl),
    maxProfit: pnl.length > 0 ? pnl.reduce((a, b) => Math.max(a, b)) : 0,
    maxLoss: pnl.length > 0 ? pnl.reduce((a, b) => Math.min(a, b)) : 0,
  };
}
