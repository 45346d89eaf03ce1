import { assertClosedTrade, byCloseTime, isInCloseOrder, type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { breakdownsOfChecked, type Breakdowns } from './breakdowns.js';
import { dailyPnl, type DailyPnl } from './daily-pnl.js';
import { drawdowns, type DrawdownPeriod } from './drawdowns.js';
import { equityCurveOfSorted, type EquityPoint } from './equity-curve.js';
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
  for (const t of trades) assertClosedTrade(t);
  // Trades read from the database in close order need no sort (nor a copy: nothing below mutates them).
  const sorted = isInCloseOrder(trades) ? trades : [...trades].sort(byCloseTime);
  const equity = equityCurveOfSorted(sorted, c.startingCapitalMinor);
  const drawdown = drawdowns(equity, c.startingCapitalMinor !== null);
  const daily = dailyPnl(sorted, c.timeZone);
  return {
    summary: summarizeSorted(sorted, c, equity, drawdown, daily),
    equity,
    drawdown,
    daily,
    breakdowns: breakdownsOfChecked(sorted, c),
    histogram: histogram(sorted, c.histogramBinMinor),
  };
}
