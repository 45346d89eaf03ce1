import { dayWeekday, exchangeTime } from '@marketswarm/shared/journal';
import { INDEX_OPTION_ROOTS, NEW_YORK, sessionClose } from '@marketswarm/shared/models';

const DAY_MS = 86_400_000;

/**
 * When a day order placed at `placedAt` expires: the close of the session it was placed in (16:15
 * New York for SPX, NDX, RUT and their weekly roots, 16:00 for the rest: `sessionClose`). An order
 * placed after the close or on a weekend belongs to the next weekday's session (no holiday
 * calendar: the simulated market knows none either).
 */
export function sessionCloseOf(placedAt: number, symbol: string): number {
  const root = symbol.toUpperCase();
  const underlying = INDEX_OPTION_ROOTS[root] ?? root;
  let day = Math.floor(Date.parse(`${exchangeTime(placedAt, NEW_YORK).date}T00:00:00Z`) / DAY_MS);
  for (;;) {
    if (dayWeekday(day) < 5) {
      const close = sessionClose(underlying, new Date(day * DAY_MS).toISOString().slice(0, 10));
      if (close !== undefined && placedAt < close) return close;
    }
    day += 1;
  }
}
