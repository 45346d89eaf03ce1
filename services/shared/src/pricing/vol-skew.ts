import { type OptionType } from './black-scholes.js';
import { bsGreeks, type Greeks } from './greeks.js';
import { yearFraction } from './year-fraction.js';

/**
 * A simple smile: vol(K) = atmVol × (1 + skew·m + curvature·m²) with m = ln(K / S), clamped to
 * [minVol, maxVol]. A negative skew makes downside puts richer than upside calls, as in index options.
 */
export interface VolSkew {
  atmVol: number;
  skew: number;
  curvature: number;
  /** Default 0.01. */
  minVol?: number;
  /** Default 3. */
  maxVol?: number;
}

export function skewVol(skew: VolSkew, spot: number, strike: number): number {
  const m = Math.log(strike / spot);
  const raw = skew.atmVol * (1 + skew.skew * m + skew.curvature * m * m);
  return Math.min(Math.max(raw, skew.minVol ?? 0.01), skew.maxVol ?? 3);
}

export interface ChainInputs {
  spot: number;
  rate: number;
  dividendYield?: number;
  /** Pricing instant, epoch ms. */
  now: number;
  /** Expiry instants, epoch ms. */
  expiries: readonly number[];
  strikes: readonly number[];
  skew: VolSkew;
}

export interface PricedOption extends Greeks {
  type: OptionType;
  strike: number;
  expiry: number;
  /** The volatility from the skew that priced this option. */
  iv: number;
}

/** Prices a call and a put at every expiry × strike with the skew's volatility (ACT/365 time from `now`). */
export function priceChain(c: ChainInputs): PricedOption[] {
  const out: PricedOption[] = [];
  for (const expiry of c.expiries) {
    const time = yearFraction(c.now, expiry);
    for (const strike of c.strikes) {
      const iv = skewVol(c.skew, c.spot, strike);
      for (const type of ['call', 'put'] as const) {
        const g = bsGreeks({ type, spot: c.spot, strike, time, rate: c.rate, vol: iv, dividendYield: c.dividendYield ?? 0 });
        out.push({ type, strike, expiry, iv, ...g });
      }
    }
  }
  return out;
}
