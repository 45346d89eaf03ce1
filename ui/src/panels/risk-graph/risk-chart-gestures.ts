import type { ChartAxis } from './risk-chart';

/** Pure arithmetic behind the chart's zoom and pan: pixels and wheel clicks to prices and axes. */

/** Span multiplier of one zoom-in step (buttons, `+`): a third closer. */
export const ZOOM_STEP = 0.75;
/** Fraction of the span one arrow key pans. */
export const PAN_STEP = 0.1;
/** Span multiplier per pixel of wheel travel: a 100 px notch zooms about as far as one button press. */
const WHEEL_PER_PX = Math.log(1 / ZOOM_STEP) / 100;
/** Pixels of one wheel "line" (Firefox reports lines) and one "page". */
const LINE_PX = 16;
const PAGE_PX = 400;
/** Never narrower than this fraction of the axis' middle price: below it a curve is one flat pixel. */
const MIN_SPAN_FRACTION = 1e-4;

/** The price under pixel `px` of a plot spanning pixels [left, right]. */
export function priceAtPixel(axis: ChartAxis, px: number, left: number, right: number): number {
  if (right <= left) return axis.from;
  return axis.from + ((px - left) / (right - left)) * (axis.to - axis.from);
}

/**
 * The span multiplier for a wheel event: wheel down (positive delta) zooms out, up zooms in,
 * proportionally to the distance scrolled (`deltaMode` 0 pixels, 1 lines, 2 pages) so a trackpad's
 * many small deltas zoom smoothly and a mouse notch zooms one step.
 */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const px = deltaY * (deltaMode === 1 ? LINE_PX : deltaMode === 2 ? PAGE_PX : 1);
  // A fling can report thousands of pixels in one event: cap a single event at three steps.
  const capped = Math.max(-300, Math.min(300, px));
  return Math.exp(capped * WHEEL_PER_PX);
}

/**
 * The axis scaled by `factor` (< 1 zooms in) about `anchor`, which keeps its place on screen: the
 * price under the cursor stays under the cursor. Never narrower than a hair of the price, never
 * below zero (Black–Scholes needs a positive spot).
 */
export function zoomAround(axis: ChartAxis, factor: number, anchor: number): ChartAxis {
  const span = axis.to - axis.from;
  if (!(span > 0) || !(factor > 0) || !Number.isFinite(factor)) return axis;
  const a = Math.min(axis.to, Math.max(axis.from, anchor));
  const minSpan = Math.abs((axis.from + axis.to) / 2) * MIN_SPAN_FRACTION;
  const f = Math.max(factor, minSpan / span);
  const from = a - (a - axis.from) * f;
  const to = a + (axis.to - a) * f;
  if (from > 0) return { from, to };
  // Slide the zoomed window up so it starts just above zero, keeping its span.
  const floor = Math.min(axis.from, (to - from) * 1e-3);
  return { from: floor, to: to - from + floor };
}

/** The axis moved by `delta` in price (positive: the window slides to higher prices), kept above zero. */
export function panBy(axis: ChartAxis, delta: number): ChartAxis {
  const span = axis.to - axis.from;
  const shift = axis.from + delta <= 0 ? -axis.from + Math.min(axis.from, span * 1e-3) : delta;
  return { from: axis.from + shift, to: axis.to + shift };
}

/**
 * The price delta of dragging the plot `dx` pixels right: the content follows the pointer, so the
 * window moves the other way.
 */
export function dragDelta(axis: ChartAxis, dx: number, plotWidth: number): number {
  if (plotWidth <= 0) return 0;
  return (-dx / plotWidth) * (axis.to - axis.from);
}

/**
 * A price picked with the pointer, rounded to the finest round step a pixel can tell apart (on a
 * 100-point axis 800 px wide: 0.1), so an Alt+click alert lands on 5012.3, not 5012.2871.
 */
export function pickedPrice(price: number, axis: ChartAxis, plotWidth: number): number {
  const perPixel = (axis.to - axis.from) / Math.max(1, plotWidth);
  const step = 10 ** Math.ceil(Math.log10(perPixel));
  const rounded = Math.round(price / step) * step;
  return Number(rounded.toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}

export type ChartKeyAction =
  | { kind: 'zoom'; factor: number }
  | { kind: 'reset' }
  | { kind: 'pan'; fraction: number }
  | { kind: 'cursor'; fraction: number }
  | { kind: 'alert' }
  | { kind: 'hide-cursor' };

/**
 * What a key does while the chart has focus: `+`/`-` zoom about the crosshair (or the middle), `0`
 * resets, ←/→ pan, Shift+←/→ move the keyboard crosshair, `a` sets an alert at the crosshair,
 * Escape hides it. Anything else is left to the page.
 */
export function chartKeyAction(key: string, shift: boolean): ChartKeyAction | undefined {
  switch (key) {
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'reset' };
    case 'ArrowLeft':
      return shift ? { kind: 'cursor', fraction: -0.02 } : { kind: 'pan', fraction: -PAN_STEP };
    case 'ArrowRight':
      return shift ? { kind: 'cursor', fraction: 0.02 } : { kind: 'pan', fraction: PAN_STEP };
    case 'a':
    case 'A':
      return { kind: 'alert' };
    case 'Escape':
      return { kind: 'hide-cursor' };
    default:
      return undefined;
  }
}
