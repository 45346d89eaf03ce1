import type { ClockMode } from './market-clock.js';

/** A stretch of market time to generate history for: `[from, to)` in epoch ms, inside one session. */
export interface BackfillWindow {
  session: string;
  from: number;
  to: number;
}

/** The latest session (up to now) and the one before it. */
export interface BackfillPlan {
  previous: BackfillWindow;
  latest: BackfillWindow;
}

const OPEN_MINUTE = 9 * 60 + 30;
const CLOSE_MINUTE = 16 * 60;
const DAY_MS = 86_400_000;

const nyParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The New York wall clock of an instant, read as if it were UTC (epoch ms). */
function nyWallClock(epochMs: number): number {
  const p: Record<string, string> = {};
  for (const part of nyParts.formatToParts(new Date(epochMs))) p[part.type] = part.value;
  return Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
}

/** The instant a New York date (YYYY-MM-DD) shows `minute` minutes after midnight (DST-correct). */
export function nyInstant(session: string, minute: number): number {
  const [y, m, d] = session.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  // The offset at a first guess, then again at the corrected instant (they differ only across a DST switch).
  let instant = wall - (nyWallClock(wall) - wall);
  instant = wall - (nyWallClock(instant) - instant);
  return instant;
}

function sessionOf(epochMs: number): string {
  return new Date(nyWallClock(epochMs)).toISOString().slice(0, 10);
}

function dayBefore(session: string): string {
  return new Date(Date.parse(`${session}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

function isWeekday(session: string): boolean {
  const day = new Date(`${session}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

function weekdayBefore(session: string): string {
  let day = dayBefore(session);
  while (!isWeekday(day)) day = dayBefore(day);
  return day;
}

const regularHours = (session: string): BackfillWindow => ({ session, from: nyInstant(session, OPEN_MINUTE), to: nyInstant(session, CLOSE_MINUTE) });

/**
 * Which history a first start generates, so every candle interval has bars at once.
 * `demo` (always open, sessions are New York calendar days): today from midnight up to `now`, and
 * yesterday's regular hours (09:30–16:00) as the previous session — a full day at 1 m would be
 * ~1,850 candles per symbol, and the previous session only has to give the chart its context and the
 * header its prior close. `regular`: the latest session that has opened (today up to `now`, capped at
 * the close, or the last weekday's regular hours before today's open and on weekends) and the weekday
 * before it. Holidays are not modelled, as in the clock.
 */
export function planBackfill(mode: ClockMode, now: number): BackfillPlan {
  const today = sessionOf(now);
  if (mode === 'demo') return { latest: { session: today, from: nyInstant(today, 0), to: now }, previous: regularHours(dayBefore(today)) };
  const opened = isWeekday(today) && now > nyInstant(today, OPEN_MINUTE);
  const latest = opened ? { session: today, from: nyInstant(today, OPEN_MINUTE), to: Math.min(now, nyInstant(today, CLOSE_MINUTE)) } : regularHours(weekdayBefore(today));
  return { latest, previous: regularHours(weekdayBefore(latest.session)) };
}

/**
 * The windows still to generate given the sessions the candles stream already holds: none when it
 * holds the latest session (a restart never backfills again), only the latest when the previous one
 * is there (the path then starts from the last published price), both on a first start.
 */
export function windowsToBackfill(plan: BackfillPlan, held: (session: string) => boolean): BackfillWindow[] {
  if (held(plan.latest.session)) return [];
  if (held(plan.previous.session)) return [plan.latest];
  return [plan.previous, plan.latest];
}
