/** The choices every figure depends on; the service fills them from the trade log and settings. */
export interface AnalyticsConventions {
  /** |net| ≤ this many micro-dollars is break-even, neither a win nor a loss. */
  breakevenToleranceMinor: number;
  /** Exchange time: trading days, entry hours and weekdays are read in this IANA zone (DST-aware). */
  timeZone: string;
  /** Account equity before the first trade; without it drawdown percentages are null. */
  startingCapitalMinor: number | null;
  /** Histogram bin width in micro-dollars; null picks a 1-2-5 width giving about 20 bins. */
  histogramBinMinor: number | null;
}

export const DEFAULT_CONVENTIONS: AnalyticsConventions = {
  breakevenToleranceMinor: 0,
  timeZone: 'America/New_York',
  startingCapitalMinor: null,
  histogramBinMinor: null,
};

/** Trading days per year used to annualise daily Sharpe and Sortino (× √252). */
export const TRADING_DAYS_PER_YEAR = 252;

export function resolveConventions(partial: Partial<AnalyticsConventions> = {}): AnalyticsConventions {
  const c = { ...DEFAULT_CONVENTIONS, ...partial };
  if (!Number.isSafeInteger(c.breakevenToleranceMinor) || c.breakevenToleranceMinor < 0) throw new RangeError('breakevenToleranceMinor must be a non-negative integer');
  if (c.startingCapitalMinor !== null && !Number.isSafeInteger(c.startingCapitalMinor)) throw new RangeError('startingCapitalMinor must be an integer');
  if (c.histogramBinMinor !== null && (!Number.isSafeInteger(c.histogramBinMinor) || c.histogramBinMinor <= 0)) throw new RangeError('histogramBinMinor must be a positive integer');
  return c;
}
