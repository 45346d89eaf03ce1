/** The crosshair readout's math: values between samples, the rows it shows, and where its box goes. */

/**
 * The value of a sampled curve at `price`, linear between the two neighbouring samples (the expiry
 * curve is exact this way: its kinks, the strikes, are samples). Undefined outside the samples or
 * where a neighbour is missing.
 */
export function valueAt(spots: readonly number[], values: readonly number[], price: number): number | undefined {
  const n = spots.length;
  if (n === 0 || !Number.isFinite(price)) return undefined;
  const first = spots[0] ?? NaN;
  const last = spots[n - 1] ?? NaN;
  if (price < first || price > last) return undefined;
  // Binary search for the last sample at or below the price.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((spots[mid] ?? NaN) <= price) lo = mid;
    else hi = mid;
  }
  const s0 = spots[lo] ?? NaN;
  const s1 = spots[hi] ?? NaN;
  const v0 = values[lo];
  const v1 = values[hi];
  if (price === s0) return finite(v0);
  if (price === s1) return finite(v1);
  if (v0 === undefined || v1 === undefined || !Number.isFinite(v0) || !Number.isFinite(v1)) return undefined;
  return v0 + ((price - s0) / (s1 - s0)) * (v1 - v0);
}

const finite = (v: number | undefined): number | undefined => (v !== undefined && Number.isFinite(v) ? v : undefined);

export interface ReadoutCurve {
  id: string;
  label: string;
  kind: 'today' | 'date' | 'expiry';
  values: readonly number[];
}

export interface ReadoutRow {
  id: string;
  label: string;
  kind: ReadoutCurve['kind'];
  value: number | undefined;
}

/** The order a trader reads a T+n stack in: expiry first (the payoff), then the dates, then today. */
const KIND_ORDER: Readonly<Record<ReadoutCurve['kind'], number>> = { expiry: 0, date: 1, today: 2 };

/** The curves in reading order (legend and readout): expiry first, today last, dates in the order given. */
export function orderCurves<C extends Pick<ReadoutCurve, 'kind'>>(curves: readonly C[]): C[] {
  return curves
    .map((c, i) => ({ c, i }))
    .sort((a, b) => KIND_ORDER[a.c.kind] - KIND_ORDER[b.c.kind] || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * Each date curve's style number, 0…styles−1 in the order the dates are given, so the path, the
 * legend key and the readout swatch of a date agree.
 */
export function dateStyles(curves: readonly Pick<ReadoutCurve, 'id' | 'kind'>[], styles: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of curves) if (c.kind === 'date') out.set(c.id, out.size % styles);
  return out;
}

/** One row per curve with its P&L at `price`, in reading order (see orderCurves). */
export function readoutRows(spots: readonly number[], curves: readonly ReadoutCurve[], price: number): ReadoutRow[] {
  return orderCurves(curves).map((c) => ({ id: c.id, label: c.label, kind: c.kind, value: valueAt(spots, c.values, price) }));
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Gap between the crosshair and its readout, in pixels. */
export const READOUT_GAP = 10;

/**
 * Where the readout box goes for a crosshair at pixel `x` (and the pointer at `y`, when there is
 * one): beside the line on the right, flipped to the left when it would cross the frame's right
 * edge, vertically near the pointer; always inside `frame` (a box larger than the frame is pinned
 * to its top-left corner).
 */
export function placeReadout(x: number, y: number | undefined, size: { width: number; height: number }, frame: Box): { left: number; top: number } {
  const right = frame.left + frame.width;
  const bottom = frame.top + frame.height;
  let left = x + READOUT_GAP;
  if (left + size.width > right) left = x - READOUT_GAP - size.width;
  left = Math.max(frame.left, Math.min(left, right - size.width));
  let top = y === undefined ? frame.top : y - size.height / 2;
  top = Math.max(frame.top, Math.min(top, bottom - size.height));
  return { left, top };
}

/** Readout box size in pixels for `rows` P&L rows plus the price row. Fixed by CSS (risk-chart.css: .rg-readout). */
export const READOUT_WIDTH = 184;
export const READOUT_ROW = 16;
export const READOUT_PAD = 6;
export const readoutSize = (rows: number): { width: number; height: number } => ({ width: READOUT_WIDTH, height: (rows + 1) * READOUT_ROW + 2 * READOUT_PAD });
