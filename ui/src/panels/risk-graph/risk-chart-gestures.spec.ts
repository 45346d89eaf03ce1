import { describe, expect, it } from 'vitest';
import { chartKeyAction, dragDelta, panBy, pickedPrice, priceAtPixel, wheelFactor, zoomAround, ZOOM_STEP } from './risk-chart-gestures';

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

describe('zoomAround', () => {
  it('keeps the anchor price at the same place on screen', () => {
    const zoomed = zoomAround(axis, 0.5, 4950);
    // 4950 was a quarter of the way across; it still is.
    expect(zoomed).toEqual({ from: 4925, to: 5025 });
    expect((4950 - zoomed.from) / (zoomed.to - zoomed.from)).toBe(0.25);
  });

  it('zooms out symmetrically about the middle', () => {
    expect(zoomAround(axis, 2, 5000)).toEqual({ from: 4800, to: 5200 });
  });

  it('stops at a hair of the price and never goes below zero', () => {
    const tight = zoomAround(axis, 1e-9, 5000);
    expect(tight.to - tight.from).toBeCloseTo(0.5, 6);
    const wide = zoomAround({ from: 10, to: 110 }, 10, 60);
    expect(wide.from).toBeGreaterThan(0);
    expect(wide.to - wide.from).toBeCloseTo(1000, 6);
  });
});

describe('panning', () => {
  it('moves the window against the drag: dragging right shows lower prices', () => {
    // 200 points on 400 px: 100 px is 50 points.
    expect(dragDelta(axis, 100, 400)).toBe(-50);
    expect(panBy(axis, dragDelta(axis, 100, 400))).toEqual({ from: 4850, to: 5050 });
  });

  it('keeps the window above zero', () => {
    const moved = panBy({ from: 10, to: 110 }, -50);
    expect(moved.from).toBeGreaterThan(0);
    expect(moved.to - moved.from).toBeCloseTo(100, 9);
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
