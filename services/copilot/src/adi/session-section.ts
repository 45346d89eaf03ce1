import type { AdiSession } from '@marketswarm/shared/dto';
import { exchangeWallClock } from '@marketswarm/shared/journal';
import { NEW_YORK, sessionClose, sessionCloseTime, zonedInstant } from '@marketswarm/shared/models';

/** New York wall-clock boundaries of the phases: the opening hour, then midday until 14:30, then late until the close. */
export const SESSION_OPEN = { hour: 9, minute: 30 } as const;
export const MIDDAY_FROM = { hour: 10, minute: 30 } as const;
export const LATE_FROM = { hour: 14, minute: 30 } as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Where the trading day is for the underlying's options at `now`: the phase, and the minutes left
 * until they stop trading (16:15 for SPX/NDX/RUT, 16:00 otherwise; session-close.ts). Weekends are
 * closed; there is no holiday calendar (the simulated market has none either).
 */
export function sessionSection(underlying: string, now: number): AdiSession {
  const wall = new Date(exchangeWallClock(now, NEW_YORK));
  const date = wall.toISOString().slice(0, 10);
  const time = wall.toISOString().slice(11, 16);
  const close = sessionCloseTime(underlying);
  const closesAt = `${pad(close.hour)}:${pad(close.minute)}`;
  const weekday = wall.getUTCDay();
  const opensAt = zonedInstant(date, SESSION_OPEN.hour, SESSION_OPEN.minute);
  const closeAt = sessionClose(underlying, date);
  const closed = { phase: 'closed' as const, date, time, minutesToClose: null, closesAt };
  if (weekday === 0 || weekday === 6 || opensAt === undefined || closeAt === undefined || now < opensAt || now >= closeAt) return closed;
  const middayAt = zonedInstant(date, MIDDAY_FROM.hour, MIDDAY_FROM.minute) ?? opensAt;
  const lateAt = zonedInstant(date, LATE_FROM.hour, LATE_FROM.minute) ?? closeAt;
  const phase = now < middayAt ? 'open' : now < lateAt ? 'midday' : 'late';
  return { phase, date, time, minutesToClose: Math.floor((closeAt - now) / 60_000), closesAt };
}
