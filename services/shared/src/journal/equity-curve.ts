import { type ClosedTrade } from './closed-trade.js';
import { tradeColumns, type TradeColumns } from './trade-columns.js';

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
  return equityCurveOfColumns(tradeColumns(trades), startingCapitalMinor);
}

/** equityCurve() of trades already ordered and read into columns (analyze does that once for every figure). */
export function equityCurveOfColumns(columns: TradeColumns, startingCapitalMinor: number | null = null): EquityPoint[] {
  const { trades, openedAt, closedAt, net } = columns;
  const n = trades.length;
  const start = startingCapitalMinor ?? 0;
  let origin = n > 0 ? (openedAt[0] as number) : 0;
  for (let i = 0; i < n; i++) origin = Math.min(origin, openedAt[i] as number);
  // Sized once: growing a 100k-element array by push copies it over and over.
  const points = new Array<EquityPoint>(n + 1);
  points[0] = { index: 0, at: origin, tradeId: null, netMinor: 0, cumulativeMinor: 0, equityMinor: start, peakMinor: start, drawdownMinor: 0 };
  let cumulative = 0;
  let peak = start;
  for (let i = 0; i < n; i++) {
    const netMinor = net[i] as number;
    cumulative += netMinor;
    const equity = start + cumulative;
    peak = Math.max(peak, equity);
    points[i + 1] = { index: i + 1, at: closedAt[i] as number, tradeId: (trades[i] as ClosedTrade).id, netMinor, cumulativeMinor: cumulative, equityMinor: equity, peakMinor: peak, drawdownMinor: peak - equity };
  }
  return points;
}
