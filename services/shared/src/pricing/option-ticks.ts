/**
 * Minimum price increments of listed options, as the exchanges quote complex (spread) orders.
 * Cboe's index options (SPX, NDX, RUT, VIX) step 0.05 below 3.00 and 0.10 from 3.00 up; the ETF
 * options traders pair with them (SPY, QQQ) trade in pennies. A price off its tick is a price no
 * one can fill, so the heatmap shows prices on these steps.
 */
const INDEX_ROOTS: ReadonlySet<string> = new Set(['SPX', 'SPXW', 'NDX', 'NDXP', 'RUT', 'RUTW', 'VIX', 'VIXW']);

/** The tick of an option (or spread) of `symbol` priced at `price` (sign ignored: a credit ticks like a debit). */
export function optionTick(symbol: string, price: number): number {
  if (!INDEX_ROOTS.has(symbol.toUpperCase())) return 0.01;
  return Math.abs(price) < 3 ? 0.05 : 0.1;
}

/** `price` rounded to the nearest tick of `symbol`, symmetric for credits, to cents (no float dust). */
export function roundToOptionTick(symbol: string, price: number): number {
  const tick = optionTick(symbol, price);
  // 3.75 / 0.1 is 37.4999… in binary: nudge so a price exactly between two ticks rounds away from 0.
  const ticks = Math.round(Math.abs(price) / tick + 1e-9);
  return (Math.sign(price) * Math.round(ticks * tick * 100)) / 100 + 0; // + 0 turns −0 into 0
}
