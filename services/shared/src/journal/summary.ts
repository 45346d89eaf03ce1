import { type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { dailyPnlOfColumns, sharpe, sortino, type DailyPnl } from './daily-pnl.js';
import { drawdowns, summarizeDrawdowns, type DrawdownPeriod } from './drawdowns.js';
import { equityCurveOfColumns, type EquityPoint } from './equity-curve.js';
import { kRatio } from './k-ratio.js';
import { averageMinor } from './money.js';
import { outcomeOf, type Outcome, type OutcomeTotals } from './outcome.js';
import { mean, ratioOrNull, sampleSd } from './statistics.js';
import { streaks } from './streaks.js';
import { tradeColumns } from './trade-columns.js';

/**
 * The analytics summary. Money fields are integer micro-dollars; `*Rate` fields are fractions
 * (0.5 = 50 %); `*Pct` fields are percentages (5 = 5 %). A figure that cannot be computed (no
 * trades, no losers, no risk) is null, never NaN or Infinity. docs/API.md "Journal analytics"
 * states every formula.
 */
export interface AnalyticsSummary extends OutcomeTotals {
  /** Σ net of winning trades. */
  grossWins: number;
  /** Σ net of losing trades, ≤ 0. */
  grossLosses: number;
  avgWin: number | null;
  /** ≤ 0. */
  avgLoss: number | null;
  /** (grossWins / wins) / |grossLosses / losses|. */
  payoffRatio: number | null;
  /** grossWins / |grossLosses|; null when there are no losers (see noLosers). */
  profitFactor: number | null;
  /** True when there are trades but no losing one: profit factor is then unbounded and reported null. */
  noLosers: boolean;
  /** netPnl / trades. */
  expectancy: number | null;
  /** Trades with a defined risk: the R statistics use only these. */
  rTrades: number;
  tradesWithoutRisk: number;
  /** mean(net / risk) over rTrades. */
  expectancyR: number | null;
  /** √N × mean(R) / sample sd(R), N = rTrades. */
  sqn: number | null;
  /** W − (1 − W) / payoffRatio with W = winRateExBreakeven. */
  kelly: number | null;
  maxDrawdown: number;
  maxDrawdownPct: number | null;
  maxDrawdownDurationMs: number | null;
  maxDrawdownRecoveryMs: number | null;
  /** Days in the Sharpe/Sortino series (flat weekdays included). */
  tradingDays: number;
  sharpe: number | null;
  sortino: number | null;
  kRatio: number | null;
  longestWinStreak: number;
  longestLossStreak: number;
}

export function summarize(trades: readonly ClosedTrade[], conventions: Partial<AnalyticsConventions> = {}): AnalyticsSummary {
  const c = resolveConventions(conventions);
  const columns = tradeColumns(trades, true);
  const curve = equityCurveOfColumns(columns, c.startingCapitalMinor);
  return summarizeColumns(columns, c, curve, drawdowns(curve, c.startingCapitalMinor !== null), dailyPnlOfColumns(columns.closedAt, columns.net, c.timeZone));
}

/** summarize() for callers that already hold the checked, close-ordered trades and their series. */
export function summarizeSorted(sorted: readonly ClosedTrade[], c: AnalyticsConventions, curve: readonly EquityPoint[], periods: readonly DrawdownPeriod[], days: readonly DailyPnl[]): AnalyticsSummary {
  const money = {
    gross: sorted.map((t) => t.grossMinor),
    fees: sorted.map((t) => t.feesMinor),
    net: sorted.map((t) => t.netMinor),
    risk: sorted.map((t) => t.riskMinor ?? Number.NaN),
  };
  return summarizeColumns(money, c, curve, periods, days);
}

/** The money of each trade in close order, one array per field; risk NaN where there is none (see TradeColumns). */
export type MoneyColumns = Record<'gross' | 'fees' | 'net' | 'risk', ArrayLike<number>>;

/** summarize() of trades read into columns, with their series (analyze). */
export function summarizeColumns(columns: MoneyColumns, c: AnalyticsConventions, curve: readonly EquityPoint[], periods: readonly DrawdownPeriod[], days: readonly DailyPnl[]): AnalyticsSummary {
  const { gross, fees: feeColumn, net, risk } = columns;
  const n = net.length;
  const outcomes = new Array<Outcome>(n);
  let wins = 0;
  let losses = 0;
  let grossPnl = 0;
  let fees = 0;
  let netPnl = 0;
  let grossWins = 0;
  let grossLosses = 0;
  const rs: number[] = [];
  for (let i = 0; i < n; i++) {
    const netMinor = net[i] as number;
    const riskMinor = risk[i] as number;
    const outcome = outcomeOf(netMinor, c.breakevenToleranceMinor);
    outcomes[i] = outcome;
    grossPnl += gross[i] as number;
    fees += feeColumn[i] as number;
    netPnl += netMinor;
    if (outcome === 'win') {
      wins += 1;
      grossWins += netMinor;
    } else if (outcome === 'loss') {
      losses += 1;
      grossLosses += netMinor;
    }
    // NaN (no defined risk) fails the comparison like null did.
    if (riskMinor > 0) rs.push(netMinor / riskMinor);
  }
  const winRateExBreakeven = ratioOrNull(wins, wins + losses);
  const payoffRatio = wins > 0 && losses > 0 ? grossWins / wins / (-grossLosses / losses) : null;
  const sdR = sampleSd(rs);

  const hasCapital = c.startingCapitalMinor !== null;
  const daily = days.map((d) => d.netMinor);
  // The cumulative P&L after each trade (the curve without its origin), without slice-and-map copies.
  const cumulative = new Array<number>(curve.length - 1);
  for (let i = 1; i < curve.length; i++) cumulative[i - 1] = (curve[i] as EquityPoint).cumulativeMinor;

  return {
    trades: n,
    wins,
    losses,
    breakeven: n - wins - losses,
    winRate: ratioOrNull(wins, n),
    winRateExBreakeven,
    grossPnl,
    fees,
    netPnl,
    grossWins,
    grossLosses,
    avgWin: wins > 0 ? averageMinor(grossWins, wins) : null,
    avgLoss: losses > 0 ? averageMinor(grossLosses, losses) : null,
    payoffRatio,
    profitFactor: losses > 0 ? grossWins / -grossLosses : null,
    noLosers: n > 0 && losses === 0,
    expectancy: n > 0 ? averageMinor(netPnl, n) : null,
    rTrades: rs.length,
    tradesWithoutRisk: n - rs.length,
    expectancyR: rs.length > 0 ? mean(rs) : null,
    sqn: sdR > 0 ? (Math.sqrt(rs.length) * mean(rs)) / sdR : null,
    kelly: winRateExBreakeven !== null && payoffRatio !== null && payoffRatio > 0 ? winRateExBreakeven - (1 - winRateExBreakeven) / payoffRatio : null,
    ...summarizeDrawdowns(periods, hasCapital),
    tradingDays: daily.length,
    sharpe: sharpe(daily),
    sortino: sortino(daily),
    kRatio: kRatio(cumulative),
    ...streaks(outcomes),
  };
}
