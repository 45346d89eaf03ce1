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

/**
 * The tick of `symbol` nearest `price` inside [low, high] (a spread's natural bid and ask): the
 * nearest tick when it lies inside, else the first tick inside from the side `price` fell out of.
 * undefined when no tick lies inside, a market narrower than its tick (4.41 / 4.44 on SPX's 0.10).
 */
export function roundToOptionTickWithin(symbol: string, price: number, low: number, high: number): number | undefined {
  const nearest = roundToOptionTick(symbol, price);
  const inside = nearest < low ? tickAtOrAbove(symbol, low) : nearest > high ? tickAtOrBelow(symbol, high) : nearest;
  return inside >= low && inside <= high ? inside : undefined;
}

// Below 3.00 index ticks are 0.05 and from 3.00 up 0.10; 3.00 is on both grids, so the tick of the
// price itself is the step toward the next tick in either direction. A credit mirrors a debit.
function tickAtOrAbove(symbol: string, price: number): number {
  if (price < 0) return -tickAtOrBelow(symbol, -price) + 0;
  const tick = optionTick(symbol, price);
  return Math.round(Math.ceil(price / tick - 1e-9) * tick * 100) / 100;
}

function tickAtOrBelow(symbol: string, price: number): number {
  if (price < 0) return -tickAtOrAbove(symbol, -price) + 0;
  const tick = optionTick(symbol, price);
  return Math.round(Math.floor(price / tick + 1e-9) * tick * 100) / 100;
}
