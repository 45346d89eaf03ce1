import { describe, expect, it } from 'vitest';
import { chartKeyAction, dragAxis, dragDelta, pickedPrice, priceAtPixel, wheelAxis, wheelFactor, ZOOM_STEP } from './risk-chart-gestures';

const axis = { from: 4900, to: 5100 };

describe('priceAtPixel', () => {
  it('maps the plot edges to the axis ends and the middle to the middle', () => {
    expect(priceAtPixel(axis, 50, 50, 450)).toBe(4900);
    expect(priceAtPixel(axis, 450, 50, 450)).toBe(5100);
    expect(priceAtPixel(axis, 250, 50, 450)).toBe(5000);
  });
});

describe('wheelFactor', () => {
  it('zooms in on wheel up and out on wheel down, one notch about one button step', () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(ZOOM_STEP, 10);
    expect(wheelFactor(100, 0)).toBeCloseTo(1 / ZOOM_STEP, 10);
    expect(wheelFactor(0, 0)).toBe(1);
  });

  it('reads line and page deltas as pixels and caps a fling at three steps', () => {
    expect(wheelFactor(-6.25, 1)).toBeCloseTo(wheelFactor(-100, 0), 10);
    expect(wheelFactor(-5000, 0)).toBeCloseTo(ZOOM_STEP ** 3, 10);
    expect(wheelFactor(3, 2)).toBeCloseTo(1 / ZOOM_STEP ** 3, 10);
  });
});

describe('wheelAxis', () => {
  const wheel = (deltaY: number, deltaX = 0) => ({ deltaX, deltaY, deltaMode: 0 });

  it('zooms in about the price under the pointer, which keeps its place on screen', () => {
    const zoomed = wheelAxis(axis, wheel(-100), 4950, 400);
    expect(zoomed.to - zoomed.from).toBeCloseTo(200 * ZOOM_STEP, 9);
    // 4950 was a quarter of the way across; it still is.
    expect((4950 - zoomed.from) / (zoomed.to - zoomed.from)).toBeCloseTo(0.25, 9);
  });

  it('zooms out on wheel down, symmetrically about the middle', () => {
    const zoomed = wheelAxis(axis, wheel(100), 5000, 400);
    expect((zoomed.from + zoomed.to) / 2).toBeCloseTo(5000, 9);
    expect(zoomed.to - zoomed.from).toBeCloseTo(200 / ZOOM_STEP, 9);
  });

  it('pans on a sideways swipe: fingers moving left show higher prices', () => {
    // A swipe reports deltaX > 0 when the content should move left; 100 px of 400 is 50 points.
    expect(wheelAxis(axis, wheel(5, 100), 5000, 400)).toEqual({ from: 4950, to: 5150 });
  });
});

describe('dragging', () => {
  it('moves the window against the drag: dragging right shows lower prices', () => {
    // 200 points on 400 px: 100 px is 50 points.
    expect(dragDelta(axis, 100, 400)).toBe(-50);
    expect(dragAxis(axis, 100, 400)).toEqual({ from: 4850, to: 5050 });
  });

  it('measures the drag from where it started, so the price under the pointer stays under it', () => {
    const start = { from: 4980, to: 5020 };
    // Dragged 80 px on a 320 px plot of 40 points: 10 points lower.
    expect(dragAxis(start, 80, 320)).toEqual({ from: 4970, to: 5010 });
    expect(dragAxis(start, 0, 320)).toEqual(start);
  });
});

describe('pickedPrice', () => {
  it('rounds to the finest round step one pixel can tell apart', () => {
    // 200 points on 800 px: 0.25 per pixel → steps of 1.
    expect(pickedPrice(5012.2871, axis, 800)).toBe(5012);
    // 20 points on 800 px: 0.025 per pixel → steps of 0.1.
    expect(pickedPrice(5012.2871, { from: 5000, to: 5020 }, 800)).toBe(5012.3);
  });
});

describe('chartKeyAction', () => {
  it('maps the chart keys and leaves the rest to the page', () => {
    expect(chartKeyAction('+', false)).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    expect(chartKeyAction('-', false)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
    expect(chartKeyAction('0', false)).toEqual({ kind: 'reset' });
    expect(chartKeyAction('ArrowRight', false)).toEqual({ kind: 'pan', fraction: 0.1 });
    expect(chartKeyAction('ArrowLeft', true)).toEqual({ kind: 'cursor', fraction: -0.02 });
    expect(chartKeyAction('a', false)).toEqual({ kind: 'alert' });
    expect(chartKeyAction('Tab', false)).toBeUndefined();
  });
});
