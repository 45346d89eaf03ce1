import { describe, expect, it } from 'vitest';
import type { HeatmapTile } from '@marketswarm/shared/models';
import { CandleStore } from './candle-store';
import { FeedStore } from './feed-store';
import { FrameNotifier } from './frame-notifier';
import { HeatmapStore } from './heatmap-store';
import { KeyedStore } from './keyed-store';

/** A notifier whose frames run when the test says so. */
function manualFrames() {
  const queue: Array<() => void> = [];
  return { notifier: new FrameNotifier((fn) => queue.push(fn)), flush: () => queue.splice(0).forEach((fn) => fn()), queued: () => queue.length };
}

const tile = (strike: number, debit: number): HeatmapTile =>
  ({ key: `butterfly-call:0:10:${strike}`, strategy: 'butterfly-call', dte: 0, width: 10, strike, debit, maxProfit: 10 - debit, maxLoss: debit, rewardRisk: (10 - debit) / debit, expiry: 0 });

describe('FrameNotifier', () => {
  it('notifies once per frame however many changes arrive', () => {
    const frames = manualFrames();
    let calls = 0;
    frames.notifier.subscribe(() => calls++);
    for (let i = 0; i < 50; i++) frames.notifier.notify();
    expect(frames.queued()).toBe(1);
    frames.flush();
    expect(calls).toBe(1);
    frames.notifier.notify();
    frames.flush();
    expect(calls).toBe(2);
  });
});

describe('KeyedStore', () => {
  it('keeps the latest value per key and a stable snapshot until something changes', () => {
    const store = new KeyedStore<number>(manualFrames().notifier);
    store.set('SPX', 1);
    store.set('SPX', 2);
    store.set('NDX', 3);
    const all = store.getAll();
    expect([...all]).toEqual([
      ['SPX', 2],
      ['NDX', 3],
    ]);
    expect(store.getAll()).toBe(all);
    store.set('RUT', 4);
    expect(store.getAll()).not.toBe(all);
    store.clear();
    expect(store.getAll().size).toBe(0);
  });
});

describe('FeedStore', () => {
  it('puts the newest first, drops repeats by key and stays bounded', () => {
    const feed = new FeedStore<{ id: string }>((i) => i.id, 3);
    expect(feed.add({ id: 'a' })).toBe(true);
    feed.add({ id: 'b' });
    expect(feed.add({ id: 'a' })).toBe(false);
    feed.add({ id: 'c' });
    feed.add({ id: 'd' });
    expect(feed.getItems().map((i) => i.id)).toEqual(['d', 'c', 'b']);
    // 'a' fell off the end, so it is new again.
    expect(feed.add({ id: 'a' })).toBe(true);
  });
});

describe('HeatmapStore', () => {
  it('applies a snapshot then in-order diffs, notifying only the touched cells', () => {
    const store = new HeatmapStore();
    store.apply({ symbol: 'SPX', version: 1, kind: 'snapshot', tiles: { [tile(5000, 2).key]: tile(5000, 2), [tile(5010, 3).key]: tile(5010, 3) } });
    const touched: string[] = [];
    store.subscribeTile('SPX', tile(5000, 2).key, () => touched.push('5000'));
    store.subscribeTile('SPX', tile(5010, 3).key, () => touched.push('5010'));
    store.apply({ symbol: 'SPX', version: 2, kind: 'diff', tiles: { [tile(5000, 2.5).key]: tile(5000, 2.5) }, removed: [] });
    expect(store.tile('SPX', tile(5000, 0).key)?.debit).toBe(2.5);
    expect(store.version('SPX')).toBe(2);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(touched).toEqual(['5000']);
        resolve();
      }, 40),
    );
  });

  it('asks once for a resync on a gap, keeps the diffs meanwhile and replays the newer ones on the snapshot', () => {
    const gaps: string[] = [];
    const store = new HeatmapStore((s) => gaps.push(s));
    const key = tile(5000, 0).key;
    const diff = (version: number, debit: number) => ({ symbol: 'SPX', version, kind: 'diff' as const, tiles: { [key]: tile(5000, debit) }, removed: [] });
    store.apply({ symbol: 'SPX', version: 5, kind: 'snapshot', tiles: { [key]: tile(5000, 2) } });
    store.apply(diff(5, 9)); // already held: ignored
    expect(store.tile('SPX', key)?.debit).toBe(2);
    store.apply(diff(7, 7)); // 6 is missing
    store.apply(diff(8, 8));
    store.apply(diff(6, 6));
    expect(gaps).toEqual(['SPX']);
    expect(store.version('SPX')).toBe(5);
    store.apply({ symbol: 'SPX', version: 7, kind: 'snapshot', tiles: { [key]: tile(5000, 7) } });
    expect(store.version('SPX')).toBe(8);
    expect(store.tile('SPX', key)?.debit).toBe(8);
    store.endResync('SPX');
    store.apply(diff(10, 10));
    expect(gaps).toEqual(['SPX', 'SPX']);
  });

  it('never rolls a grid back to an older snapshot, and a diff without any grid asks for one', () => {
    const gaps: string[] = [];
    const store = new HeatmapStore((s) => gaps.push(s));
    store.apply({ symbol: 'SPX', version: 3, kind: 'diff', tiles: {}, removed: [] });
    expect(gaps).toEqual(['SPX']);
    store.apply({ symbol: 'SPX', version: 9, kind: 'snapshot', tiles: { [tile(5000, 2).key]: tile(5000, 2) } });
    store.apply({ symbol: 'SPX', version: 4, kind: 'snapshot', tiles: {} });
    expect(store.version('SPX')).toBe(9);
    expect(store.tiles('SPX')?.size).toBe(1);
    store.apply({ symbol: 'SPX', version: 10, kind: 'diff', tiles: {}, removed: [tile(5000, 0).key] });
    expect(store.tiles('SPX')?.size).toBe(0);
  });

  it('changes its structure version on snapshots and new tiles, not on value updates', () => {
    const store = new HeatmapStore();
    const v0 = store.getStructureVersion();
    store.apply({ symbol: 'SPX', version: 1, kind: 'snapshot', tiles: { [tile(5000, 2).key]: tile(5000, 2) } });
    const v1 = store.getStructureVersion();
    expect(v1).toBeGreaterThan(v0);
    store.apply({ symbol: 'SPX', version: 2, kind: 'diff', tiles: { [tile(5000, 3).key]: tile(5000, 3) }, removed: [] });
    expect(store.getStructureVersion()).toBe(v1);
    store.apply({ symbol: 'SPX', version: 3, kind: 'diff', tiles: { [tile(5020, 3).key]: tile(5020, 3) }, removed: [] });
    expect(store.getStructureVersion()).toBeGreaterThan(v1);
  });
});

describe('CandleStore', () => {
  const c = (t: number, close: number) => ({ t, o: close, h: close, l: close, c: close });

  it('appends new buckets, replaces the open one and tells subscribers each time', () => {
    const store = new CandleStore();
    const seen: number[] = [];
    store.subscribe('SPX', '1m', (candle) => seen.push(candle.c));
    store.upsert('SPX', '1m', c(60_000, 1));
    store.upsert('SPX', '1m', c(60_000, 2));
    store.upsert('SPX', '1m', c(120_000, 3));
    expect(store.get('SPX', '1m').map((x) => x.c)).toEqual([2, 3]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('merges history under streamed candles and keeps an older final bucket in place without notifying', () => {
    const store = new CandleStore(3);
    const seen: number[] = [];
    store.subscribe('SPX', '1m', (candle) => seen.push(candle.t));
    store.upsert('SPX', '1m', c(180_000, 30));
    store.seed('SPX', '1m', [c(0, 1), c(60_000, 2), c(120_000, 3), c(180_000, 99)]);
    expect(store.get('SPX', '1m').map((x) => [x.t, x.c])).toEqual([
      [60_000, 2],
      [120_000, 3],
      [180_000, 30],
    ]);
    store.upsert('SPX', '1m', c(120_000, 4));
    expect(store.get('SPX', '1m').map((x) => x.c)).toEqual([2, 4, 30]);
    expect(seen).toEqual([180_000]);
  });
});
