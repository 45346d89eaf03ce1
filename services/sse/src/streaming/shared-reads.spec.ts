import { describe, expect, it } from 'vitest';
import { SharedReads } from './shared-reads.js';

describe(SharedReads.name, () => {
  it('sends one read for every caller of the same key in one turn, and gives each the answer', async () => {
    const reads = new SharedReads();
    let sent = 0;
    const run = () => Promise.resolve(++sent);
    const answers = await Promise.all([reads.read('bounds:vexy', run), reads.read('bounds:vexy', run), reads.read('bounds:vexy', run)]);
    expect(answers).toEqual([1, 1, 1]);
    expect(sent).toBe(1);
  });

  it('sends different keys apart', async () => {
    const reads = new SharedReads();
    const answers = await Promise.all([reads.read('a', () => Promise.resolve('A')), reads.read('b', () => Promise.resolve('B'))]);
    expect(answers).toEqual(['A', 'B']);
  });

  it('never hands a caller the answer of a read sent before it asked', async () => {
    const reads = new SharedReads();
    let sent = 0;
    let release: () => void = () => undefined;
    const slow = () => new Promise<number>((resolve) => (release = () => resolve(++sent)));
    const first = reads.read('k', slow);
    await new Promise((r) => setImmediate(r));
    // The first read is on its way: a later caller gets a read of its own.
    const second = reads.read('k', () => Promise.resolve(++sent + 100));
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(102);
  });

  it('passes a failed read to every caller that shared it', async () => {
    const reads = new SharedReads();
    const run = () => Promise.reject(new Error('redis went away'));
    const results = await Promise.allSettled([reads.read('k', run), reads.read('k', run)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
