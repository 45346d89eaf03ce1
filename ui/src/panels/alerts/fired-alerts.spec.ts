import { describe, expect, it } from 'vitest';
import type { AlertItem } from '../../stores/workspace-stores';
import { HISTORY_BEFORE_MOUNT_MS } from './arrivals';
import { firedItem, firedToToast, looksFired } from './fired-alerts';
import { ShownHits } from './shown-hits';

const MOUNT = Date.UTC(2026, 0, 5, 15, 30);
const payload = { id: 'hit-1', alertId: 'al-1', kind: 'price', message: 'SPX crossed 5000', severity: 'critical' as const, value: 5001, symbol: 'SPX', firedAt: MOUNT + 1_000 };
const storage = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};
const item = (id: string, ts: number): AlertItem => ({ id, message: id, severity: 'info', ts });

describe(firedItem.name, () => {
  it('turns a fired event into a toast item stamped with when it was published, keeping the tick time for display', () => {
    expect(firedItem({ type: 'fired', ts: MOUNT + 2_000, data: payload })).toMatchObject({ id: 'hit-1', message: 'SPX crossed 5000', severity: 'critical', ts: MOUNT + 2_000, firedAt: MOUNT + 1_000 });
  });

  it('ignores every other alerts event', () => {
    expect(firedItem({ type: 'update', ts: MOUNT, data: payload })).toBeUndefined();
    expect(firedItem({ type: 'created', ts: MOUNT, data: { id: 'a', message: 'made', severity: 'info' } })).toBeUndefined();
  });
});

describe(looksFired.name, () => {
  it('recognises a fired payload in the feed by its alert id and fire time', () => {
    expect(looksFired({ ...payload, ts: MOUNT })).toBe(true);
    expect(looksFired(item('plain', MOUNT))).toBe(false);
  });
});

describe(firedToToast.name, () => {
  it('toasts a hit once, and not again on a reload that gets the same snapshot', () => {
    const store = storage();
    const first = new ShownHits(store);
    expect(firedToToast([item('hit-1', MOUNT + 1_000)], first, MOUNT, MOUNT + 1_000).map((a) => a.id)).toEqual(['hit-1']);
    expect(firedToToast([item('hit-1', MOUNT + 1_000)], first, MOUNT, MOUNT + 2_000)).toEqual([]);
    const reload = new ShownHits(store);
    expect(firedToToast([item('hit-1', MOUNT + 1_000)], reload, MOUNT + 30_000, MOUNT + 30_000)).toEqual([]);
  });

  it('toasts a hit published after the page mounted whose tick is long before it (a restarted copilot catching up)', () => {
    const shown = new ShownHits(storage());
    const late = firedItem({ type: 'fired', ts: MOUNT + 5_000, data: { ...payload, firedAt: MOUNT - 10 * 60_000 } });
    expect(late).toBeDefined();
    expect(firedToToast(late ? [late] : [], shown, MOUNT, MOUNT + 5_000).map((a) => a.id)).toEqual(['hit-1']);
  });

  it('does not toast a hit published well before the page mounted', () => {
    const shown = new ShownHits(storage());
    const old = item('old', MOUNT - HISTORY_BEFORE_MOUNT_MS - 1);
    const recent = item('recent', MOUNT - 30_000);
    expect(firedToToast([old, recent], shown, MOUNT, MOUNT).map((a) => a.id)).toEqual(['recent']);
  });
});
