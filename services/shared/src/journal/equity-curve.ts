import { byCloseTime, type ClosedTrade } from './closed-trade.js';

export interface EquityPoint {
  /** 0 is the origin before the first trade; n is the equity after the n-th closed trade. */
  index: number;
  /** Close time of the trade (for the origin: the earliest entry). */
  at: number;
  tradeId: string | null;
  netMinor: number;
  /** Net P&L summed up to and including this trade. */
  cumulativeMinor: number;
  /** startingCapital (or 0) + cumulative. */
  equityMinor: number;
  /** Highest equity so far, origin included. */
  peakMinor: number;
  /** peak − equity, ≥ 0. */
  drawdownMinor: number;
}

/**
 * Equity by close time: P&L is realised when a trade closes, so that is where it enters the
 * curve. The origin sits at the earliest entry so a first losing trade is a drawdown from the
 * starting equity.
 */
export function equityCurve(trades: readonly ClosedTrade[], startingCapitalMinor: number | null = null): EquityPoint[] {
  return equityCurveOfSorted([...trades].sort(byCloseTime), startingCapitalMinor);
}

/** equityCurve() of trades already in byCloseTime order (analyze sorts once for every figure). */
export function equityCurveOfSorted(sorted: readonly ClosedTrade[], startingCapitalMinor: number | null = null): EquityPoint[] {
  const start = startingCapitalMinor ?? 0;
  let origin = sorted[0]?.openedAt ?? 0;
  for (const t of sorted) origin = Math.min(origin, t.openedAt);
  // Sized once: growing a 100k-element array by push copies it over and over.
  const points = new Array<EquityPoint>(sorted.length + 1);
  points[0] = { index: 0, at: origin, tradeId: null, netMinor: 0, cumulativeMinor: 0, equityMinor: start, peakMinor: start, drawdownMinor: 0 };
  let cumulative = 0;
  let peak = start;
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i] as ClosedTrade;
    cumulative += t.netMinor;
    const equity = start + cumulative;
    peak = Math.max(peak, equity);
    points[i + 1] = { index: i + 1, at: t.closedAt, tradeId: t.id, netMinor: t.netMinor, cumulativeMinor: cumulative, equityMinor: equity, peakMinor: peak, drawdownMinor: peak - equity };
  }
  return points;
}
