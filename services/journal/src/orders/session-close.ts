import { dayWeekday, exchangeTime } from '@marketswarm/shared/journal';
import { INDEX_OPTION_ROOTS } from '../symbols/index-option-roots.js';

const NEW_YORK = 'America/New_York';
const DAY_MS = 86_400_000;

/** Cash-settled index options trade a quarter hour past the equity close. */
const LATE_CLOSE_INDICES = new Set(['SPX', 'NDX', 'RUT']);

/** 16:15 for SPX, NDX, RUT (and their weekly roots), 16:00 for everything else, New York time. */
export function closeTimeOf(symbol: string): { hour: number; minute: number } {
  const root = symbol.toUpperCase();
  return LATE_CLOSE_INDICES.has(INDEX_OPTION_ROOTS[root] ?? root) ? { hour: 16, minute: 15 } : { hour: 16, minute: 0 };
}

/** The UTC instant of a New York wall-clock time on a date (EST and EDT tried against the zone's rules). */
export function newYorkInstant(date: string, hour: number, minute: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (const offsetHours of [5, 4]) {
    const candidate = Date.UTC(y, m - 1, d, hour + offsetHours, minute);
    const local = exchangeTime(candidate, NEW_YORK);
    if (local.date === date && local.hour === hour) return candidate;
  }
  throw new RangeError(`no ${hour}:${minute} New York time on ${date}`);
}

/**
 * When a day order placed at `placedAt` expires: the close of the session it was placed in. An
 * order placed after the close or on a weekend belongs to the next weekday's session (no holiday
 * calendar: the simulated market knows none either).
 */
export function sessionCloseOf(placedAt: number, symbol: string): number {
  const { hour, minute } = closeTimeOf(symbol);
  let day = Math.floor(Date.parse(`${exchangeTime(placedAt, NEW_YORK).date}T00:00:00Z`) / DAY_MS);
  for (;;) {
    if (dayWeekday(day) < 5) {
      const close = newYorkInstant(new Date(day * DAY_MS).toISOString().slice(0, 10), hour, minute);
      if (placedAt < close) return close;
    }
    day += 1;
  }
}
