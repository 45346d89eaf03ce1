/**
 * Rounding of the figures ADI exports. Sums and differences of prices carry float noise
 * (6012.35 − 5998.15 = 14.199999999999818); a snapshot is read by people and compared by
 * assistants, so every figure is rounded once, where it is computed, to what its unit can mean.
 */
export function round(value: number, places: number): number {
  const factor = 10 ** places;
  // + 0 turns −0 into 0.
  return Math.round(value * factor) / factor + 0;
}

export function roundOrNull(value: number | null | undefined, places: number): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : round(value, places);
}

/** Index points and option premiums. */
export const PRICE_PLACES = 2;
/** Annualised vols as decimals (0.1834). */
export const VOL_PLACES = 4;

/** Lowest and highest of `values`, null for none; a loop, since a day's prints overflow `Math.max(...values)`'s argument limit. */
export function extent(values: Iterable<number>): { low: number; high: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? { low, high } : null;
}
