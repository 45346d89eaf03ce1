/**
 * How long ago `ts` was, in the largest whole unit: `12s`, `5m`, `3h`, `2d`. Clocks that disagree
 * (an event stamped a little after `now`) read `0s`; a missing time reads `—`.
 */
export function relativeTime(ts: number, now: number): string {
  if (!Number.isFinite(ts) || !Number.isFinite(now)) return '—';
  const seconds = Math.max(0, Math.floor((now - ts) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

// One formatter for the page: toLocaleString with options builds a new one per call, which shows
// up in profiles when feeds re-render under a busy stream.
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Full local date and time, for a `title` beside a relative time. */
export function absoluteTime(ts: number): string {
  if (!Number.isFinite(ts)) return '';
  return fullDateTime.format(ts);
}

/** ISO string for `<time dateTime>`, or undefined for an invalid time. */
export function isoTime(ts: number): string | undefined {
  if (!Number.isFinite(ts)) return undefined;
  const date = new Date(ts);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
