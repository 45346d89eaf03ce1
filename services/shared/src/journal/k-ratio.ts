/**
 * K-ratio, Kestner's 2003 revision: slope / (standard error of the slope × √n), from the
 * least-squares line of cumulative net P&L after each trade (y) on the trade number 1…n (x).
 * Cumulative dollars rather than log VAMI because a log needs a capital the journal may not have;
 * the ratio is unchanged by the unit. Null below three trades (the error needs n − 2 > 0 degrees of
 * freedom) or when the points lie exactly on a line (zero error: the ratio is unbounded).
 */
export function kRatio(cumulative: readonly number[]): number | null {
  const n = cumulative.length;
  if (n < 3) return null;
  const xMean = (n + 1) / 2;
  let yMean = 0;
  for (const y of cumulative) yMean += y;
  yMean /= n;
  let sxx = 0;
  let sxy = 0;
  cumulative.forEach((y, i) => {
    const dx = i + 1 - xMean;
    sxx += dx * dx;
    sxy += dx * (y - yMean);
  });
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let ssr = 0;
  cumulative.forEach((y, i) => {
    ssr += (y - (intercept + slope * (i + 1))) ** 2;
  });
  const se = Math.sqrt(ssr / (n - 2) / sxx);
  // Residuals of exact integer sums can come out as rounding dust; treat that as a perfect line.
  if (!(se > Number.EPSILON * Math.abs(slope) * n)) return null;
  return slope / (se * Math.sqrt(n));
}
