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

/** `6/21/22 15:23:42`, `04/09/2026 17:14:44`, `12/19/2025 2:05:09 PM` (US month first), with an optional time. */
export function readUsDateTime(text: string): WallClock {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i.exec(text.trim());
  if (!match) throw new RowError(`bad date "${text}"`);
  const [, month, day, year, hour = '0', minute = '0', second = '0', meridiem] = match;
  const clockHour = Number(hour);
  if (meridiem && (clockHour < 1 || clockHour > 12)) throw new RowError(`bad date "${text}"`);
  const hour24 = meridiem ? (clockHour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0) : clockHour;
  return checked({ year: fullYear(year ?? ''), month: Number(month), day: Number(day), hour: hour24, minute: Number(minute), second: Number(second) }, text);
}

/** US zone abbreviations some exports append (Webull's `12/04/2025 10:00:00 EST`), as hours from UTC. */
const US_ZONE_OFFSETS: Readonly<Record<string, number>> = { EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

/**
 * A US date-time that may end in a zone abbreviation: with one, the time is at that fixed offset
 * (which is what the export said); without one, it is wall-clock in `timeZone`.
 */
export function readUsDateTimeInZone(text: string, timeZone: string): ReadTime {
  const match = /^(.*?)\s+([A-Z]{3})$/.exec(text.trim());
  if (!match) return inZone(readUsDateTime(text), timeZone);
  const offset = US_ZONE_OFFSETS[match[2] ?? ''];
  if (offset === undefined) throw new RowError(`bad date "${text}": unknown zone ${match[2] ?? ''}`);
  return atOffset(readUsDateTime(match[1] ?? ''), offset * 60);
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
  if (zone === 'Z') return { executedAt: Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), timeZone: 'UTC' };
  return atOffset(t, (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)));
}

/** A wall-clock time at a fixed offset from UTC, in minutes; the zone is written as the offset (`-05:00`). */
function atOffset(t: WallClock, offsetMinutes: number): ReadTime {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const magnitude = Math.abs(offsetMinutes);
  return { executedAt: naive - offsetMinutes * 60_000, timeZone: `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}` };
}
