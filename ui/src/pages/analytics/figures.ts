import type { AnalyticsSummaryDto } from '@marketswarm/shared/dto';
import { formatCount, formatDurationMs, formatMoney, formatPct, formatRate, formatRatio } from '../../journal-api/journal-format';

/** How each summary figure reads. `Record<keyof …>` makes a figure added to the contract fail to compile until it is listed here. */

export type FigureKind = 'money' | 'pnl' | 'count' | 'rate' | 'pct' | 'ratio' | 'r' | 'duration' | 'flag';

export interface FigureSpec {
  label: string;
  kind: FigureKind;
  /** What the number means, for the tooltip. */
  hint: string;
}

export const FIGURES: Record<keyof AnalyticsSummaryDto, FigureSpec> = {
  netPnl: { label: 'Net P&L', kind: 'pnl', hint: 'Σ net of closed trades, after fees' },
  trades: { label: 'Trades', kind: 'count', hint: 'closed trades in the selection' },
  winRate: { label: 'Win rate', kind: 'rate', hint: 'wins / all trades (break-even counts against)' },
  winRateExBreakeven: { label: 'Win rate ex. BE', kind: 'rate', hint: 'wins / (wins + losses)' },
  wins: { label: 'Wins', kind: 'count', hint: 'net above the break-even tolerance' },
  losses: { label: 'Losses', kind: 'count', hint: 'net below minus the tolerance' },
  breakeven: { label: 'Break-even', kind: 'count', hint: '|net| within the tolerance' },
  grossPnl: { label: 'Gross P&L', kind: 'pnl', hint: 'Σ gross, before fees' },
  fees: { label: 'Fees', kind: 'money', hint: 'Σ fees' },
  grossWins: { label: 'Gross wins', kind: 'pnl', hint: 'Σ net of winners' },
  grossLosses: { label: 'Gross losses', kind: 'pnl', hint: 'Σ net of losers' },
  avgWin: { label: 'Average win', kind: 'pnl', hint: 'gross wins / wins' },
  avgLoss: { label: 'Average loss', kind: 'pnl', hint: 'gross losses / losses' },
  payoffRatio: { label: 'Payoff ratio', kind: 'ratio', hint: 'average win / |average loss|' },
  profitFactor: { label: 'Profit factor', kind: 'ratio', hint: 'gross wins / |gross losses|' },
  noLosers: { label: 'No losers', kind: 'flag', hint: 'trades but not one loss (profit factor undefined)' },
  expectancy: { label: 'Expectancy', kind: 'pnl', hint: 'net P&L per trade' },
  rTrades: { label: 'Trades with risk', kind: 'count', hint: 'trades with a defined risk (R statistics use these)' },
  tradesWithoutRisk: { label: 'Trades without risk', kind: 'count', hint: 'trades without a defined risk' },
  expectancyR: { label: 'Expectancy (R)', kind: 'r', hint: 'mean R = net / risk' },
  sqn: { label: 'SQN', kind: 'ratio', hint: 'Van Tharp: √N × mean R / sd R' },
  kelly: { label: 'Kelly', kind: 'rate', hint: 'W − (1 − W) / payoff ratio' },
  maxDrawdown: { label: 'Max drawdown', kind: 'money', hint: 'largest peak-to-trough fall of equity' },
  maxDrawdownPct: { label: 'Max drawdown %', kind: 'pct', hint: 'largest fall as a share of its peak (needs a starting capital)' },
  maxDrawdownDurationMs: { label: 'Longest drawdown', kind: 'duration', hint: 'peak to recovery, completed periods' },
  maxDrawdownRecoveryMs: { label: 'Longest recovery', kind: 'duration', hint: 'trough to recovery, completed periods' },
  tradingDays: { label: 'Trading days', kind: 'count', hint: 'days in the daily series' },
  sharpe: { label: 'Sharpe', kind: 'ratio', hint: 'daily, annualised (√252), risk-free 0' },
  sortino: { label: 'Sortino', kind: 'ratio', hint: 'daily, annualised, downside deviation over all days' },
  kRatio: { label: 'K-ratio', kind: 'ratio', hint: 'Kestner: consistency of the equity slope' },
  longestWinStreak: { label: 'Longest win streak', kind: 'count', hint: 'consecutive wins in close order' },
  longestLossStreak: { label: 'Longest loss streak', kind: 'count', hint: 'consecutive losses in close order' },
};

/** The order the dashboard shows them in (every key once; a spec checks it). */
export const FIGURE_ORDER = Object.keys(FIGURES) as (keyof AnalyticsSummaryDto)[];

export function formatFigure(kind: FigureKind, value: number | boolean | null): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  switch (kind) {
    case 'money':
      return formatMoney(value);
    case 'pnl':
      return formatMoney(value, true);
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatRate(value);
    case 'pct':
      return formatPct(value);
    case 'ratio':
      return formatRatio(value);
    case 'r':
      return value === null ? formatRatio(null) : `${formatRatio(value)}R`;
    case 'duration':
      return formatDurationMs(value);
    case 'flag':
      return value === null ? '—' : String(value);
  }
}

/** `data-value` of a figure: the API's raw value as JSON writes it (`null`, `true`, `543.2`), for exact comparison. */
export const rawFigure = (value: number | boolean | null): string => String(value);
