/**
 * Wall-clock fields of an instant in the exchange's zone through Intl, which carries the IANA
 * rules: a 09:30 New York entry is hour 9 in both January (UTC−5) and July (UTC−4).
 */
export interface ExchangeTime {
  /** Calendar date in the zone, YYYY-MM-DD. */
  date: string;
  /** 0–23. */
  hour: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_NAMES: readonly string[] = WEEKDAYS;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

function formatted(epochMs: number, timeZone: string): ExchangeTime & { offsetMs: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) parts[p.type] = p.value;
  const weekday = WEEKDAYS.indexOf(parts['weekday'] as (typeof WEEKDAYS)[number]);
  if (weekday < 0) throw new RangeError(`unexpected weekday "${parts['weekday']}" for ${timeZone}`);
  const [y, mo, d, h, mi] = [parts['year'], parts['month'], parts['day'], parts['hour'], parts['minute']].map(Number) as [number, number, number, number, number];
  // Offsets are whole minutes (Asia/Kolkata +5:30 included), so the seconds carry over unchanged.
  const wall = Date.UTC(y, mo - 1, d, h, mi) + (((epochMs % 60_000) + 60_000) % 60_000);
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: h, weekday, offsetMs: wall - epochMs };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const MAX_CACHED = 100_000;
/** Per zone: UTC day number → the offset in force all day, or null on a day with a transition. */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** Day number → YYYY-MM-DD. */
const dateStrings = new Map<number, string>();

function offsetForDay(day: number, timeZone: string): number | null {
  let zone = dayOffsets.get(timeZone);
  if (!zone) dayOffsets.set(timeZone, (zone = new Map<number, number | null>()));
  let offset = zone.get(day);
  if (offset === undefined) {
    const start = formatted(day * DAY_MS, timeZone).offsetMs;
    const end = formatted(day * DAY_MS + DAY_MS - 1, timeZone).offsetMs;
    offset = start === end ? start : null;
    if (zone.size >= MAX_CACHED) zone.clear();
    zone.set(day, offset);
  }
  return offset;
}

function dateString(day: number): string {
  let s = dateStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateStrings.size >= MAX_CACHED) dateStrings.clear();
    dateStrings.set(day, s);
  }
  return s;
}

/**
 * formatToParts costs microseconds, too slow for 100k trades twice over, so it runs twice per UTC
 * day to learn that day's offset and the fields come from plain arithmetic; only the two
 * transition days a year go through Intl for each instant.
 */
export function exchangeTime(epochMs: number, timeZone: string): ExchangeTime {
  const offset = offsetForDay(Math.floor(epochMs / DAY_MS), timeZone);
  if (offset === null) {
    const { date, hour, weekday } = formatted(epochMs, timeZone);
    return { date, hour, weekday };
  }
  const local = epochMs + offset;
  const day = Math.floor(local / DAY_MS);
  return { date: dateString(day), hour: Math.floor((local - day * DAY_MS) / HOUR_MS), weekday: dayWeekday(day) };
}

/**
 * The exchange's wall clock at an instant as epoch milliseconds read as UTC: the same fields as
 * exchangeTime() as plain numbers (see exchangeDay, exchangeHour), for loops over 100k trades that
 * should allocate nothing per trade.
 */
export function exchangeWallClock(epochMs: number, timeZone: string): number {
  const day = Math.floor(epochMs / DAY_MS);
  // Trades come in time order, dozens a day: remembering the last day skips two map lookups for most of them.
  if (day !== last.day || timeZone !== last.timeZone) {
    last.day = day;
    last.timeZone = timeZone;
    last.offset = offsetForDay(day, timeZone);
  }
  return epochMs + (last.offset ?? offsetForMinute(epochMs, timeZone));
}

const last: { day: number; timeZone: string; offset: number | null } = { day: Number.NaN, timeZone: '', offset: null };
/** Per zone: UTC minute number → offset, for the minutes of transition days that were asked for. */
const minuteOffsets = new Map<string, Map<number, number>>();

/**
 * On a transition day the offset depends on the instant, but it only changes on a whole minute (as
 * `formatted` assumes), so Intl runs once per minute asked for and later calls read the cache.
 */
function offsetForMinute(epochMs: number, timeZone: string): number {
  let zone = minuteOffsets.get(timeZone);
  if (!zone) minuteOffsets.set(timeZone, (zone = new Map<number, number>()));
  const minute = Math.floor(epochMs / MINUTE_MS);
  let offset = zone.get(minute);
  if (offset === undefined) {
    offset = formatted(minute * MINUTE_MS, timeZone).offsetMs;
    if (zone.size >= MAX_CACHED) zone.clear();
    zone.set(minute, offset);
  }
  return offset;
}

/** Days since 1970-01-01 of a wall clock from exchangeWallClock: consecutive dates are consecutive numbers. */
export function exchangeDay(wallClock: number): number {
  return Math.floor(wallClock / DAY_MS);
}

/** 0–23 of a wall clock from exchangeWallClock. */
export function exchangeHour(wallClock: number): number {
  return Math.floor((wallClock - exchangeDay(wallClock) * DAY_MS) / HOUR_MS);
}

/** 0 = Monday … 6 = Sunday of a day number; day 0 (1 Jan 1970) was a Thursday, index 3. */
export function dayWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** YYYY-MM-DD of a day number. */
export function dayDate(day: number): string {
  return dateString(day);
}

/** Every calendar date from `first` to `last` (YYYY-MM-DD, inclusive) with its weekday (0 = Monday). */
export function calendarDates(first: string, last: string): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  // Calendar arithmetic on UTC midnights: a date's weekday does not depend on the zone.
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), weekday: (new Date(t).getUTCDay() + 6) % 7 });
  }
  return out;
}
