/** Milliseconds in one ACT/365 year. */
export const MS_PER_YEAR = 365 * 24 * 60 * 60 * 1000;
/** Milliseconds in one calendar day. */
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * ACT/365 year fraction between two epoch-millisecond instants (`to − from`, negative when `to` is
 * earlier). Intraday time counts, so a 0DTE option six hours before expiry has T = 6 / 8760.
 */
export function yearFraction(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / MS_PER_YEAR;
}
