import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { candleHistoryKey, readCandles } from '@marketswarm/shared/bus';
import { STREAM_FIELD } from '@marketswarm/shared/events';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { RedisMarketSink, type MarketEvent } from './market-sink.js';

const routes: Record<'spot' | 'candles', TopicRoute> = {
  spot: { topic: 'spot', bus: 'market', stream: 't:spot', maxlen: 1000, snapshot: 't:spot:latest', producers: ['massive'] },
  candles: { topic: 'candles', bus: 'market', stream: 't:candles', maxlen: 1000, snapshot: 't:candles:latest', producers: ['massive'] },
};
const T0 = Date.UTC(2026, 2, 2, 14, 30);
const tick = (symbol: string, price: number, seq: number): MarketEvent<'spot'> => ({ topic: 'spot', type: 'tick', ts: T0, data: { symbol, price, seq } });
const candle = (t: number, c: number, seq: number): MarketEvent<'candles'> => ({ topic: 'candles', type: 'candle', ts: t, data: { symbol: 'SPX', interval: '1m', t, o: c, h: c, l: c, c, v: 1, seq } });

describe(RedisMarketSink.name, () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let sink: RedisMarketSink;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    sink = new RedisMarketSink(redis, routes);
  });
  beforeEach(() => redis.flushall());
  afterAll(() => server.stop());

  it('resumes from nothing on an empty market', async () => {
    expect(await sink.lastSeq('spot')).toBeUndefined();
    expect(await sink.lastPrices()).toEqual({});
    expect(await sink.lastTicks()).toEqual([]);
    expect(await sink.recentCandles()).toEqual([]);
  });

  it('gives the highest seq and the latest price per symbol, skipping corrupt snapshot fields', async () => {
    await sink.publish('spot', [tick('SPX', 5000, 7), tick('NDX', 17_500, 8), tick('SPX', 5001.5, 9)]);
    await redis.hset(routes.spot.snapshot!, 'RUT', '{broken', 'VIX', JSON.stringify({ topic: 'spot', data: { symbol: 'VIX', price: 'high', seq: 99 } }));
    expect(await sink.lastSeq('spot')).toBe(9);
    expect(await sink.lastPrices()).toEqual({ SPX: 5001.5, NDX: 17_500 });
  });

  it('keeps published candles in the history set of their symbol and interval, a later version replacing the bar', async () => {
    await sink.publish('candles', [candle(T0, 5000, 0), candle(T0 + 60_000, 5001, 1), candle(T0, 4999, 2)]);
    expect(await readCandles(redis, routes.candles.stream, { symbol: 'SPX', interval: '1m', limit: 10 })).toEqual([
      { t: T0, o: 4999, h: 4999, l: 4999, c: 4999, v: 1 },
      { t: T0 + 60_000, o: 5001, h: 5001, l: 5001, c: 5001, v: 1 },
    ]);
    expect(await redis.zcard(candleHistoryKey(routes.candles.stream, 'SPX', '1m'))).toBe(2);
  });

  it('gives the latest tick per symbol with its time and the prior close it was published with', async () => {
    await sink.publish('spot', [tick('SPX', 5000, 1), { ...tick('SPX', 5001.5, 2), ts: T0 + 1000, data: { symbol: 'SPX', price: 5001.5, seq: 2, prevClose: 4990 } }, tick('NDX', 17_500, 3)]);
    const ticks = await sink.lastTicks();
    expect(ticks.sort((a, b) => a.symbol.localeCompare(b.symbol))).toEqual([
      { symbol: 'NDX', price: 17_500, ts: T0 },
      { symbol: 'SPX', price: 5001.5, ts: T0 + 1000, prevClose: 4990 },
    ]);
  });

  it("replays the candles stream oldest first as typed payloads, skipping entries that fail the contract", async () => {
    await sink.publish('candles', [candle(T0, 5000, 0)]);
    await redis.xadd(routes.candles.stream, '*', STREAM_FIELD, '{broken');
    await redis.xadd(routes.candles.stream, '*', STREAM_FIELD, JSON.stringify({ ...candle(T0, 1, 1), data: { ...candle(T0, 1, 1).data, interval: '2h' } }));
    await redis.xadd(routes.candles.stream, '*', STREAM_FIELD, JSON.stringify({ ...candle(T0, 1, 1), data: { ...candle(T0, 1, 1).data, t: 'soon' } }));
    await sink.publish('candles', [candle(T0 + 60_000, 5002, 2)]);
    expect((await sink.recentCandles()).map((c) => [c.interval, c.t, c.c, c.seq])).toEqual([
      ['1m', T0, 5000, 0],
      ['1m', T0 + 60_000, 5002, 2],
    ]);
    expect(await sink.lastSeq('candles')).toBe(2);
  });

  it('keeps bars in the history sets without publishing them to the stream', async () => {
    await sink.keepHistory([{ symbol: 'SPX', interval: '1h', t: T0, o: 1, h: 2, l: 1, c: 2 }]);
    expect(await redis.xlen(routes.candles.stream)).toBe(0);
    expect(await readCandles(redis, routes.candles.stream, { symbol: 'SPX', interval: '1h', limit: 10 })).toEqual([{ t: T0, o: 1, h: 2, l: 1, c: 2 }]);
  });

  it('finds the newest bar before an instant and the earliest from it on, over every interval, the coarsest at a tie', async () => {
    const hour = Date.UTC(2026, 2, 3, 20);
    const bar = (interval: '1m' | '5m' | '15m' | '1h', t: number, o: number, c: number) => ({ symbol: 'SPX', interval, t, o, h: Math.max(o, c), l: Math.min(o, c), c });
    expect(await sink.historyEdges('SPX', hour - 3600_000)).toEqual({});
    await sink.keepHistory([
      bar('1m', Date.UTC(2026, 2, 2, 20, 59), 4990, 4995),
      bar('1h', Date.UTC(2026, 2, 2, 20), 4980, 4995),
      bar('1m', hour + 5 * 60_000, 5010, 5011),
      bar('15m', hour, 5005, 5011),
      bar('1h', hour, 5005, 5011),
    ]);
    await redis.zadd(candleHistoryKey(routes.candles.stream, 'SPX', '5m'), hour - 1, '{broken');
    const edges = await sink.historyEdges('SPX', Date.UTC(2026, 2, 3, 5));
    expect(edges.before).toMatchObject({ interval: '1m', t: Date.UTC(2026, 2, 2, 20, 59), c: 4995 });
    expect(edges.after).toMatchObject({ interval: '1h', t: hour, o: 5005 });
    expect(await sink.historyEdges('NDX', hour)).toEqual({});
  });
});
