/**
 * Calendar geometry on plain `YYYY-MM-DD` dates. Every computation goes through `Date.UTC` and the
 * UTC getters, so a day is always 24 hours: a DST change in the browser's zone can neither skip nor
 * repeat a date (local-midnight arithmetic does, on the days clocks move).
 */

/** 0 = weeks start on Sunday (US), 1 = on Monday (ISO). */
export type WeekStart = 0 | 1;

export interface CalendarCell {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Day of the month, 1–31. */
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** False for the leading and trailing days of the neighbouring months. */
  inMonth: boolean;
}

const DAY_MS = 86_400_000;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM` → [year, month 1–12], or undefined for anything else (a month 13, a date). */
export function parseMonth(value: string): [number, number] | undefined {
  const m = MONTH.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? [year, month] : undefined;
}

/** True for a real calendar date (`2026-02-30` is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(ms) === value;
}

function dateMs(date: string): number {
  const m = DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

/** The `YYYY-MM` a date falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `2026-12` shifted by `delta` months (`-1` → `2026-11`, `+1` → `2027-01`). */
export function shiftMonth(month: string, delta: number): string {
  const parsed = parseMonth(month);
  if (!parsed) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const index = parsed[0] * 12 + (parsed[1] - 1) + delta;
  return formatMonth(Math.floor(index / 12), (index % 12 + 12) % 12 + 1);
}

export function addDays(date: string, days: number): string {
  return toIsoDate(dateMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dateMs(date)).getUTCDay();
}

/** The first day of the week holding `date`. */
export function weekStartOf(date: string, weekStart: WeekStart): string {
  return addDays(date, -((weekdayOf(date) - weekStart + 7) % 7));
}

function cell(date: string, month: string): CalendarCell {
  return { date, day: Number(date.slice(8, 10)), weekday: weekdayOf(date), inMonth: monthOf(date) === month };
}

/** The seven days of the week holding `date`. */
export function weekGrid(date: string, weekStart: WeekStart): CalendarCell[] {
  const first = weekStartOf(date, weekStart);
  const month = monthOf(date);
  return Array.from({ length: 7 }, (_, i) => cell(addDays(first, i), month));
}

/**
 * The month as whole weeks (4 to 6 rows of 7): the first row starts on the week start on or before
 * the 1st, the last ends on the day before the week start after the month's last day.
 */
export function monthGrid(month: string, weekStart: WeekStart): CalendarCell[][] {
  const parsed = parseMonth(month);
  if (!parsed) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const first = `${month}-01`;
  const last = toIsoDate(Date.UTC(parsed[0], parsed[1], 0));
  const weeks: CalendarCell[][] = [];
  for (let start = weekStartOf(first, weekStart); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => cell(addDays(start, i), month)));
  }
  return weeks;
}

/** Column headings in grid order. */
export function weekdayLabels(weekStart: WeekStart): string[] {
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return Array.from({ length: 7 }, (_, i) => names[(i + weekStart) % 7] ?? '');
}

/** Today's date in an IANA zone (the journal's exchange time), not the browser's. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "December 2026". */
export function monthTitle(month: string): string {
  const parsed = parseMonth(month);
  if (!parsed) return month;
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(parsed[0], parsed[1] - 1, 1));
}

/** "Mon, Dec 7, 2026". */
export function dayTitle(date: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(dateMs(date));
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms (−5 h in New York winter). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time (`minutes` after the date's midnight) happens in `timeZone`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const wall = dateMs(date) + minutes * 60_000;
  // The offset at the guess can differ from the offset at the wall time when a DST change lies between; a second pass settles it.
  const first = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, first);
}

/** The instant a date's midnight happens in `timeZone`. */
export function zonedMidnight(date: string, timeZone: string): number {
  return zonedInstant(date, 0, timeZone);
}

/** `YYYY-MM-DDTHH:mm` (an `<input type="datetime-local">`) read as wall time in `timeZone`; undefined for anything else. */
export function parseWallTime(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !isIsoDate(m[1] ?? '')) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return zonedInstant(m[1] ?? '', hours * 60 + minutes, timeZone);
}

/** An instant as `YYYY-MM-DDTHH:mm` wall time in `timeZone` (the value a datetime-local input takes). */
export function toWallTime(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(timeZone, instant)).toISOString().slice(0, 16);
}

/** [start, end) of a date in `timeZone`, epoch ms: 23 or 25 hours long on DST days. */
export function dayBounds(date: string, timeZone: string): [number, number] {
  return [zonedMidnight(date, timeZone), zonedMidnight(addDays(date, 1), timeZone)];
}
