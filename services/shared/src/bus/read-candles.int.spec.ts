import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { encodeStreamEntry, type TypedEvent } from '../events/index.js';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import { candleHistoryKey, readCandles, writeCandleHistory, type HistoryCandle } from './read-candles.js';

const STREAM = '{t}:stream:candles';
const bar = (t: number, c: number, over: Partial<HistoryCandle> = {}): HistoryCandle => ({ symbol: 'SPX', interval: '1h', t, o: 100, h: 110, l: 90, c, v: 3, ...over });

describe('candle history sets', () => {
  let redis: Redis;
  useFreshSystemRedis((client) => (redis = client));

  it('answers from the history set, each bar in its latest version, oldest first', async () => {
    await writeCandleHistory(redis, STREAM, [bar(0, 101), bar(3_600_000, 102), bar(0, 105, { h: 120 }), bar(0, 7, { symbol: 'NDX' }), bar(0, 8, { interval: '1m' })]);
    expect(await readCandles(redis, STREAM, { symbol: 'SPX', interval: '1h', limit: 500 })).toEqual([
      { t: 0, o: 100, h: 120, l: 90, c: 105, v: 3 },
      { t: 3_600_000, o: 100, h: 110, l: 90, c: 102, v: 3 },
    ]);
    expect(await redis.zcard(candleHistoryKey(STREAM, 'SPX', '1h'))).toBe(2);
  });

  it('gives the newest `limit` bars from `since`, and keeps only the newest `keep` bars per set', async () => {
    await writeCandleHistory(redis, STREAM, Array.from({ length: 10 }, (_, i) => bar(i * 60_000, i)), 6);
    expect(await redis.zcard(candleHistoryKey(STREAM, 'SPX', '1h'))).toBe(6);
    expect((await readCandles(redis, STREAM, { symbol: 'SPX', interval: '1h', limit: 3 })).map((c) => c.c)).toEqual([7, 8, 9]);
    expect((await readCandles(redis, STREAM, { symbol: 'SPX', interval: '1h', limit: 500, since: 8 * 60_000 })).map((c) => c.c)).toEqual([8, 9]);
  });

  it('skips a corrupt bar and reports it', async () => {
    await writeCandleHistory(redis, STREAM, [bar(60_000, 1)]);
    await redis.zadd(candleHistoryKey(STREAM, 'SPX', '1h'), 0, '{broken', 1, JSON.stringify({ t: 1, o: 'x' }));
    const skipped: string[] = [];
    expect(await readCandles(redis, STREAM, { symbol: 'SPX', interval: '1h', limit: 500 }, { onSkip: (r) => skipped.push(r) })).toHaveLength(1);
    expect(skipped).toHaveLength(2);
  });

  it('falls back to the candles stream when no history set exists', async () => {
    const event = { topic: 'candles', type: 'candle', ts: 1, data: { symbol: 'SPX', interval: '1h', t: 0, o: 1, h: 2, l: 0.5, c: 1.5 } } as TypedEvent;
    await redis.xadd(STREAM, '*', ...encodeStreamEntry(event));
    expect(await readCandles(redis, STREAM, { symbol: 'SPX', interval: '1h', limit: 500 })).toEqual([{ t: 0, o: 1, h: 2, l: 0.5, c: 1.5 }]);
  });
});
