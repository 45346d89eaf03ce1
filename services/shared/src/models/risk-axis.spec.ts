import { describe, expect, it } from 'vitest';
import { expectedMove } from './expected-move.js';
import { fitPriceAxis, panAxis, spotSliderRange, zoomAxis } from './risk-axis.js';

const FOUR_HOURS = 4 / 8760;
const fly = { strikes: [4990, 5000, 5000, 5010], breakevens: [4993.2, 5006.8] };

describe(fitPriceAxis.name, () => {
  it('fits a 10-wide SPX 0DTE fly with 4 h left at 15 % IV into a few tens of points around spot', () => {
    // EM = 16.0265; half-width 1.5 EM = 24.040 beats the floor (span/2 + gap = 10 + 10 = 20, 0.25 % = 12.5);
    // 4975.960..5024.040 padded by 5 % of 48.080 = 2.404 each side.
    const axis = fitPriceAxis({ spot: 5000, vol: 0.15, years: FOUR_HOURS, ...fly });
    expect(axis.from).toBeCloseTo(4973.555, 2);
    expect(axis.to).toBeCloseTo(5026.445, 2);
    expect(axis.to - axis.from).toBeLessThan(60);
    for (const level of [...fly.strikes, ...fly.breakevens]) {
      expect(level).toBeGreaterThan(axis.from);
      expect(level).toBeLessThan(axis.to);
    }
  });

  it('opens a week-out position on ±1.5 expected moves (about ±156 points)', () => {
    const axis = fitPriceAxis({ spot: 5000, vol: 0.15, years: 7 / 365, ...fly });
    const half = 1.5 * expectedMove(5000, 0.15, 7 / 365);
    expect(axis.from).toBeCloseTo(5000 - half * 1.1, 6);
    expect(axis.to).toBeCloseTo(5000 + half * 1.1, 6);
  });

  it('takes a moves count other than 1.5', () => {
    const axis = fitPriceAxis({ spot: 5000, vol: 0.15, years: 7 / 365, moves: 1, ...fly });
    expect(axis.to - 5000).toBeCloseTo(1.1 * expectedMove(5000, 0.15, 7 / 365), 6);
  });

  it('still shows the whole fly and a strike beyond it at expiry, when the expected move is 0', () => {
    // half = span/2 + gap = 20 → 4980..5020, padded by 2 each side.
    expect(fitPriceAxis({ spot: 5000, vol: 0.15, years: 0, ...fly })).toEqual({ from: 4978, to: 5022 });
  });

  it('never shows less than ±0.25 % of spot, even for a lone strike at expiry', () => {
    // half = 12.5 → 4987.5..5012.5, padded by 1.25.
    expect(fitPriceAxis({ spot: 5000, vol: 0.15, years: 0, strikes: [5000], breakevens: [5003] })).toEqual({ from: 4986.25, to: 5013.75 });
  });

  it('widens to a breakeven or strike far from spot', () => {
    const axis = fitPriceAxis({ spot: 5000, vol: 0.15, years: FOUR_HOURS, strikes: [5100, 5110], breakevens: [4900, 5108] });
    expect(axis.from).toBeLessThan(4900);
    expect(axis.to).toBeGreaterThan(5110);
  });

  it('keeps from positive however wide the vol makes it, and ignores non-finite levels', () => {
    const axis = fitPriceAxis({ spot: 100, vol: 5, years: 1, strikes: [100, Number.NaN], breakevens: [Number.POSITIVE_INFINITY] });
    expect(axis.from).toBeGreaterThan(0);
    expect(Number.isFinite(axis.to)).toBe(true);
  });

  it('refuses a spot that is not a price', () => {
    expect(() => fitPriceAxis({ spot: 0, vol: 0.15, years: 1, strikes: [], breakevens: [] })).toThrow(RangeError);
  });
});

describe(zoomAxis.name, () => {
  const axis = { from: 4950, to: 5050 };

  it('halves the span about the centre with factor 0.5, and doubles it with 2', () => {
    expect(zoomAxis(axis, 0.5, 5000)).toEqual({ from: 4975, to: 5025 });
    expect(zoomAxis(axis, 2, 5000)).toEqual({ from: 4900, to: 5100 });
  });

  it('keeps the anchor at the same place on screen', () => {
    // 4960 sits at 10 % of the span; after halving it still does: 4960 − 0.1 × 50.
    const zoomed = zoomAxis(axis, 0.5, 4960);
    expect(zoomed.from).toBeCloseTo(4955, 9);
    expect(zoomed.to).toBeCloseTo(5005, 9);
    expect(zoomAxis(zoomed, 2, 4960).from).toBeCloseTo(4950, 9);
  });

  it('takes an anchor off the axis at the nearer end instead of scrolling away', () => {
    expect(zoomAxis(axis, 0.5, 6000)).toEqual({ from: 5000, to: 5050 });
  });

  it('stops zooming in at 0.05 % of the centre (2.5 points on SPX 5,000)', () => {
    const tight = zoomAxis(axis, 1e-6, 5000);
    expect(tight.to - tight.from).toBeCloseTo(2.5, 9);
    expect((tight.from + tight.to) / 2).toBeCloseTo(5000, 9);
  });

  it('keeps from positive when zooming out near zero', () => {
    const out = zoomAxis({ from: 1, to: 101 }, 10, 101);
    expect(out.from).toBe(0.01);
    expect(out.to - out.from).toBeCloseTo(1000, 9);
  });

  it('refuses a factor that is not positive', () => {
    expect(() => zoomAxis(axis, 0, 5000)).toThrow(RangeError);
    expect(() => zoomAxis({ from: 10, to: 10 }, 0.5, 10)).toThrow(RangeError);
  });
});

describe(panAxis.name, () => {
  it('shifts both ends by delta', () => {
    expect(panAxis({ from: 4950, to: 5050 }, 12.5)).toEqual({ from: 4962.5, to: 5062.5 });
    expect(panAxis({ from: 4950, to: 5050 }, -50)).toEqual({ from: 4900, to: 5000 });
  });

  it('stops at a positive from with the span unchanged', () => {
    const panned = panAxis({ from: 40, to: 140 }, -100);
    expect(panned.from).toBe(0.01);
    expect(panned.to - panned.from).toBeCloseTo(100, 9);
  });
});

describe(spotSliderRange.name, () => {
  const isMultiple = (x: number, step: number): boolean => Math.abs(x / step - Math.round(x / step)) < 1e-9;

  it('spans about ±3 expected moves in half-point steps for an SPX 0DTE with 4 h left', () => {
    // EM 16.0265: step = largest nice ≤ 16.0265 / 30 = 0.534 → 0.5; 5000 ∓ 48.08 → 4951.5..5048.5.
    expect(spotSliderRange(5000, expectedMove(5000, 0.15, FOUR_HOURS), fly.strikes)).toEqual({ min: 4951.5, max: 5048.5, step: 0.5 });
  });

  it('uses quarter-point steps with an hour left and 2.5-point steps a week out', () => {
    // EM(1 h) = 750 × √(1/8760) = 8.013 → 0.267 → 0.25; EM(7 d) = 103.86 → 3.46 → 2.5.
    const lastHour = spotSliderRange(5000, expectedMove(5000, 0.15, 1 / 8760), fly.strikes);
    expect(lastHour.step).toBe(0.25);
    expect(lastHour.min).toBe(4975.75);
    expect(spotSliderRange(5000, expectedMove(5000, 0.15, 7 / 365), fly.strikes).step).toBe(2.5);
  });

  it('reaches every strike, on a multiple of the step', () => {
    const range = spotSliderRange(5000, 16, [4800, 5205]);
    expect(range.min).toBeLessThanOrEqual(4800);
    expect(range.max).toBeGreaterThanOrEqual(5205);
    expect(isMultiple(range.min, range.step) && isMultiple(range.max, range.step)).toBe(true);
  });

  it('falls back to 0.1 % of spot when there is no expected move: ±15 points in 0.1 steps', () => {
    expect(spotSliderRange(5000, 0, [])).toEqual({ min: 4985, max: 5015, step: 0.1 });
  });

  it('keeps small underlyings on round cents: SPY 500 with a 1.6-point move steps by 0.05', () => {
    const range = spotSliderRange(500, 1.6, [500]);
    expect(range.step).toBe(0.05);
    expect(range.min).toBe(495.2);
    expect(range.max).toBe(504.8);
  });
});
