import { type OptionType } from '../pricing/black-scholes.js';

/** One option of a chain as the models read it (the producer's quotes carry more fields). */
export interface ChainOption {
  strike: number;
  /** Expiry instant, epoch ms. */
  expiry: number;
  type: OptionType;
  /** Mid price in index points per unit (not × the contract multiplier). */
  mid: number;
  /** Black–Scholes gamma per 1 point of the underlying. */
  gamma: number;
  /** Open contracts. */
  openInterest: number;
  /** Quotes in points, when the source has a market (the heatmap prices spreads at their mids and naturals). */
  bid?: number;
  ask?: number;
  /** Black–Scholes implied volatility (annualised, 0.15 = 15 %), when the source prices one. */
  iv?: number;
}
