import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishEvents } from '@marketswarm/shared/bus';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { loadRepoTruth, startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import { MarketReader } from './market-reader.js';
import { marketRoutesOf } from './market.module.js';

// 2026-12-04 (a Friday) 10:00 New York = 15:00 UTC.
const TEN_AM = Date.UTC(2026, 11, 4, 15, 0);
const MIN = 60_000;

describe(MarketReader.name, () => {
  let server: RedisServerHandle;
  let market: Redis;
  let topics: Record<string, TopicRoute>;
  let reader: MarketReader;

  beforeAll(async () => {
    server = await startRedisServer();
    market = server.client();
    // The repository's truth gives the keys the producer writes and the reader reads.
    topics = (await loadRepoTruth(market)).truth.topics;
  });
  afterAll(async () => server.stop());
  beforeEach(async () => {
    await market.del(...Object.values(topics).flatMap((r) => [r.stream, ...(r.snapshot ? [r.snapshot] : [])]));
    reader = new MarketReader(market, marketRoutesOf(topics));
  });

  const route = (topic: string): TopicRoute => {
    const r = topics[topic];
    if (!r) throw new Error(`truth routes no ${topic}`);
    return r;
  };

  it('reads the latest spot, GEX, heatmap, mode and bias of a symbol from the snapshot hashes', async () => {
    await publishEvents(market, route('spot'), [
      { topic: 'spot', type: 'tick', ts: TEN_AM, data: { symbol: 'SPX', price: 6000 } },
      { topic: 'spot', type: 'tick', ts: TEN_AM + 1000, data: { symbol: 'SPX', price: 6001.5 } },
      { topic: 'spot', type: 'tick', ts: TEN_AM + 1000, data: { symbol: 'NDX', price: 21000 } },
    ]);
    await publishEvents(market, route('gex'), [{ topic: 'gex', type: 'model', ts: TEN_AM, data: { symbol: 'SPX', strikes: [{ strike: 6000, call: 5, put: -2 }], callWall: 6050, putWall: 5950, flip: 5980 } }]);
    const tile = { key: 'bf-c:0:10:6000', strategy: 'butterfly-call' as const, dte: 0, width: 10, strike: 6000, debit: 2.5, maxProfit: 7.5, maxLoss: 2.5, rewardRisk: 3, expiry: TEN_AM + 6 * 3_600_000 };
    await publishEvents(market, route('heatmap'), [{ topic: 'heatmap', type: 'snapshot', ts: TEN_AM, data: { symbol: 'SPX', version: 1, kind: 'snapshot', tiles: { [tile.key]: tile } } }]);
    await publishEvents(market, route('mode'), [{ topic: 'mode', type: 'model', ts: TEN_AM, data: { mode: 'compression', score: 20 } }]);
    await publishEvents(market, route('bias'), [{ topic: 'bias', type: 'model', ts: TEN_AM, data: { symbol: 'SPX', bias: 0.25, lfi: 1.2 } }]);

    expect(await reader.spot('SPX')).toMatchObject({ ts: TEN_AM + 1000, data: { symbol: 'SPX', price: 6001.5 } });
    expect(await reader.gex('SPX')).toMatchObject({ data: { callWall: 6050, putWall: 5950, flip: 5980 } });
    expect(Object.keys((await reader.heatmap('SPX'))?.data.tiles ?? {})).toEqual([tile.key]);
    // A mode without a symbol is the market's: it answers for any symbol.
    expect(await reader.mode('SPX')).toMatchObject({ data: { mode: 'compression', score: 20 } });
    expect(await reader.bias('SPX')).toMatchObject({ data: { bias: 0.25, lfi: 1.2 } });
    expect(await reader.gex('NDX')).toBeNull();
  });

  it('skips and counts a snapshot entry that fails the contract instead of throwing', async () => {
    const spot = route('spot');
    await market.hset(spot.snapshot ?? '', 'SPX', JSON.stringify({ topic: 'spot', type: 'tick', ts: TEN_AM, data: { symbol: 'SPX', price: -1 } }));
    expect(await reader.spot('SPX')).toBeNull();
    expect(reader.skipped()).toEqual({ spot: 1 });
  });

  it("returns today's bars of one symbol and interval oldest first, each in its newest version", async () => {
    const bar = (t: number, c: number, v: number, symbol = 'SPX', interval: '1m' | '5m' = '1m') =>
      ({ topic: 'candles', type: 'bar', ts: t + 30_000, data: { symbol, interval, t, o: 6000, h: Math.max(6000, c), l: Math.min(6000, c), c, v } }) as const;
    const yesterday = TEN_AM - 24 * 3_600_000;
    await publishEvents(market, route('candles'), [
      bar(yesterday, 5990, 10),
      bar(TEN_AM, 6001, 100),
      bar(TEN_AM, 6002, 150), // the 10:00 bar grew: this version wins
      bar(TEN_AM + MIN, 6003, 80),
      bar(TEN_AM + MIN, 6010, 999, 'NDX'),
      bar(TEN_AM, 6004, 500, 'SPX', '5m'),
      bar(TEN_AM + 2 * MIN, 6005, 70),
    ]);
    await market.xadd(route('candles').stream, '*', 'e', 'not json');

    const all = await reader.candles('SPX', '1m', 10, TEN_AM + 3 * MIN);
    expect(all.map((c) => [c.t, c.c, c.v])).toEqual([
      [TEN_AM, 6002, 150],
      [TEN_AM + MIN, 6003, 80],
      [TEN_AM + 2 * MIN, 6005, 70],
    ]);
    expect((await reader.candles('SPX', '1m', 2, TEN_AM + 3 * MIN)).map((c) => c.t)).toEqual([TEN_AM + MIN, TEN_AM + 2 * MIN]);
    expect(reader.skipped()['candles']).toBeGreaterThanOrEqual(1);
  });

  it('returns the spot trail of one symbol since a time, oldest first', async () => {
    const spot = route('spot');
    const ids: string[] = [];
    for (const [i, price] of [6000, 6001, 6002, 6003].entries()) {
      ids.push(...(await publishEvents(market, spot, [{ topic: 'spot', type: 'tick', ts: TEN_AM + i * 1000, data: { symbol: 'SPX', price } }])));
      await publishEvents(market, spot, [{ topic: 'spot', type: 'tick', ts: TEN_AM + i * 1000, data: { symbol: 'VIX', price: 15 } }]);
    }
    const since = Number(ids[2]?.split('-')[0]);
    const trail = await reader.spotTrail('SPX', since);
    // Entries written in the same millisecond as the third are included too: the bound is by stream time.
    expect(trail.map((p) => p.price).slice(-2)).toEqual([6002, 6003]);
    expect(trail.every((p) => p.price >= 6000)).toBe(true);
    expect((await reader.spotTrail('SPX', 0)).map((p) => p.price)).toEqual([6000, 6001, 6002, 6003]);
    expect(await reader.spotTrail('SPX', Date.now() + 60_000)).toEqual([]);
  });

  it('extends a trail after the last entry it holds, by exclusive stream id', async () => {
    const spot = route('spot');
    const [first] = await publishEvents(market, spot, [{ topic: 'spot', type: 'tick', ts: TEN_AM, data: { symbol: 'SPX', price: 6000 } }]);
    await publishEvents(market, spot, [{ topic: 'spot', type: 'tick', ts: TEN_AM + 1000, data: { symbol: 'SPX', price: 6001 } }]);
    const after = await reader.spotTrail('SPX', `(${first ?? ''}`);
    expect(after.map((p) => [p.ts, p.price])).toEqual([[TEN_AM + 1000, 6001]]);
  });
});
