import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe(KeyedQueue.name, () => {
  it('runs one key\'s tasks in the order queued, the later never before the earlier has finished', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const slow = queue.run('u1', async () => {
      log.push('slow start');
      await tick();
      await tick();
      log.push('slow end');
    });
    const fast = queue.run('u1', () => {
      log.push('fast');
      return Promise.resolve();
    });
    await Promise.all([slow, fast]);
    expect(log).toEqual(['slow start', 'slow end', 'fast']);
  });

  it('lets another key run meanwhile', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const blocked = queue.run('u1', () => new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('u1')));
    await queue.run('u2', () => Promise.resolve(void log.push('u2')));
    release();
    await blocked;
    expect(log).toEqual(['u2', 'u1']);
  });

  it('runs the next task after one that failed, and hands each caller its own outcome', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('u1', () => Promise.reject(new Error('redis down')));
    const next = queue.run('u1', () => Promise.resolve(42));
    await expect(failed).rejects.toThrow('redis down');
    await expect(next).resolves.toBe(42);
  });

  it('forgets a key once its tasks have run', async () => {
    const queue = new KeyedQueue();
    await queue.run('u1', () => Promise.resolve());
    await tick();
    expect(queue.pending).toBe(0);
  });
});
