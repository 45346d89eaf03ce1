import type { MelTrend } from '@marketswarm/shared/dto';

/** Snapshots a score is compared against. */
export const TREND_WINDOW = 5;
/** Points a score must move from its recent mean to count as a change. */
export const TREND_THRESHOLD = 5;

/**
 * A score's trend against the mean of its previous `TREND_WINDOW` values (oldest first): improving
 * from +5 points, degrading from −5, stable between and when there is no history yet.
 */
export function trendOf(score: number, previous: readonly number[]): MelTrend {
  const window = previous.slice(-TREND_WINDOW);
  if (window.length === 0) return 'stable';
  const delta = score - window.reduce((s, v) => s + v, 0) / window.length;
  if (delta >= TREND_THRESHOLD) return 'improving';
  if (delta <= -TREND_THRESHOLD) return 'degrading';
  return 'stable';
}
