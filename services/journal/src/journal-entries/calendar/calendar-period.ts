import { addDays, periodEnd, type CalendarQuery, type RetrospectivePeriod } from '@marketswarm/shared/dto';

export interface CalendarPeriod {
  period: RetrospectivePeriod;
  /** First and last date, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
}

/** The dates a calendar query covers: the month `YYYY-MM`, or the week from the Monday given. */
export function calendarPeriodOf(query: Pick<CalendarQuery, 'month' | 'week'>): CalendarPeriod {
  if (query.month !== undefined) {
    const from = `${query.month}-01`;
    return { period: 'month', from, to: periodEnd('month', from) };
  }
  if (query.week === undefined) throw new RangeError('a calendar query names a month or a week');
  return { period: 'week', from: query.week, to: periodEnd('week', query.week) };
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const DAY_MS = 86_400_000;

/**
 * Instants that surely hold every close on the local dates `from`…`to` in any zone (offsets run
 * from −12 h to +14 h): a day of slack each side. Closes read there are then kept or dropped by
 * their local date, so the margin never counts a trade on the wrong day.
 */
export function closeSearchWindow(from: string, to: string): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(`${from}T00:00:00Z`) - DAY_MS, toMs: Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS };
}
