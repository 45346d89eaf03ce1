import { exchangeTime } from '../journal/exchange-time.js';

/**
 * The exchange clock of US options, once: New York wall-clock times as instants.
 *
 * Two closes matter and they differ for cash-settled index options:
 * - an option's **expiry instant** (`expiryCloseOf`) is 16:00 New York on its expiry date for every
 *   underlying: PM-settled index options (SPXW, NDXP, RUTW) settle on the index's 16:00 print, and
 *   the market producer's tiles expire at 16:00, so the risk graph values a leg at expiry there;
 * - a **session close** (`sessionClose`) is when the option stops trading that day, so when a day
 *   order expires: 16:15 for SPX, NDX and RUT options (they trade a quarter hour past the equity
 *   close), 16:00 for everything else.
 * No holiday calendar: the simulated market knows none either.
 */
export const NEW_YORK = 'America/New_York';

/** Index options that trade until 16:15: their weekly and PM roots resolve to these first. */
const LATE_CLOSE_INDICES: ReadonlySet<string> = new Set(['SPX', 'NDX', 'RUT']);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant of a wall-clock time on a calendar date in a zone, DST-aware: each offset the zone
 * uses that day is tried and kept only when it is the offset in force at the instant it gives.
 * undefined for a string that is not a calendar date, or a time the zone skips that day.
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string = NEW_YORK): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  if (new Date(wall).toISOString().slice(0, 10) !== date) return undefined;
  // The offsets at the day's two ends are every offset in force that day (one transition at most).
  for (const offset of new Set([zoneOffsetMs(wall - 86_400_000, timeZone), zoneOffsetMs(wall + 86_400_000, timeZone)])) {
    const candidate = wall - offset;
    if (zoneOffsetMs(candidate, timeZone) === offset) return candidate;
  }
  return undefined;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich), from Intl's IANA rules. */
function zoneOffsetMs(at: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) offsetFormatters.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  // Plain "GMT" is UTC itself.
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3_600_000 + Number(match[3]) * 60_000);
}

/** The New York date (YYYY-MM-DD) an instant falls on: an expiry instant's expiry date. */
export function expiryDateOf(expiry: number): string {
  return exchangeTime(expiry, NEW_YORK).date;
}

/** An expiry date's expiry instant: its 16:00 New York close (see above); undefined for a non-date. */
export function expiryCloseOf(date: string): number | undefined {
  return zonedInstant(date, 16, 0);
}

/** The time an underlying's options stop trading, New York wall clock. Resolve weekly roots (SPXW → SPX) first. */
export function sessionCloseTime(underlying: string): { hour: number; minute: number } {
  return LATE_CLOSE_INDICES.has(underlying.toUpperCase()) ? { hour: 16, minute: 15 } : { hour: 16, minute: 0 };
}

/** The instant an underlying's options stop trading on a date; undefined for a non-date. */
export function sessionClose(underlying: string, date: string): number | undefined {
  const { hour, minute } = sessionCloseTime(underlying);
  return zonedInstant(date, hour, minute);
}
