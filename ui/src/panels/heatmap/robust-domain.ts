/** Low and high end of a colour scale. */
export interface ValueDomain {
  min: number;
  max: number;
}

export interface RobustDomainOptions {
  /**
   * Measure spread on a log scale (positive values only): reward/risk runs from 0.2 at the money to
   * 50 far out of the money, and its outliers are outliers by ratio, not by difference.
   */
  log?: boolean;
}

/** The `q` quantile of ascending `sorted`, interpolated between ranks. */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (at - lo);
}

/**
 * The colour domain for `values`, robust to the far-out-of-the-money tail: the 5th–95th percentile,
 * narrowed further to Tukey's fences (1.5 × the interquartile range beyond the quartiles) so a
 * handful of extreme tiles, more than a percentile clip alone can drop, saturate at the end of the
 * scale instead of squeezing every other tile into one colour. Undefined when nothing is finite.
 */
export function robustDomain(values: readonly number[], options: RobustDomainOptions = {}): ValueDomain | undefined {
  const log = options.log === true;
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (usable.length === 0) return undefined;
  const t = usable.map((v) => (log ? Math.log(v) : v)).sort((a, b) => a - b);
  const q1 = quantile(t, 0.25);
  const q3 = quantile(t, 0.75);
  const iqr = q3 - q1;
  const lo = Math.max(quantile(t, 0.05), q1 - 1.5 * iqr);
  const hi = Math.min(quantile(t, 0.95), q3 + 1.5 * iqr);
  const back = (x: number): number => Number((log ? Math.exp(x) : x).toPrecision(12));
  return { min: back(lo), max: back(hi) };
}
