import { expectedMove } from './expected-move.js';

/** The price range a risk graph plots, in index points, from < to. */
export interface PriceAxis {
  from: number;
  to: number;
}

export interface FitPriceAxisInput {
  spot: number;
  /** Annualised implied vol, e.g. 0.15. */
  vol: number;
  /** Years to the first expiry (see `yearsBetween`). */
  years: number;
  /** The position's expiry breakevens: always on the axis. */
  breakevens: readonly number[];
  /** Every leg's strike: always on the axis. */
  strikes: readonly number[];
  /** Half-width in expected moves, default 1.5. */
  moves?: number;
}

/** No axis reaches zero or below: prices are positive and the probabilities take their logarithm. */
const MIN_AXIS_PRICE = 0.01;
/** Share of the covered span added on each side, so the outermost strike or breakeven is not on the frame. */
const PADDING = 0.05;
/** Smallest half-width as a share of spot, for a position at (or seconds from) expiry. */
const MIN_HALF_WIDTH_OF_SPOT = 0.0025;
/** Smallest span as a share of the axis centre when zooming in. */
const MIN_SPAN_OF_CENTRE = 0.0005;

/**
 * The axis a position's risk graph opens on: spot ± `moves` expected moves, widened to every strike
 * and breakeven, then padded by 5 % of the span on each side.
 *
 * The expected move shrinks with √t, so minutes before expiry it says almost nothing; the half-width
 * never falls below half the strikes' span plus one strike gap (the whole structure and a strike
 * beyond it stay readable) nor below 0.25 % of spot. Non-finite strikes and breakevens are ignored.
 * A 10-wide SPX fly at 5,000 with 4 h left at 15 % IV opens on about 4,974–5,026, not ±350.
 */
export function fitPriceAxis(input: FitPriceAxisInput): PriceAxis {
  const { spot } = input;
  if (!(spot > 0) || !Number.isFinite(spot)) throw new RangeError(`fitPriceAxis needs a positive spot, got ${spot}`);
  const moves = input.moves ?? 1.5;
  if (!(moves > 0) || !Number.isFinite(moves)) throw new RangeError(`fitPriceAxis needs moves > 0, got ${moves}`);
  const strikes = sortedUnique(input.strikes);
  const breakevens = input.breakevens.filter((b) => Number.isFinite(b) && b > 0);
  const strikeSpan = strikes.length > 0 ? (strikes[strikes.length - 1] as number) - (strikes[0] as number) : 0;
  const half = Math.max(moves * expectedMove(spot, input.vol, input.years), strikeSpan / 2 + smallestGap(strikes), MIN_HALF_WIDTH_OF_SPOT * spot);
  const lo = Math.min(spot - half, ...strikes, ...breakevens);
  const hi = Math.max(spot + half, ...strikes, ...breakevens);
  const pad = PADDING * (hi - lo);
  return { from: Math.max(lo - pad, MIN_AXIS_PRICE), to: hi + pad };
}

/**
 * The axis scaled by `factor` about `anchor` (the price under the cursor, or the centre): factor < 1
 * zooms in, > 1 out, and the anchor keeps its place on screen. An anchor off the axis is taken at the
 * nearer end, so zooming never scrolls the view away. The span never falls below 0.05 % of the
 * axis centre (2.5 points on SPX: a tick of price is still a few pixels), and from stays positive.
 */
export function zoomAxis(axis: PriceAxis, factor: number, anchor: number): PriceAxis {
  assertAxis(axis);
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`zoomAxis needs a positive factor, got ${factor}`);
  const span = axis.to - axis.from;
  const at = Number.isFinite(anchor) ? Math.min(Math.max((anchor - axis.from) / span, 0), 1) : 0.5;
  const pivot = axis.from + at * span;
  const next = Math.max(span * factor, MIN_SPAN_OF_CENTRE * ((axis.from + axis.to) / 2));
  return keepPositive(pivot - at * next, next);
}

/** The axis shifted by `delta` points (positive moves the view to higher prices), its span unchanged and from kept positive. */
export function panAxis(axis: PriceAxis, delta: number): PriceAxis {
  assertAxis(axis);
  if (!Number.isFinite(delta)) throw new RangeError(`panAxis needs a finite delta, got ${delta}`);
  return keepPositive(axis.from + delta, axis.to - axis.from);
}

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** "Nice" steps: 1, 2, 2.5 and 5 times a power of ten, so slider values print with few decimals. */
const NICE_MANTISSAS = [1, 2, 2.5, 5] as const;
/** About this many steps per expected move: fine enough to place spot on a strike, coarse enough to drag. */
const STEPS_PER_MOVE = 30;
/** Slider half-range in expected moves. */
const SLIDER_MOVES = 3;
/** Floor of the expected move used for the slider, as a share of spot, when there is no time or vol left. */
const MIN_SLIDER_MOVE_OF_SPOT = 0.001;

/**
 * The what-if spot slider of the risk graph: about spot ± 3 expected moves, widened to cover every
 * strike, with a step that is the largest nice number (1, 2, 2.5, 5 × 10ⁿ) not above a thirtieth of
 * the expected move (SPX 0DTE: 0.25 with an hour left, 0.5 for the whole day; a week out, 2.5).
 * min and max are multiples of the step, so every slider value is too; min stays positive.
 * With no expected move (expired, no vol) it falls back to 0.1 % of spot.
 */
export function spotSliderRange(spot: number, expectedMovePts: number, strikes: readonly number[]): SliderRange {
  if (!(spot > 0) || !Number.isFinite(spot)) throw new RangeError(`spotSliderRange needs a positive spot, got ${spot}`);
  const move = Math.max(Number.isFinite(expectedMovePts) ? expectedMovePts : 0, MIN_SLIDER_MOVE_OF_SPOT * spot);
  const step = niceStepAtMost(move / STEPS_PER_MOVE);
  const valid = sortedUnique(strikes);
  const lo = Math.min(spot - SLIDER_MOVES * move, ...valid);
  const hi = Math.max(spot + SLIDER_MOVES * move, ...valid);
  const decimals = decimalsOf(step);
  const min = Math.max(roundTo(Math.floor(lo / step) * step, decimals), step);
  return { min, max: roundTo(Math.ceil(hi / step) * step, decimals), step };
}

/** The largest 1, 2, 2.5 or 5 × 10ⁿ that is ≤ x (x > 0). */
function niceStepAtMost(x: number): number {
  const power = Math.floor(Math.log10(x));
  for (let p = power + 1; p >= power - 1; p--) {
    for (let i = NICE_MANTISSAS.length - 1; i >= 0; i--) {
      const candidate = roundTo((NICE_MANTISSAS[i] as number) * 10 ** p, Math.max(0, 2 - p));
      if (candidate <= x * (1 + 1e-12)) return candidate;
    }
  }
  return 10 ** (power - 1);
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 12; d++) if (Math.abs(roundTo(step, d) - step) < 1e-12) return d;
  return 12;
}

function roundTo(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

function sortedUnique(values: readonly number[]): number[] {
  return [...new Set(values.filter((v) => Number.isFinite(v) && v > 0))].sort((a, b) => a - b);
}

/** The smallest distance between neighbouring distinct strikes (the strike gap), 0 with fewer than two. */
function smallestGap(sorted: readonly number[]): number {
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, (sorted[i] as number) - (sorted[i - 1] as number));
  return Number.isFinite(gap) ? gap : 0;
}

function keepPositive(from: number, span: number): PriceAxis {
  const start = Math.max(from, MIN_AXIS_PRICE);
  return { from: start, to: start + span };
}

function assertAxis(axis: PriceAxis): void {
  if (!Number.isFinite(axis.from) || !Number.isFinite(axis.to) || !(axis.to > axis.from)) {
    throw new RangeError(`a price axis needs finite from < to, got ${axis.from}..${axis.to}`);
  }
}
