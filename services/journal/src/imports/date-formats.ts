import { RowError } from './import-result.js';
import { isValidWallClock, wallClockToEpochMs, type WallClock } from './local-time.js';

/** The date spellings brokers print, read field by field (these are dates, not file formats). */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function fullYear(year: string): number {
  const value = Number(year);
  return year.length === 2 ? 2000 + value : value;
}

function checked(t: WallClock, text: string): WallClock {
  if (!isValidWallClock(t)) throw new RowError(`bad date "${text}"`);
  return t;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(t: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** `6/21/22 15:23:42`, `04/09/2026 17:14:44` (US month first), with an optional time. */
export function readUsDateTime(text: string): WallClock {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) throw new RowError(`bad date "${text}"`);
  const [, month, day, year, hour = '0', minute = '0', second = '0'] = match;
  return checked({ year: fullYear(year ?? ''), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) }, text);
}

/** IBKR Flex `20260126;115715`, `20260126 115715`, `2026-01-26;11:57:15`, or a date alone. */
export function readIbkrDateTime(text: string): WallClock {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:[; ,T]+(\d{2}):?(\d{2}):?(\d{2}))?$/.exec(text.trim());
  if (!match) throw new RowError(`bad date "${text}"`);
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  return checked({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) }, text);
}

/** thinkorswim's option expiry `25 MAR 26`. */
export function readDayMonthYear(text: string): string {
  const match = /^(\d{1,2}) ([A-Z]{3}) (\d{2}|\d{4})$/.exec(text.trim().toUpperCase());
  const month = match ? MONTHS.indexOf(match[2] ?? '') + 1 : 0;
  if (!match || month === 0) throw new RowError(`bad expiry "${text}"`);
  return isoDate(checked({ year: fullYear(match[3] ?? ''), month, day: Number(match[1]), hour: 0, minute: 0, second: 0 }, text));
}

export interface ReadTime {
  executedAt: number;
  timeZone: string;
}

/** A wall-clock time in the account's zone. */
export function inZone(t: WallClock, timeZone: string): ReadTime {
  return { executedAt: wallClockToEpochMs(t, timeZone), timeZone };
}

/** ISO 8601 with its own offset (`2023-03-04T14:16:27+0100`): the zone is the offset it carried. */
export function readIsoWithOffset(text: string): ReadTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/.exec(text.trim());
  if (!match) throw new RowError(`bad date "${text}"`);
  const [, year, month, day, hour, minute, second, zone, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const t = checked({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) }, text);
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return { executedAt: naive - (zone === 'Z' ? 0 : offsetMs), timeZone: zone === 'Z' ? 'UTC' : `${sign}${offsetHours}:${offsetMinutes}` };
}
