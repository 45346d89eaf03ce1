import { payoffAtExpiry, piecewiseExtremes, positionValue, riskGraph, spotGrid, zeroCrossings, type PositionLeg, type RiskGraph, type RiskMarket } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER, DIVIDEND_YIELD, MS_PER_DAY, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import { strikesOf, type RiskPosition, type RiskPositionKind } from '../../risk/risk-position';

/** IV when no position's tile carries one. */
export const DEFAULT_VOL = 0.2;
export const VOL_MIN = 0.05;
export const VOL_MAX = 1;
/** Samples across the spot range (strikes are added on top, so the expiry line's kinks are exact). */
export const POINTS = 200;
/** The graph shows at least spot ± this fraction. */
export const GRAPH_SPOT_FRACTION = 0.04;

/** The positions of one symbol that can be priced (at least one option leg). */
export function positionsFor(positions: readonly RiskPosition[], symbol: string): RiskPosition[] {
  return positions.filter((p) => p.symbol === symbol && p.legs.length > 0);
}

/** Every leg of the positions. */
export function scenarioLegs(positions: readonly RiskPosition[]): PositionLeg[] {
  return positions.flatMap((p) => p.legs);
}

/** The earliest expiry among the positions' legs (epoch ms), or undefined when there are none. */
export function firstExpiry(positions: readonly RiskPosition[]): number | undefined {
  let first: number | undefined;
  for (const p of positions) for (const l of p.legs) if (Number.isFinite(l.expiry) && (first === undefined || l.expiry < first)) first = l.expiry;
  return first;
}

export const clampVol = (vol: number): number => Math.min(VOL_MAX, Math.max(VOL_MIN, vol));

/** The IV slider's default: the mean of the positions' quoted IVs (what-if tiles), else 20%. */
export function defaultVol(positions: readonly RiskPosition[]): number {
  const ivs = positions.map((p) => p.iv).filter((iv): iv is number => iv !== undefined && Number.isFinite(iv) && iv > 0);
  return ivs.length === 0 ? DEFAULT_VOL : clampVol(ivs.reduce((a, b) => a + b, 0) / ivs.length);
}

/** Days (fractional) from `now` to the first expiry, ≥ 0. */
export function daysToFirstExpiry(positions: readonly RiskPosition[], now: number): number {
  const expiry = firstExpiry(positions);
  return expiry === undefined ? 0 : Math.max(0, (expiry - now) / MS_PER_DAY);
}

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/**
 * The days-forward slider: 0.01-day steps (≈ 15 min) within two days, quarter days within a month,
 * else whole days (decimal steps, so the browser's step arithmetic is exact).
 * `max` is rounded up to a whole step so the end of the slider reaches expiry (valuation is clamped to it).
 */
export function daysSlider(maxDays: number): SliderRange {
  const step = maxDays <= 2 ? 0.01 : maxDays <= 30 ? 0.25 : 1;
  const steps = Math.ceil(maxDays / step - 1e-9);
  return { min: 0, max: round(Math.max(0, steps) * step, 2), step };
}

/** Valuation instant for "today's" line: `daysForward` days after `now`, never past the first expiry. */
export function valuationTime(now: number, daysForward: number, expiry: number | undefined): number {
  const t = now + Math.max(0, daysForward) * MS_PER_DAY;
  return expiry === undefined ? t : Math.min(t, Math.max(now, expiry));
}

export interface SpotRange {
  from: number;
  to: number;
}

/**
 * The spot range drawn: covers every spot of interest ± 4% and every position's strikes ± 2 widths
 * (the narrowest gap between its strikes; a single strike gets 2% of it).
 */
export function spotRange(positions: readonly RiskPosition[], spots: readonly number[]): SpotRange {
  let from = Infinity;
  let to = -Infinity;
  for (const s of spots) {
    if (!(Number.isFinite(s) && s > 0)) continue;
    from = Math.min(from, s * (1 - GRAPH_SPOT_FRACTION));
    to = Math.max(to, s * (1 + GRAPH_SPOT_FRACTION));
  }
  for (const p of positions) {
    const strikes = strikesOf(p);
    const lo = strikes[0];
    const hi = strikes[strikes.length - 1];
    if (lo === undefined || hi === undefined) continue;
    const pad = 2 * (strikes.length > 1 ? narrowestGap(strikes) : lo * 0.01);
    from = Math.min(from, lo - pad);
    to = Math.max(to, hi + pad);
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { from: 1, to: 2 };
  from = Math.max(from, to * 1e-3); // Black–Scholes needs spot > 0
  return to > from ? { from, to } : { from: from * 0.99, to: from * 1.01 };
}

/** `points` evenly spaced spots across the range, plus `extra` spots (strikes) inside it, ascending and unique. */
export function sampleSpots(range: SpotRange, points = POINTS, extra: readonly number[] = []): number[] {
  const grid = spotGrid(range.from, range.to, (range.to - range.from) / Math.max(1, points - 1));
  const inside = extra.filter((x) => x > range.from && x < range.to);
  const all = [...grid, ...inside].sort((a, b) => a - b);
  return all.filter((x, i) => i === 0 || x - (all[i - 1] ?? -Infinity) > 1e-9);
}

/** Theoretical extremes of the expiry P&L over spot ∈ [0, ∞); null when unbounded in that direction. */
export function payoffExtremes(legs: readonly PositionLeg[], multiplier = CONTRACT_MULTIPLIER): { maxProfit: number | null; maxLoss: number | null } {
  const slope = legs.reduce((a, l) => a + (l.type === 'call' ? l.quantity : 0), 0);
  const { max, min } = piecewiseExtremes(
    legs.map((l) => l.strike),
    (s) => payoffAtExpiry(legs, s, multiplier),
    slope,
  );
  return { maxProfit: max, maxLoss: min };
}

/** The smallest distance between neighbouring strikes (ascending, at least two). */
function narrowestGap(strikes: readonly number[]): number {
  let gap = Infinity;
  for (let i = 1; i < strikes.length; i++) gap = Math.min(gap, (strikes[i] ?? 0) - (strikes[i - 1] ?? 0));
  return gap;
}

export interface ScenarioInput {
  /** The symbol's drawn positions (see positionsFor). */
  positions: readonly RiskPosition[];
  /** Live spot, when known. */
  liveSpot: number | undefined;
  /** Spot the what-if readouts are taken at. */
  whatIfSpot: number;
  daysForward: number;
  /** Flat implied vol for today's line, e.g. 0.2. */
  vol: number;
  /** Current time, epoch ms. */
  now: number;
  points?: number;
}

export interface Scenario {
  legs: PositionLeg[];
  graph: RiskGraph;
  range: SpotRange;
  market: RiskMarket;
  /** First expiry of the positions, epoch ms. */
  expiry: number | undefined;
  /** Spots where the expiry P&L is zero, ascending (exact: the strikes are sampled). */
  breakevens: number[];
  /** Expiry P&L extremes in dollars; null = unbounded. maxLoss is signed (negative for a loss). */
  maxProfit: number | null;
  maxLoss: number | null;
  /** P&L in dollars at the what-if spot, marked at the valuation time. */
  pnlToday: number;
  /** P&L in dollars at the what-if spot at expiry. */
  pnlExpiry: number;
  /** With more than one position: each one's expiry P&L at the graph's spots, so the chart can tell them apart. */
  lines: PositionLine[];
}

export interface PositionLine {
  id: string;
  kind: RiskPositionKind;
  name: string;
  /** Expiry P&L in dollars at each of `graph.points`' spots. */
  expiry: number[];
}

/** Everything the risk graph draws for the positions and the sliders; undefined without positions. */
export function buildScenario(input: ScenarioInput): Scenario | undefined {
  const legs = scenarioLegs(input.positions);
  if (legs.length === 0) return undefined;
  const expiry = firstExpiry(input.positions);
  // The producer's market: the tiles' debits and IVs were quoted with it.
  const market: RiskMarket = { now: valuationTime(input.now, input.daysForward, expiry), rate: RISK_FREE_RATE, dividendYield: DIVIDEND_YIELD, vol: clampVol(input.vol) };
  const spots = [input.whatIfSpot, ...(input.liveSpot === undefined ? [] : [input.liveSpot])];
  const range = spotRange(input.positions, spots);
  const at = Math.max(input.whatIfSpot, 1e-6);
  // A calendar's far legs still have time value when the near one expires: its "expiry" is the
  // position marked at that instant, a smooth curve that needs dense samples to find its zeros.
  const calendar = expiry !== undefined && legs.some((l) => l.expiry !== expiry);
  const points = calendar ? Math.max(input.points ?? POINTS, POINTS) : (input.points ?? POINTS);
  const graph = riskGraph(legs, { spots: sampleSpots(range, points, legs.map((l) => l.strike)), market, multiplier: CONTRACT_MULTIPLIER });
  const lines =
    input.positions.length > 1
      ? input.positions.map((p) => ({ id: p.id, kind: p.kind, name: p.name, expiry: graph.points.map((pt) => payoffAtExpiry(p.legs, pt.spot, CONTRACT_MULTIPLIER)) }))
      : [];
  const pnlToday = positionValue(legs, at, market, CONTRACT_MULTIPLIER);
  if (calendar) {
    const atExpiry: RiskMarket = { ...market, now: expiry };
    const xs = graph.points.map((pt) => pt.spot);
    const values = xs.map((x) => positionValue(legs, x, atExpiry, CONTRACT_MULTIPLIER));
    // Extremes over the sampled range: beyond it the far legs' time value fades towards the debit paid.
    const extremes = { maxProfit: Math.max(...values), maxLoss: Math.min(...values) };
    return { legs, graph, range, market, expiry, breakevens: zeroCrossings(xs, values), ...extremes, pnlToday, pnlExpiry: positionValue(legs, at, atExpiry, CONTRACT_MULTIPLIER), lines };
  }
  return { legs, graph, range, market, expiry, breakevens: graph.breakevens, ...payoffExtremes(legs), pnlToday, pnlExpiry: payoffAtExpiry(legs, at, CONTRACT_MULTIPLIER), lines };
}

/** A centre for the graph before any live spot arrives: the mean of the positions' middle strikes. */
export function fallbackSpot(positions: readonly RiskPosition[]): number | undefined {
  const centres = positions.map(strikesOf).filter((s) => s.length > 0).map((s) => ((s[0] ?? 0) + (s[s.length - 1] ?? 0)) / 2);
  if (centres.length === 0) return undefined;
  return centres.reduce((a, c) => a + c, 0) / centres.length;
}

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f + 0;
}

export const roundCents = (x: number): number => round(x, 2);

const dollars = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/** Signed dollars: `+$123.45`, `−$50.00` (a true minus sign), `$0.00`. */
export function formatMoney(x: number): string {
  const cents = roundCents(x);
  if (cents === 0) return '$0.00';
  return `${cents > 0 ? '+' : '−'}$${dollars.format(Math.abs(cents))}`;
}

/** The root's `data-breakevens`: each rounded to 2 decimals, joined by ",". */
export function breakevensAttr(breakevens: readonly number[]): string {
  return breakevens.map((b) => roundCents(b).toFixed(2)).join(',');
}
