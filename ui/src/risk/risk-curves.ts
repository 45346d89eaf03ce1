import { payoffAtExpiry, positionValue, spotGrid, type PositionLeg, type RiskMarket } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';

/** The price range drawn (structurally the shared library's PriceAxis). */
export interface SpotAxis {
  from: number;
  to: number;
}

/** One P&L curve of the graph, sampled at the graph's spots (the risk chart's RiskCurve). */
export interface RiskCurve {
  id: string;
  label: string;
  kind: 'today' | 'date' | 'expiry';
  values: number[];
}

/** Samples across the axis; the strikes inside it are added on top, so the expiry curve's kinks are exact. */
export const CURVE_POINTS = 200;

/**
 * `points` evenly spaced spots across the axis plus the `extra` spots (strikes) inside it, ascending
 * and unique, all > 0 (Black–Scholes needs a positive spot).
 */
export function axisSpots(axis: SpotAxis, extra: readonly number[] = [], points = CURVE_POINTS): number[] {
  const from = Math.max(axis.from, axis.to * 1e-3);
  if (!(axis.to > from)) return [];
  const grid = spotGrid(from, axis.to, (axis.to - from) / Math.max(1, points - 1));
  const inside = extra.filter((x) => x > from && x < axis.to);
  const all = [...grid, ...inside].sort((a, b) => a - b);
  return all.filter((x, i) => i === 0 || x - (all[i - 1] ?? -Infinity) > 1e-9);
}

export interface CurvesInput {
  legs: readonly PositionLeg[];
  spots: readonly number[];
  /** The market of "today's" curve: the valuation time and IV the sliders set. */
  today: RiskMarket;
  /** The chosen T+n instants (already limited to before the first expiry), each with its label. */
  dates: readonly { at: number; label: string }[];
  /** The first expiry of the legs, epoch ms. */
  expiry: number | undefined;
  multiplier?: number;
}

/**
 * The T+n stack: today (at the sliders' days and IV), each chosen date (at the sliders' IV), and
 * the first expiry. Legs that all expire together take their exact payoff at expiry; a calendar's
 * far legs are still alive then, so the expiry curve marks them to Black–Scholes at that instant.
 */
export function buildCurves(input: CurvesInput): RiskCurve[] {
  const m = input.multiplier ?? CONTRACT_MULTIPLIER;
  const { legs, spots, today } = input;
  const at = (now: number): number[] => spots.map((s) => positionValue(legs, s, { ...today, now }, m));
  const curves: RiskCurve[] = [{ id: 'today', label: 'today', kind: 'today', values: at(today.now) }];
  for (const d of input.dates) curves.push({ id: `date:${d.at}`, label: d.label, kind: 'date', values: at(d.at) });
  const expiry = input.expiry;
  const oneExpiry = expiry === undefined || legs.every((l) => l.expiry === expiry);
  curves.push({ id: 'expiry', label: 'at expiry', kind: 'expiry', values: oneExpiry ? spots.map((s) => payoffAtExpiry(legs, s, m)) : at(expiry) });
  return curves;
}
