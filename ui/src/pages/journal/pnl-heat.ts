/**
 * The calendar's P&L heat: green for a winning day, red for a losing one, stronger with |P&L|.
 * The scale is robust: one outsized day must not wash every other day out to the same pale tint,
 * so intensity is measured against a high percentile of |P&L|, not the maximum, and clamps at 1.
 */

/** The percentile of |P&L| that reads as full intensity. */
export const HEAT_PERCENTILE = 0.9;

/** The faintest tint a non-zero day gets, so a small loss is still visibly red. */
export const HEAT_FLOOR = 0.18;
export const HEAT_CEILING = 0.85;

const UP = '63, 185, 80';
const DOWN = '248, 81, 73';

/**
 * The |P&L| that reads as full intensity: the nearest-rank `percentile` of the non-zero |P&L|s,
 * 0 when no day moved.
 */
export function heatScale(pnls: readonly (number | null | undefined)[], percentile: number = HEAT_PERCENTILE): number {
  const magnitudes = pnls
    .filter((p): p is number => typeof p === 'number' && Number.isFinite(p) && p !== 0)
    .map(Math.abs)
    .sort((a, b) => a - b);
  if (magnitudes.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(percentile * magnitudes.length));
  return magnitudes[rank - 1] ?? 0;
}

/** 0 (no tint) … 1 (full), by |pnl| against the scale. */
export function heatIntensity(pnl: number | null | undefined, scale: number): number {
  if (typeof pnl !== 'number' || !Number.isFinite(pnl) || pnl === 0 || scale <= 0) return 0;
  return Math.min(1, Math.abs(pnl) / scale);
}

export type HeatTone = 'up' | 'down' | 'flat' | 'none';

export interface Heat {
  tone: HeatTone;
  intensity: number;
  /** A CSS background, or undefined for a day without trades. */
  background: string | undefined;
}

/**
 * The tint of a day: `none` without trades, `flat` for a break-even day, otherwise green or red
 * with an alpha between the floor and the ceiling.
 */
export function heatOf(pnl: number | null | undefined, scale: number): Heat {
  if (typeof pnl !== 'number' || !Number.isFinite(pnl)) return { tone: 'none', intensity: 0, background: undefined };
  if (pnl === 0) return { tone: 'flat', intensity: 0, background: undefined };
  const intensity = heatIntensity(pnl, scale);
  const alpha = HEAT_FLOOR + (HEAT_CEILING - HEAT_FLOOR) * intensity;
  const tone = pnl > 0 ? 'up' : 'down';
  return { tone, intensity, background: `rgba(${tone === 'up' ? UP : DOWN}, ${alpha.toFixed(3)})` };
}
