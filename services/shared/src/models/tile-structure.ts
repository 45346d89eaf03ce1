import { intrinsicValue, type OptionType } from '../pricing/black-scholes.js';
import type { TileStrategy } from './heatmap.js';
import { piecewiseExtremes } from './risk-graph.js';

/** One leg of a tile's structure for one lot: `ratio` > 0 bought, < 0 sold. */
export interface StructureLeg {
  type: OptionType;
  strike: number;
  ratio: number;
}

/**
 * The far wing of a broken-wing butterfly of narrow width `width`: at least one strike, or half the
 * width rounded up to a strike, further out than the near wing (SPX 5 → 10, 10 → 15, 20 → 30).
 * Wide enough that the broken side visibly costs less, narrow enough to keep the tent.
 */
export function bwbWing(width: number, strikeStep: number): number {
  const half = Math.ceil(width / 2 / strikeStep - 1e-9) * strikeStep;
  return width + Math.max(strikeStep, half);
}

/**
 * The legs of one lot of `strategy` at `strike` and `width` (see TileStrategy for each shape),
 * long leg first for a debit vertical or single, else from the lowest strike up. `wing` is the broken-wing butterfly's far wing (required for
 * bwb-call / bwb-put, ignored otherwise).
 */
export function tileStructure(strategy: TileStrategy, strike: number, width: number, wing?: number): StructureLeg[] {
  const K = strike;
  const w = width;
  const leg = (type: OptionType, at: number, ratio: number): StructureLeg => ({ type, strike: at, ratio });
  const far = (): number => {
    if (wing === undefined || !(wing > w)) throw new RangeError(`${strategy} needs a far wing wider than ${w} (got ${wing})`);
    return wing;
  };
  switch (strategy) {
    case 'butterfly-call':
      return [leg('call', K - w, 1), leg('call', K, -2), leg('call', K + w, 1)];
    case 'butterfly-put':
      return [leg('put', K - w, 1), leg('put', K, -2), leg('put', K + w, 1)];
    case 'vertical-call':
      return [leg('call', K, 1), leg('call', K + w, -1)];
    case 'vertical-put':
      return [leg('put', K, 1), leg('put', K - w, -1)];
    case 'single-call':
      return [leg('call', K, 1)];
    case 'single-put':
      return [leg('put', K, 1)];
    case 'iron-fly':
      return [leg('put', K - w, 1), leg('put', K, -1), leg('call', K, -1), leg('call', K + w, 1)];
    case 'bwb-call':
      return [leg('call', K - w, 1), leg('call', K, -2), leg('call', K + far(), 1)];
    case 'bwb-put':
      return [leg('put', K - far(), 1), leg('put', K, -2), leg('put', K + w, 1)];
  }
}

/** P&L at expiry of one lot of `legs` entered for the signed net premium `debit` (negative: a credit). */
export function structurePayoff(legs: readonly StructureLeg[], debit: number, spot: number): number {
  let value = -debit;
  for (const l of legs) value += l.ratio * intrinsicValue(l.type, spot, l.strike);
  return value;
}

/**
 * Best and worst P&L at expiry of one lot. The payoff is piecewise linear with kinks at the strikes,
 * so its extremes lie at 0, at a strike, or at infinity: beyond the highest strike only the calls
 * move it, with slope Σ call ratios. `maxProfit` null: unbounded; `maxLoss` Infinity: unbounded
 * (none of the tile strategies has one, but a caller gets the truth). Both as positive numbers of
 * points; a negative maxProfit means no price makes money.
 */
export function payoffExtremes(legs: readonly StructureLeg[], debit: number): { maxProfit: number | null; maxLoss: number } {
  const slope = legs.reduce((sum, l) => sum + (l.type === 'call' ? l.ratio : 0), 0);
  const { max, min } = piecewiseExtremes(
    legs.map((l) => l.strike),
    (s) => structurePayoff(legs, debit, s),
    slope,
  );
  return { maxProfit: max, maxLoss: min === null ? Infinity : -min };
}
