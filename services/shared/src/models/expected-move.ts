import { yearFraction } from '../pricing/year-fraction.js';

/**
 * Years (ACT/365, intraday included) from `now` to `expiry`, never negative: an expired leg has no
 * time left, and every caller here would otherwise have to clamp a negative √t itself.
 */
export function yearsBetween(now: number, expiry: number): number {
  const years = yearFraction(now, expiry);
  return years > 0 ? years : 0;
}

/**
 * The one-standard-deviation move in index points by `years` from now: spot × σ × √t, the number a
 * trader reads as "the expected move" (SPX 5,000 at 15 % IV with 4 h left: ≈ 16 points). 0 when
 * there is no time or no vol left, or for inputs that are not positive numbers.
 */
export function expectedMove(spot: number, vol: number, years: number): number {
  if (!(spot > 0) || !(vol > 0) || !(years > 0) || !Number.isFinite(spot * vol * years)) return 0;
  return spot * vol * Math.sqrt(years);
}
