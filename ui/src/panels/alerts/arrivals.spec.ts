import { describe, expect, it } from 'vitest';
import type { AlertItem } from '../../stores/workspace-stores';
import { countUnread, HISTORY_BEFORE_MOUNT_MS, isHistory, pushToasts, severityOf } from './arrivals';

const MOUNT = 1_000_000_000;
const alert = (id: string, severity: AlertItem['severity'] = 'info', ts = MOUNT): AlertItem => ({ id, message: `m-${id}`, severity, ts });
const ids = (items: readonly AlertItem[]): string[] => items.map((a) => a.id);

describe(isHistory.name, () => {
  it('treats alerts stamped well before mount as history, but not ones stamped after it or just before', () => {
    expect(isHistory(alert('snap', 'critical', MOUNT - HISTORY_BEFORE_MOUNT_MS - 1), MOUNT)).toBe(true);
    expect(isHistory(alert('recent', 'info', MOUNT - 5_000), MOUNT)).toBe(false);
    expect(isHistory(alert('resumed', 'info', MOUNT + 3_600_000), MOUNT)).toBe(false);
  });
});

describe(pushToasts.name, () => {
  it('puts arrivals first and keeps at most four', () => {
    const shown = pushToasts([alert('c'), alert('b'), alert('a')], [alert('e'), alert('d')]);
    expect(ids(shown)).toEqual(['e', 'd', 'c', 'b']);
  });

  it('drops the oldest non-critical toast before any critical one', () => {
    const shown = pushToasts([alert('c', 'critical'), alert('b', 'info'), alert('a', 'critical'), alert('z', 'critical')], [alert('d')]);
    expect(ids(shown)).toEqual(['d', 'c', 'a', 'z']);
    const allCritical = pushToasts([alert('c', 'critical'), alert('b', 'critical'), alert('a', 'critical'), alert('z', 'critical')], [alert('d', 'critical')]);
    expect(ids(allCritical)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('does not show the same alert twice', () => {
    expect(ids(pushToasts([alert('a')], [alert('a')]))).toEqual(['a']);
  });
});

describe(countUnread.name, () => {
  it('counts alerts neither read nor history', () => {
    const items = [alert('c'), alert('b'), alert('a', 'info', MOUNT - HISTORY_BEFORE_MOUNT_MS - 1)];
    expect(countUnread(items, new Set(), MOUNT)).toBe(2);
    expect(countUnread(items, new Set(['c']), MOUNT)).toBe(1);
  });
});

describe('severityOf', () => {
  it('falls back to info', () => {
    expect(severityOf(alert('a', 'critical'))).toBe('critical');
    expect(severityOf({ ...alert('a'), severity: 'bogus' as AlertItem['severity'] })).toBe('info');
  });
});
