import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { STREAM_FIELD } from '../events/stream-codec.js';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import type { TopicRoute } from '../truth/truth-doc.schema.js';
import { publishEvents } from './publish-event.js';
import { lastPublishedSeq, SEQ_RESUME_TAIL, SeqCounter } from './seq-counter.js';

const spotRoute: TopicRoute = { topic: 'spot', bus: 'market', stream: 't:spot', maxlen: 1000, snapshot: 't:spot:latest', producers: ['test'] };
const gexRoute: TopicRoute = { topic: 'gex', bus: 'market', stream: 't:gex', maxlen: 1000, snapshot: 't:gex:latest', producers: ['test'] };
const vexyRoute: TopicRoute = { topic: 'vexy', bus: 'intel', stream: 't:vexy', maxlen: 1000, producers: ['test'] };

const tick = (symbol: string, seq?: number) => ({ topic: 'spot' as const, type: 'tick', ts: 1_700_000_000_000, data: { symbol, price: 5000, ...(seq === undefined ? {} : { seq }) } });
const line = (seq?: number) => ({ topic: 'vexy' as const, type: 'level', ts: 1_700_000_000_000, data: { text: 'SPX holds 5,000', ...(seq === undefined ? {} : { seq }) } });

describe(SeqCounter.name, () => {
  let redis: Redis;
  useFreshSystemRedis((client) => (redis = client));

  it('hands out consecutive numbers from where it starts', () => {
    const seq = new SeqCounter(7);
    expect(seq.peek()).toBe(7);
    expect([seq.next(), seq.next(), seq.next()]).toEqual([7, 8, 9]);
    expect(seq.peek()).toBe(10);
    expect(new SeqCounter().next()).toBe(0);
    expect(SeqCounter.after(undefined).peek()).toBe(0);
    expect(SeqCounter.after(41).peek()).toBe(42);
  });

  it('starts at 0 on a topic with nothing published, or nothing numbered', async () => {
    expect((await SeqCounter.resume(redis, spotRoute, vexyRoute)).peek()).toBe(0);
    await publishEvents(redis, spotRoute, [tick('SPX')]);
    await publishEvents(redis, vexyRoute, [line()]);
    expect((await SeqCounter.resume(redis, spotRoute, vexyRoute)).peek()).toBe(0);
  });

  it('continues a snapshot topic after the highest seq of any key, skipping corrupt snapshot fields', async () => {
    await publishEvents(redis, spotRoute, [tick('SPX', 3), tick('NDX', 12), tick('SPX', 11)]);
    await redis.hset(spotRoute.snapshot!, 'RUT', '{broken', 'VIX', JSON.stringify({ topic: 'spot', data: { seq: 999 } }));
    expect(await lastPublishedSeq(redis, spotRoute)).toBe(12);
    expect((await SeqCounter.resume(redis, spotRoute)).next()).toBe(13);
  });

  it('continues a topic without a snapshot after the highest seq in its newest 50 stream entries, skipping invalid ones', async () => {
    await publishEvents(redis, vexyRoute, [line(100), ...Array.from({ length: SEQ_RESUME_TAIL - 4 }, (_, i) => line(i)), line(12)]);
    await redis.xadd(vexyRoute.stream, '*', STREAM_FIELD, '{broken');
    await redis.xadd(vexyRoute.stream, '*', STREAM_FIELD, JSON.stringify({ topic: 'vexy', data: { seq: 999 } }));
    await redis.xadd(vexyRoute.stream, '*', STREAM_FIELD, JSON.stringify(line(7)));
    expect(SEQ_RESUME_TAIL).toBe(50);
    // 46 + 1 valid entries and 3 more are the newest 50: seq 100, the oldest, is outside them.
    expect(await lastPublishedSeq(redis, vexyRoute)).toBe(45);
  });

  it('numbers several topics with one counter after the highest of them', async () => {
    await publishEvents(redis, spotRoute, [tick('SPX', 4)]);
    await publishEvents(redis, gexRoute, [{ topic: 'gex', type: 'model', ts: 1, data: { symbol: 'SPX', strikes: [], seq: 9 } }]);
    expect((await SeqCounter.resume(redis, spotRoute, gexRoute)).peek()).toBe(10);
  });
});
