import type { AlertItem } from '../../stores/workspace-stores';

export type Severity = AlertItem['severity'];

/**
 * Alerts stamped this long before the page mounted are history even if they arrive after it: the
 * stream's first snapshot can land a moment after mount and must not pop up or count as unread.
 * Compared with the mount time, not the clock, so alerts resumed after a dropped connection still count.
 */
export const HISTORY_BEFORE_MOUNT_MS = 120_000;

/** Whether an alert was stamped well before the page mounted (see HISTORY_BEFORE_MOUNT_MS). */
export function isHistory(alert: AlertItem, mountedAt: number, historyMs = HISTORY_BEFORE_MOUNT_MS): boolean {
  return alert.ts < mountedAt - historyMs;
}

export const MAX_TOASTS = 4;

/**
 * The visible toasts after `arrivals` (newest first) pop up: newest first, at most `max`. To make
 * room the oldest non-critical toast goes first; critical ones go only when all are critical.
 */
export function pushToasts(current: readonly AlertItem[], arrivals: readonly AlertItem[], max = MAX_TOASTS): AlertItem[] {
  const ids = new Set(arrivals.map((a) => a.id));
  const next = [...arrivals, ...current.filter((a) => !ids.has(a.id))];
  while (next.length > Math.max(0, max)) {
    let drop = next.length - 1;
    for (let i = next.length - 1; i >= 0; i--) {
      if (next[i]?.severity !== 'critical') {
        drop = i;
        break;
      }
    }
    next.splice(drop, 1);
  }
  return next;
}

/** Alerts that are unread: not in `read` and not history (stamped well before `mountedAt`). */
export function countUnread(items: readonly AlertItem[], read: ReadonlySet<string>, mountedAt: number, historyMs = HISTORY_BEFORE_MOUNT_MS): number {
  let n = 0;
  for (const alert of items) if (!read.has(alert.id) && !isHistory(alert, mountedAt, historyMs)) n++;
  return n;
}

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { info: 'Info', warning: 'Warning', critical: 'Critical' };

/** The payload defaults severity to info; be as forgiving with anything unexpected. */
export const severityOf = (alert: AlertItem): Severity =>
  alert.severity === 'critical' || alert.severity === 'warning' ? alert.severity : 'info';
