import { type ClosedTrade } from './closed-trade.js';
import { TRADING_DAYS_PER_YEAR } from './conventions.js';
import { dayDate, dayWeekday, exchangeDay, exchangeWallClock } from './exchange-time.js';
import { mean, sampleSd } from './statistics.js';

export interface DailyPnl {
  /** Exchange-time calendar date of the closes, YYYY-MM-DD. */
  date: string;
  netMinor: number;
  trades: number;
}

/**
 * Net P&L per exchange-time day of close, from the first to the last day with a close. Weekdays
 * in between without a close count as 0 (a flat day is still a day the capital was at risk of
 * being used); weekend days count only when something closed on them (futures trade Sunday
 * evening). Exchange holidays are not known here and count as 0 like any other flat weekday.
 */
export function dailyPnl(trades: readonly ClosedTrade[], timeZone: string): DailyPnl[] {
  return dailyPnlOfColumns(
    trades.map((t) => t.closedAt),
    trades.map((t) => t.netMinor),
    timeZone,
  );
}

/** dailyPnl() from the close times and nets of the trades (any order), as arrays. */
export function dailyPnlOfColumns(closedAt: ArrayLike<number>, net: ArrayLike<number>, timeZone: string): DailyPnl[] {
  // Keyed by day number rather than date text, so the flat days between come from counting, not from Date objects.
  const byDay = new Map<number, DailyPnl>();
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < closedAt.length; i++) {
    const day = exchangeDay(exchangeWallClock(closedAt[i] as number, timeZone));
    let d = byDay.get(day);
    if (!d) {
      byDay.set(day, (d = { date: dayDate(day), netMinor: 0, trades: 0 }));
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    d.netMinor += net[i] as number;
    d.trades += 1;
  }
  const out: DailyPnl[] = [];
  for (let day = first; day <= last; day++) {
    const d = byDay.get(day);
    if (d) out.push(d);
    else if (dayWeekday(day) < 5) out.push({ date: dayDate(day), netMinor: 0, trades: 0 });
  }
  return out;
}

/**
 * Annualised daily Sharpe ratio: mean(daily net) / sample sd(daily net) × √252, risk-free rate 0.
 * Dollar P&L stands in for returns on a fixed capital (the ratio does not depend on that capital).
 * Null below two days or when every day is the same.
 */
export function sharpe(daily: readonly number[]): number | null {
  const sd = sampleSd(daily);
  if (!(sd > 0)) return null;
  return (mean(daily) / sd) * Math.sqrt(TRADING_DAYS_PER_YEAR);
}

/**
 * Annualised daily Sortino ratio: mean(daily net) / downside deviation × √252, where the downside
 * deviation is √(Σ min(0, x)² / N) with N = all days (not only the losing ones) and target 0.
 * Null without a losing day (no downside to divide by).
 */
export function sortino(daily: readonly number[]): number | null {
  if (daily.length === 0) return null;
  let ss = 0;
  for (const x of daily) if (x < 0) ss += x * x;
  const dd = Math.sqrt(ss / daily.length);
  if (!(dd > 0)) return null;
  return (mean(daily) / dd) * Math.sqrt(TRADING_DAYS_PER_YEAR);
}
