import { describe, expect, it } from 'vitest';
import { forEachLane, lanesBy } from './bounded-concurrency.js';

/** A task that waits until the test releases it, so the spec decides the interleaving. */
function gate() {
  const waiting = new Map<string, () => void>();
  const started: string[] = [];
  return {
    started,
    task: (item: string) =>
      new Promise<void>((resolve) => {
        started.push(item);
        waiting.set(item, resolve);
      }),
    release: async (item: string) => {
      waiting.get(item)?.();
      // Lets the worker that awaited it take its next item.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe(forEachLane.name, () => {
  it('keeps at most `limit` tasks in flight, one per lane', async () => {
    const g = gate();
    const done = forEachLane([['a1', 'a2'], ['b1'], ['c1']], 2, g.task);
    await Promise.resolve();
    expect(g.started).toEqual(['a1', 'b1']);
    await g.release('b1');
    expect(g.started).toEqual(['a1', 'b1', 'c1']);
    await g.release('a1');
    expect(g.started).toEqual(['a1', 'b1', 'c1', 'a2']);
    await g.release('c1');
    await g.release('a2');
    await done;
  });

  it('runs the items of one lane in order, never two of them at once', async () => {
    const g = gate();
    const done = forEachLane([['x1', 'x2', 'x3']], 16, g.task);
    await Promise.resolve();
    expect(g.started).toEqual(['x1']);
    await g.release('x1');
    expect(g.started).toEqual(['x1', 'x2']);
    await g.release('x2');
    await g.release('x3');
    await done;
    expect(g.started).toEqual(['x1', 'x2', 'x3']);
  });

  it('rejects with the first error only after every started task ended, and starts nothing new after it', async () => {
    const g = gate();
    let settled = false;
    const done = forEachLane([['bad'], ['slow'], ['later']], 2, (item) => (item === 'bad' ? Promise.reject(new Error('outbox down')) : g.task(item))).finally(() => (settled = true));
    done.catch(() => undefined);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(settled).toBe(false);
    await g.release('slow');
    await expect(done).rejects.toThrow('outbox down');
    expect(g.started).toEqual(['slow']);
  });
});

describe(lanesBy.name, () => {
  it('groups items by key, keeping each group in its original order', () => {
    expect(lanesBy(['a:1', 'b:1', 'a:2', 'c:1', 'b:2'], (s) => s.split(':')[0] ?? '')).toEqual([['a:1', 'a:2'], ['b:1', 'b:2'], ['c:1']]);
  });
});
