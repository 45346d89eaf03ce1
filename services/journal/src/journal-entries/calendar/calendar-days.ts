import { exchangeTime, outcomeOf, type ClosedTrade } from '@marketswarm/shared/journal';

/** One day's (or a period's) closed trades; money in integer micros. */
export interface DayFigures {
  netMinor: number;
  trades: number;
  wins: number;
  losses: number;
}

export interface CalendarDay extends DayFigures {
  date: string;
}

export interface CalendarBuckets {
  days: CalendarDay[];
  totals: DayFigures & { tradingDays: number };
}

/** The date a trade counts on: the day it CLOSED, in `timeZone`, read as the analytics' daily P&L reads it. */
export function closeDateOf(trade: Pick<ClosedTrade, 'closedAt'>, timeZone: string): string {
  return exchangeTime(trade.closedAt, timeZone).date;
}

/**
 * Buckets closed trades into the given dates by the day each CLOSED on, in `timeZone` (the user's
 * setting), the way the analytics' daily P&L reads a close (exchangeTime); a trade closing outside
 * the dates is left out. Win and loss follow the analytics' outcome with the user's break-even
 * tolerance, so a scratch trade is neither.
 */
export function calendarBuckets(trades: readonly Pick<ClosedTrade, 'closedAt' | 'netMinor'>[], dates: readonly string[], timeZone: string, breakevenToleranceMinor: number): CalendarBuckets {
  const byDate = new Map<string, CalendarDay>(dates.map((date) => [date, { date, netMinor: 0, trades: 0, wins: 0, losses: 0 }]));
  const totals = { netMinor: 0, trades: 0, wins: 0, losses: 0, tradingDays: 0 };
  for (const trade of trades) {
    const day = byDate.get(closeDateOf(trade, timeZone));
    if (!day) continue;
    const outcome = outcomeOf(trade.netMinor, breakevenToleranceMinor);
    day.netMinor += trade.netMinor;
    day.trades += 1;
    totals.netMinor += trade.netMinor;
    totals.trades += 1;
    if (outcome === 'win') {
      day.wins += 1;
      totals.wins += 1;
    } else if (outcome === 'loss') {
      day.losses += 1;
      totals.losses += 1;
    }
  }
  const days = [...byDate.values()];
  totals.tradingDays = days.filter((d) => d.trades > 0).length;
  return { days, totals };
}

/** wins / trades, as the analytics' winRate; null without trades. */
export function winRateOf(figures: Pick<DayFigures, 'trades' | 'wins'>): number | null {
  return figures.trades === 0 ? null : figures.wins / figures.trades;
}
