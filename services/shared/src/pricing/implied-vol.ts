import { type BsInputs, bsPrice } from './black-scholes.js';
import { bsGreeks } from './greeks.js';

export interface ImpliedVolInputs extends Omit<BsInputs, 'vol'> {
  /** Observed option price (e.g. the mid). */
  price: number;
}

export interface ImpliedVolOptions {
  /** Stop when |model − market| is below this, default 1e-10. */
  priceTolerance?: number;
  /** Search bracket for σ, default [1e-6, 5]. */
  minVol?: number;
  maxVol?: number;
  /** Default 100. */
  maxIterations?: number;
}

/**
 * Implied volatility by a safeguarded Newton–Raphson: Newton steps on vega while they stay inside a
 * bracket that always contains the root, bisection otherwise (price is increasing in σ, so the
 * bracket shrinks every iteration and the solver cannot diverge).
 *
 * Returns undefined when no volatility in [minVol, maxVol] reproduces the price: the option has
 * expired, or the price is outside the no-arbitrage bounds (below the σ→0 value or above the σ→∞ value).
 */
export function impliedVol(i: ImpliedVolInputs, options: ImpliedVolOptions = {}): number | undefined {
  const tol = options.priceTolerance ?? 1e-10;
  let lo = options.minVol ?? 1e-6;
  let hi = options.maxVol ?? 5;
  const maxIterations = options.maxIterations ?? 100;
  if (!Number.isFinite(i.price) || i.time <= 0) return undefined;
  const { price: target, ...rest } = i;
  const at = (vol: number): BsInputs => ({ ...rest, vol });
  const fLo = bsPrice(at(lo)) - target;
  const fHi = bsPrice(at(hi)) - target;
  if (Math.abs(fLo) <= tol) return lo;
  if (Math.abs(fHi) <= tol) return hi;
  if (fLo > 0 || fHi < 0) return undefined;

  // Start from the Brenner–Subrahmanyam at-the-money estimate, clamped into the bracket.
  let vol = Math.min(Math.max(Math.sqrt((2 * Math.PI) / i.time) * (target / i.spot), lo), hi);
  for (let n = 0; n < maxIterations; n++) {
    const g = bsGreeks(at(vol));
    const diff = g.price - target;
    if (Math.abs(diff) <= tol) return vol;
    if (diff > 0) hi = vol;
    else lo = vol;
    const vega = g.vega * 100; // per unit of σ
    const newton = vega > 1e-12 ? vol - diff / vega : Number.NaN;
    vol = newton > lo && newton < hi ? newton : (lo + hi) / 2;
    if (hi - lo < 1e-15) return vol;
  }
  return vol;
}
