/**
 * The numeric helpers every chart panel (GEX, risk graph, heatmap colours, market-mode gauge) maps
 * its values with: one linear scale, one clamp and one rule for round axis ticks, so two charts
 * showing the same range label it the same way.
 */

export type Scale = (value: number) => number;

/** A linear map from `domain` onto `range` (either may be reversed); a zero-width domain maps to the range's middle. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** `value` limited to [min, max]; NaN (a missing reading) gives `min`, never NaN coordinates. */
export function clamp(value: number, min: number, max: number): number {
  return Number.isNaN(value) ? min : Math.min(max, Math.max(min, value));
}

/**
 * The step of 1, 2 or 5 × 10ⁿ nearest (on a log scale) to `span / target`: about `target`
 * intervals, never more than ~1.4 × as many, so labels spaced for `target` stay apart.
 */
export function niceStep(span: number, target = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / magnitude;
  const nice = ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.SQRT2 ? 2 : 1;
  return nice * magnitude;
}

/** Multiples `first…last` of `step`: multiplying the index (not adding steps) keeps 0 exactly 0 and avoids drift. */
function multiples(first: number, last: number, step: number): number[] {
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)) + 0);
  return ticks;
}

/** Round tick values inside [min, max], for an axis whose domain is already set (the risk graph's padded P&L). */
export function ticksWithin(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || target < 1) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const step = niceStep(max - min, target);
  return multiples(Math.ceil(min / step - 1e-9), Math.floor(max / step + 1e-9), step);
}

/**
 * Round ticks covering [min, max], the first and last at or beyond them: the chart uses them as its
 * domain (GEX bars start and end on a labelled value). A single value still gets a domain through 0.
 */
export function ticksAround(min: number, max: number, target = 5): number[] {
  if (min === max) {
    if (min === 0) return [-1, 0, 1];
    const pad = Math.abs(min);
    [min, max] = [Math.min(0, min - pad), Math.max(0, max + pad)];
  }
  const step = niceStep(max - min, target);
  return multiples(Math.floor(min / step + 1e-9), Math.ceil(max / step - 1e-9), step);
}
