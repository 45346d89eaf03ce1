import { exchangeTime } from '@marketswarm/shared/journal';
import { NEW_YORK, zonedInstant } from '@marketswarm/shared/models';
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

/** The instant a New York date (YYYY-MM-DD) shows `minute` minutes after midnight (DST-correct). */
export function nyInstant(session: string, minute: number): number {
  const instant = zonedInstant(session, Math.floor(minute / 60), minute % 60, NEW_YORK);
  if (instant === undefined) throw new RangeError(`no New York instant for ${session} + ${minute} min`);
  return instant;
}

function sessionOf(epochMs: number): string {
  return exchangeTime(epochMs, NEW_YORK).date;
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

/** What the market already holds of one symbol at start, around the plan's latest session. */
export interface HeldHistory {
  /** The newest bar before the latest session (history sets): its session and close. */
  before?: { session: string; close: number };
  /** The earliest bar of the latest session (history sets or candles stream): its open time and open. */
  first?: { t: number; open: number };
  /** The prior close known from the candles stream or the spot snapshot. */
  priorClose?: number;
  /** The last price known (spot snapshot or stream). */
  lastPrice?: number;
}

/** What to generate for one symbol. */
export interface SymbolBackfill {
  windows: BackfillWindow[];
  /** The price the path leaves from; none: the generator's own start. */
  start?: number;
  /** The price the path ends at; none: the live simulator's start, so live ticks continue it. */
  end?: number;
}

/**
 * What to generate for one symbol given what the market holds.
 * - Nothing of the latest session (a first start): the latest session up to now, and the previous one
 *   too unless its bars are held (the path then leaves from the last known price).
 * - Bars of the latest session, and a prior close known (the stream, the spot snapshot or the history
 *   sets' last bar before the session): only the part of the latest session before its earliest bar,
 *   if any — from the prior close to that bar's open. An ordinary restart holds both and gets nothing.
 * - Bars of the latest session but no prior close (a stack upgraded from before the backfill and the
 *   history sets, or one whose previous session is gone): the previous session and that part of the
 *   latest one, ending at the earliest bar's open, so the previous session's last price is the prior
 *   close and the history joins what is held.
 * The earliest bar is taken over every interval, so the part generated ends on an hour boundary and
 * never makes a bar that is already held.
 */
export function symbolBackfill(plan: BackfillPlan, held: HeldHistory): SymbolBackfill {
  const { first, before } = held;
  if (first === undefined) {
    if (before?.session === plan.previous.session) return { windows: [plan.latest], start: held.lastPrice ?? before.close };
    return { windows: [plan.previous, plan.latest] };
  }
  const gap: BackfillWindow[] = first.t > plan.latest.from ? [{ session: plan.latest.session, from: plan.latest.from, to: first.t }] : [];
  const prior = held.priorClose ?? before?.close;
  if (prior !== undefined) return gap.length === 0 ? { windows: [] } : { windows: gap, start: prior, end: first.open };
  return { windows: [plan.previous, ...gap], end: first.open };
}

/** The first instant of a session (New York midnight): bars before it belong to earlier sessions. */
export function sessionStart(session: string): number {
  return nyInstant(session, 0);
}
