/** Pure geometry of the market-mode gauge and the bias bar. */

import { MARKET_MODE_BANDS, type MarketMode } from '@marketswarm/shared/models';
import { clamp } from '../../charts/scale';

export type { MarketMode };

/** The gauge's bands: the same ones the producers classify with. */
export const MODE_BANDS = MARKET_MODE_BANDS;

export const clampScore = (score: number): number => clamp(score, 0, 100);

/** Angle of a score on the upper semicircle, radians counter-clockwise from +x: 0 → π (left), 100 → 0 (right). */
export function scoreToAngle(score: number): number {
  return Math.PI * (1 - clampScore(score) / 100);
}

/** A point at `angle` (maths convention, y up) around (cx, cy), in SVG coordinates (y down). */
export function polar(cx: number, cy: number, r: number, angle: number): { x: number; y: number } {
  return { x: round(cx + r * Math.cos(angle)), y: round(cy - r * Math.sin(angle)) };
}

/**
 * A filled annular sector of the gauge from score `from` to `to`: the outer arc runs clockwise over
 * the top (sweep 1), the inner arc back. A band spans at most the half circle, so never a large arc.
 */
export function bandPath(cx: number, cy: number, outer: number, inner: number, from: number, to: number): string {
  const a0 = scoreToAngle(from);
  const a1 = scoreToAngle(to);
  const o0 = polar(cx, cy, outer, a0);
  const o1 = polar(cx, cy, outer, a1);
  const i1 = polar(cx, cy, inner, a1);
  const i0 = polar(cx, cy, inner, a0);
  return `M ${o0.x} ${o0.y} A ${outer} ${outer} 0 0 1 ${o1.x} ${o1.y} L ${i1.x} ${i1.y} A ${inner} ${inner} 0 0 0 ${i0.x} ${i0.y} Z`;
}

/**
 * Clockwise rotation in degrees of a needle drawn pointing left (score 0) so that it points at
 * `score`: 0 → 0°, 50 → 90° (straight up), 100 → 180°.
 */
export function needleRotation(score: number): number {
  return round((clampScore(score) / 100) * 180);
}

/** Where the needle's tip is for `score` (the same position the rotation gives). */
export function needleTip(cx: number, cy: number, length: number, score: number): { x: number; y: number } {
  return polar(cx, cy, length, scoreToAngle(score));
}

/**
 * The bias bar's fill in percent of the track: from the centre (50 %) towards −1 (left) or +1
 * (right). Bias outside [−1, 1] is clamped.
 */
export function biasFill(bias: number): { left: number; width: number } {
  const b = clamp(bias, -1, 1);
  const width = round(Math.abs(b) * 50);
  return { left: b < 0 ? round(50 - width) : 50, width };
}

export type BiasLean = 'bearish' | 'neutral' | 'bullish';

/** How the bias reads in words; |bias| under `neutral` is neutral. */
export function biasLean(bias: number, neutral = 0.15): BiasLean {
  return bias <= -neutral ? 'bearish' : bias >= neutral ? 'bullish' : 'neutral';
}

/** A signed value with a true minus, fixed decimals (so the width does not jump): +0.42, −0.17, 0.00. */
export function formatSigned(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '\u2212' : '+'}${text}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
