import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { encodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { lastStreamSeq, SEQ_RESUME_TAIL, SeqCounter } from './seq-counter.js';

type Entry = [string, string[]];

/** XREVRANGE key + - COUNT n over entries given oldest first; records the COUNT asked for. */
function tail(entries: Entry[]): { redis: Pick<Redis, 'xrevrange'>; counts: number[] } {
  const counts: number[] = [];
  const xrevrange = (_key: string, _end: string, _start: string, _count: 'COUNT', count: number) => {
    counts.push(count);
    return Promise.resolve([...entries].reverse().slice(0, count));
  };
  return { redis: { xrevrange } as unknown as Pick<Redis, 'xrevrange'>, counts };
}

let n = 0;
const vexy = (seq?: number): Entry => {
  const event = { topic: 'vexy', type: 'level', ts: 1_700_000_000_000, data: { text: `line ${n}`, kind: 'level', ...(seq === undefined ? {} : { seq }) } } as TypedEvent;
  return [`${++n}-0`, encodeStreamEntry(event)];
};

describe(SeqCounter.name, () => {
  it('hands out consecutive numbers from where it starts', () => {
    const seq = new SeqCounter(7);
    expect(seq.peek()).toBe(7);
    expect([seq.next(), seq.next(), seq.next()]).toEqual([7, 8, 9]);
    expect(seq.peek()).toBe(10);
    expect(new SeqCounter().next()).toBe(0);
  });

  it('starts at 0 on an empty stream or one whose entries carry no seq', async () => {
    expect((await SeqCounter.resume(tail([]).redis, 's')).peek()).toBe(0);
    expect((await SeqCounter.resume(tail([vexy(), vexy()]).redis, 's')).peek()).toBe(0);
  });

  it('continues after the highest seq in the newest 50 entries, whatever their order, skipping invalid ones', async () => {
    const { redis, counts } = tail([vexy(3), vexy(12), ['x-0', ['e', '{broken']], vexy(11), vexy(), ['y-0', ['e', JSON.stringify({ topic: 'vexy', seq: 999 })]]]);
    const seq = await SeqCounter.resume(redis, 's');
    expect(seq.next()).toBe(13);
    expect(counts).toEqual([SEQ_RESUME_TAIL]);
    expect(SEQ_RESUME_TAIL).toBe(50);
  });

  it('looks only at the tail it is given', async () => {
    const stream = tail([vexy(100), vexy(4), vexy(5)]);
    expect(await lastStreamSeq(stream.redis, 's', 2)).toBe(5);
    expect(await lastStreamSeq(stream.redis, 's', 3)).toBe(100);
  });
});
