import { panAxis, zoomAxis, type PriceAxis } from '@marketswarm/shared/models';

/** Pure arithmetic behind the chart's zoom and pan: pixels and wheel clicks to prices and axes. */

/** Span multiplier of one zoom-in step — the chart's buttons and keys and the workspace's zoom commands alike: a quarter of the span. */
export const ZOOM_STEP = 0.75;
/** Fraction of the span one arrow key pans. */
export const PAN_STEP = 0.1;
/** Span multiplier per pixel of wheel travel: a 100 px notch zooms about as far as one button press. */
const WHEEL_PER_PX = Math.log(1 / ZOOM_STEP) / 100;
/** Pixels of one wheel "line" (Firefox reports lines) and one "page". */
const LINE_PX = 16;
const PAGE_PX = 400;

/** The price under pixel `px` of a plot spanning pixels [left, right]. */
export function priceAtPixel(axis: PriceAxis, px: number, left: number, right: number): number {
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
 * The price delta of dragging the plot `dx` pixels right: the content follows the pointer, so the
 * window moves the other way.
 */
export function dragDelta(axis: PriceAxis, dx: number, plotWidth: number): number {
  if (plotWidth <= 0) return 0;
  return (-dx / plotWidth) * (axis.to - axis.from);
}

/**
 * The axis after a wheel event with the pointer over `anchor`: a vertical wheel zooms about the
 * anchor (see wheelFactor), a sideways trackpad swipe of `deltaX` pixels pans like a drag.
 */
export function wheelAxis(axis: PriceAxis, wheel: { deltaX: number; deltaY: number; deltaMode: number }, anchor: number, plotWidth: number): PriceAxis {
  if (Math.abs(wheel.deltaX) > Math.abs(wheel.deltaY)) return panAxis(axis, dragDelta(axis, -wheel.deltaX, plotWidth));
  return zoomAxis(axis, wheelFactor(wheel.deltaY, wheel.deltaMode), anchor);
}

/** The axis after dragging the plot `dx` pixels from where the drag started on `start`. */
export function dragAxis(start: PriceAxis, dx: number, plotWidth: number): PriceAxis {
  return panAxis(start, dragDelta(start, dx, plotWidth));
}

/**
 * A price picked with the pointer, rounded to the finest round step a pixel can tell apart (on a
 * 100-point axis 800 px wide: 0.1), so an Alt+click alert lands on 5012.3, not 5012.2871.
 */
export function pickedPrice(price: number, axis: PriceAxis, plotWidth: number): number {
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
