import { normCdf } from './normal-cdf.js';

export type OptionType = 'call' | 'put';

/** Inputs of the Black–Scholes–Merton model for one European option. */
export interface BsInputs {
  type: OptionType;
  /** Underlying price, > 0. */
  spot: number;
  /** Strike, > 0. */
  strike: number;
  /** Time to expiry in years (ACT/365, see `yearFraction`); ≤ 0 means expired (intrinsic value). */
  time: number;
  /** Continuously compounded risk-free rate, e.g. 0.05. */
  rate: number;
  /** Annualised volatility, e.g. 0.20; ≤ 0 means a deterministic forward (discounted intrinsic). */
  vol: number;
  /** Continuous dividend yield q, default 0. */
  dividendYield?: number;
}

/** Throws a RangeError naming the first field that cannot be priced. */
export function validateBsInputs(i: BsInputs): void {
  if (i.type !== 'call' && i.type !== 'put') throw new RangeError(`type must be 'call' or 'put', got ${String(i.type)}`);
  if (!Number.isFinite(i.spot) || i.spot <= 0) throw new RangeError(`spot must be a positive finite number, got ${i.spot}`);
  if (!Number.isFinite(i.strike) || i.strike <= 0) throw new RangeError(`strike must be a positive finite number, got ${i.strike}`);
  if (Number.isNaN(i.time) || i.time === Infinity) throw new RangeError(`time must be a finite number of years, got ${i.time}`);
  if (!Number.isFinite(i.rate)) throw new RangeError(`rate must be finite, got ${i.rate}`);
  if (Number.isNaN(i.vol) || i.vol === Infinity) throw new RangeError(`vol must be finite, got ${i.vol}`);
  const q = i.dividendYield ?? 0;
  if (!Number.isFinite(q)) throw new RangeError(`dividendYield must be finite, got ${q}`);
}

/** Payoff of the option exercised now: max(S − K, 0) for a call, max(K − S, 0) for a put. */
export function intrinsicValue(type: OptionType, spot: number, strike: number): number {
  return type === 'call' ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
}

/** d1 and d2 of Black–Scholes–Merton; only meaningful for time > 0 and vol > 0. */
export function bsD1D2(i: BsInputs): { d1: number; d2: number } {
  const q = i.dividendYield ?? 0;
  const sqrtT = Math.sqrt(i.time);
  const d1 = (Math.log(i.spot / i.strike) + (i.rate - q + (i.vol * i.vol) / 2) * i.time) / (i.vol * sqrtT);
  return { d1, d2: d1 - i.vol * sqrtT };
}

/**
 * Black–Scholes–Merton price of a European option with continuous dividend yield q:
 * call = S·e^(−qT)·N(d1) − K·e^(−rT)·N(d2), put = K·e^(−rT)·N(−d2) − S·e^(−qT)·N(−d1).
 * time ≤ 0 → intrinsic value; vol ≤ 0 → the discounted forward intrinsic value
 * max(±(S·e^(−qT) − K·e^(−rT)), 0).
 */
export function bsPrice(i: BsInputs): number {
  validateBsInputs(i);
  if (i.time <= 0) return intrinsicValue(i.type, i.spot, i.strike);
  const q = i.dividendYield ?? 0;
  const fwdSpot = i.spot * Math.exp(-q * i.time);
  const pvStrike = i.strike * Math.exp(-i.rate * i.time);
  if (i.vol <= 0) return i.type === 'call' ? Math.max(fwdSpot - pvStrike, 0) : Math.max(pvStrike - fwdSpot, 0);
  const { d1, d2 } = bsD1D2(i);
  return i.type === 'call'
    ? fwdSpot * normCdf(d1) - pvStrike * normCdf(d2)
    : pvStrike * normCdf(-d2) - fwdSpot * normCdf(-d1);
}
