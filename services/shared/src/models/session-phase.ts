import { exchangeWallClock } from '../journal/exchange-time.js';
import { underlyingOf } from './index-option-roots.js';
import { NEW_YORK, sessionCloseTime } from './session-close.js';

/** Where the trading day is: the opening hour, midday, the late session, or closed. */
export type SessionPhase = 'open' | 'midday' | 'late' | 'closed';

/**
 * New York wall-clock minute each phase starts at: the opening hour from 09:30 while the opening
 * auction settles, midday from 10:30, late from 14:30 until the underlying's options stop trading
 * (`sessionCloseTime`: 16:15 for SPX, NDX, RUT and their weekly roots, 16:00 otherwise).
 */
export const SESSION_PHASE_FROM = { open: 9 * 60 + 30, midday: 10 * 60 + 30, late: 14 * 60 + 30 } as const;

export interface SessionPhaseAt {
  phase: SessionPhase;
  /** YYYY-MM-DD, New York. */
  date: string;
  /** HH:MM, New York. */
  time: string;
  /** The underlying's close, HH:MM New York. */
  closesAt: string;
  /** Whole minutes until the options stop trading; null while closed. */
  minutesToClose: number | null;
  /** How far through its phase the clock's minute is, from 0 at its first minute towards 1 at its end; 0 while closed. */
  progress: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The session phase of a symbol's options at `now` (weekly roots resolve to their index: SPXW closes
 * with SPX). Weekends are closed; there is no holiday calendar (the simulated market has none either).
 * The wall clock, not instants, sets the bounds: New York changes its clocks at 02:00, never within a session.
 */
export function sessionPhase(now: number, symbol: string): SessionPhaseAt {
  const wall = exchangeWallClock(now, NEW_YORK);
  const iso = new Date(wall).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  const close = sessionCloseTime(underlyingOf(symbol));
  const closesAt = `${pad(close.hour)}:${pad(close.minute)}`;
  const closeMinute = close.hour * 60 + close.minute;
  const msOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  const minute = Math.floor(msOfDay / MINUTE_MS);
  const weekday = new Date(wall).getUTCDay();
  if (weekday === 0 || weekday === 6 || minute < SESSION_PHASE_FROM.open || minute >= closeMinute) {
    return { phase: 'closed', date, time, closesAt, minutesToClose: null, progress: 0 };
  }
  const [phase, from, until]: [SessionPhase, number, number] =
    minute < SESSION_PHASE_FROM.midday
      ? ['open', SESSION_PHASE_FROM.open, SESSION_PHASE_FROM.midday]
      : minute < SESSION_PHASE_FROM.late
        ? ['midday', SESSION_PHASE_FROM.midday, SESSION_PHASE_FROM.late]
        : ['late', SESSION_PHASE_FROM.late, closeMinute];
  const minutesToClose = Math.floor((closeMinute * MINUTE_MS - msOfDay) / MINUTE_MS);
  return { phase, date, time, closesAt, minutesToClose, progress: (minute - from) / (until - from) };
}
