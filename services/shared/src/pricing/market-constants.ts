/**
 * The market assumptions every pricer in the stack shares. The producer prices its option chains
 * (and so the heatmap tiles' debits and IVs) with them, and the risk graph reprices those tiles with
 * them: with one set, a position marked at the moment it was quoted is worth exactly its debit.
 */

/** Continuously compounded risk-free rate, annual (short-dated US Treasury bills). */
export const RISK_FREE_RATE = 0.045;

/** Continuous dividend yield of the underlyings: the index chains are priced without one. */
export const DIVIDEND_YIELD = 0;

/** Standard US equity/index option contract multiplier: one index point is $100 a contract. */
export const CONTRACT_MULTIPLIER = 100;

/** Index options quote in steps of 0.05 points. */
export const OPTION_TICK = 0.05;
