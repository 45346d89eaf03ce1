import type { AdminHeartbeat, AdminServiceRow, TruthChange, WatchReportState } from '@marketswarm/shared/dto';

/** Shown for a value nobody measured (a stale watch, a bus that did not answer). */
export const NONE = '—';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** 1 decimal from KiB up, whole bytes below. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return NONE;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** Seconds with one decimal under a minute, then whole minutes, hours, days. */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NONE;
  const s = Math.max(0, seconds);
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** A gateway's read position against the producer's: level, or how far behind. */
export function formatLag(lagMs: number | null, behind: boolean): string {
  if (lagMs === null) return NONE;
  if (!behind) return 'level';
  return lagMs < 1000 ? `${lagMs} ms behind` : `${(lagMs / 1000).toFixed(1)} s behind`;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export function statusTone(status: AdminServiceRow['status'] | AdminHeartbeat['state']): Tone {
  switch (status) {
    case 'healthy':
    case 'fresh':
      return 'ok';
    case 'degraded':
    case 'stale':
      return 'warn';
    case 'down':
    case 'failed':
    case 'missing':
      return 'bad';
    case 'unknown':
      return 'muted';
  }
}

/** Why the page shows no scores, or when the watch last reported. */
export function watchSummary(state: WatchReportState, ageSec: number | null): string {
  switch (state) {
    case 'fresh':
      return `Watch reported ${formatAge(ageSec)} ago.`;
    case 'stale':
      return `The watch's last report is ${formatAge(ageSec)} old: it is not running or hung; scores are not shown.`;
    case 'absent':
      return 'The watch is not running (no report): scores are not shown, heartbeats are.';
  }
}

const CHANGE_WORDS: Record<TruthChange['change'], string> = {
  added: 'only in the files',
  removed: 'only loaded',
  changed: 'changed',
};

export function describeChange(change: TruthChange['change']): string {
  return CHANGE_WORDS[change];
}

/** A JSON value on one line, cut at `max` characters. */
export function formatJsonValue(value: unknown, max = 60): string {
  if (value === undefined) return NONE;
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** YYYY-MM-DD HH:MM:SS in the browser's zone, for recovery log lines. */
export function formatClock(ts: number): string {
  const d = new Date(ts);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
