import { type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { breakdownsOfColumns, type Breakdowns } from './breakdowns.js';
import { dailyPnlOfColumns, type DailyPnl } from './daily-pnl.js';
import { drawdowns, type DrawdownPeriod } from './drawdowns.js';
import { equityCurveOfColumns, type EquityPoint } from './equity-curve.js';
import { histogramOfNets, type Histogram } from './histogram.js';
import { summarizeColumns, type AnalyticsSummary } from './summary.js';
import { tradeColumns } from './trade-columns.js';

/** Everything `GET /api/analytics` returns, computed from one list of closed trades. */
export interface Analytics {
  summary: AnalyticsSummary;
  equity: EquityPoint[];
  drawdown: DrawdownPeriod[];
  daily: DailyPnl[];
  breakdowns: Breakdowns;
  histogram: Histogram;
}

export function analyze(trades: readonly ClosedTrade[], conventions: Partial<AnalyticsConventions> = {}): Analytics {
  const c = resolveConventions(conventions);
  // Checked and ordered by close once, their numbers read into arrays once, for every figure below.
  const columns = tradeColumns(trades, true);
  const equity = equityCurveOfColumns(columns, c.startingCapitalMinor);
  const drawdown = drawdowns(equity, c.startingCapitalMinor !== null);
  const daily = dailyPnlOfColumns(columns.closedAt, columns.net, c.timeZone);
  return {
    summary: summarizeColumns(columns, c, equity, drawdown, daily),
    equity,
    drawdown,
    daily,
    breakdowns: breakdownsOfColumns(columns, c),
    histogram: histogramOfNets(columns.net, c.histogramBinMinor),
  };
}
