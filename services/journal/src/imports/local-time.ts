/**
 * Broker exports write wall-clock times in the account's zone without saying which; the importer
 * is told the zone and turns the wall-clock time into UTC here, DST included.
 */

export const DEFAULT_EXPORT_TIME_ZONE = 'America/New_York';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Offsets by zone and quarter hour: a zone's offset only changes on a quarter hour (DST moves at
 * :00 or :30, Chatham's at :45), and a 10k-row export asks for the same few hours again and again,
 * where each `formatToParts` costs microseconds.
 */
const offsets = new Map<string, number>();
const QUARTER_HOUR_MS = 15 * 60_000;

/** How far the zone's wall clock is ahead of UTC at `epochMs`. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(epochMs / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = computeZoneOffsetMs(Math.floor(epochMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS, timeZone);
    // Bounded: a pathological file spanning decades must not grow the cache without end.
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function computeZoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date and time of day (rejects 2/30 and 25:00). */
export function isValidWallClock(t: WallClock): boolean {
  const probe = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  return (
    probe.getUTCFullYear() === t.year &&
    probe.getUTCMonth() === t.month - 1 &&
    probe.getUTCDate() === t.day &&
    probe.getUTCHours() === t.hour &&
    probe.getUTCMinutes() === t.minute &&
    probe.getUTCSeconds() === t.second
  );
}

/**
 * UTC epoch ms of a wall-clock time in `timeZone`. The offset is read at the first guess and read
 * again at the result, which settles times next to a DST change; an hour repeated in autumn resolves
 * to its first (daylight) instance, as brokers print fills in time order.
 */
export function wallClockToEpochMs(t: WallClock, timeZone: string): number {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const first = naive - zoneOffsetMs(naive, timeZone);
  const second = naive - zoneOffsetMs(first, timeZone);
  return Math.min(first, second);
}
