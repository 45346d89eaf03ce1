import { assertClosedTrade, byCloseTime, type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { breakdowns, type Breakdowns } from './breakdowns.js';
import { dailyPnl, type DailyPnl } from './daily-pnl.js';
import { drawdowns, type DrawdownPeriod } from './drawdowns.js';
import { equityCurve, type EquityPoint } from './equity-curve.js';
import { histogram, type Histogram } from './histogram.js';
import { summarizeSorted, type AnalyticsSummary } from './summary.js';

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
  trades.forEach(assertClosedTrade);
  const sorted = [...trades].sort(byCloseTime);
  const equity = equityCurve(sorted, c.startingCapitalMinor);
  const drawdown = drawdowns(equity, c.startingCapitalMinor !== null);
  const daily = dailyPnl(sorted, c.timeZone);
  return {
    summary: summarizeSorted(sorted, c, equity, drawdown, daily),
    equity,
    drawdown,
    daily,
    breakdowns: breakdowns(sorted, c),
    histogram: histogram(sorted, c.histogramBinMinor),
  };
}
