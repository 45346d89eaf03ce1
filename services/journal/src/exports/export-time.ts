const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An instant as ISO 8601 in UTC with milliseconds: "2026-03-09T13:30:00.000Z". */
export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * The same instant as the exchange's wall clock, ISO 8601 with the offset in force then
 * ("2026-03-09T09:30:00.000-04:00"), so a reader sees the session time and can still recover the
 * instant without knowing the zone's rules.
 */
export function isoLocal(epochMs: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) parts[p.type] = p.value;
  // longOffset is "GMT-04:00", "GMT+05:30", or bare "GMT" at offset zero.
  const offset = (parts['timeZoneName'] ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  const ms = String(((epochMs % 1000) + 1000) % 1000).padStart(3, '0');
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}.${ms}${offset}`;
}
