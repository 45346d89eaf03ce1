import type { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candleHistoryKey, readCandles } from '@marketswarm/shared/bus';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { MarketClock } from './market-clock.js';
import { createPublisherMetrics, MarketPublisher } from './market-publisher.js';
import { RedisMarketSink } from './market-sink.js';
import { backfillFirstStart } from './simulator-backfill.js';
import { SimulatorSource } from './simulator-source.js';

const routes: Record<'spot' | 'candles', TopicRoute> = {
  spot: { topic: 'spot', bus: 'market', stream: 't:spot', maxlen: 10_000, snapshot: 't:spot:latest', producers: ['massive'] },
  candles: { topic: 'candles', bus: 'market', stream: 't:candles', maxlen: 100_000, snapshot: 't:candles:latest', producers: ['massive'] },
};
const SYMBOLS = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];
const SEED = 42;
const clock = new MarketClock('demo');
// Tuesday 2026-03-03 15:15 New York: today runs from 00:00 (05:00Z), Monday's regular hours are 14:30Z–21:00Z.
const START = Date.parse('2026-03-03T20:15:00Z');

/** The producer's start-up as main.ts runs it (resume, simulator from the last prices, backfill), at a fixed time. */
async function startProducer(redis: Redis, now: number) {
  const sink = new RedisMarketSink(redis, routes);
  const publisher = new MarketPublisher({ sink, clock, logger: pino({ level: 'silent' }), metrics: createPublisherMetrics(new Registry()) });
  await publisher.resume(now);
  let time = now;
  const simulator = new SimulatorSource({ seed: SEED, symbols: SYMBOLS, intervalMs: 1000, clock, now: () => time, startPrices: await sink.lastPrices() });
  const backfill = await backfillFirstStart({ publisher, simulator, clock, seed: SEED, symbols: SYMBOLS, now });
  /** One live step a second later, published. */
  const liveStep = async () => {
    time += 1000;
    for (const tick of simulator.next()) publisher.accept(tick);
    await publisher.cycle();
  };
  return { backfill, liveStep };
}

async function spotTicks(redis: Redis, symbol: string) {
  const entries = await redis.xrange(routes.spot.stream, '-', '+');
  return entries.flatMap(([, fields]) => {
    const decoded = decodeStreamEntry(fields);
    return decoded.ok && decoded.event.topic === 'spot' && decoded.event.data.symbol === symbol ? [decoded.event.data] : [];
  });
}

describe('the simulator backfilling candle history on a first start', () => {
  let server: RedisServerHandle;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
  });
  afterAll(() => server.stop());

  let previousClose: number;

  it("publishes the previous session's and today's candles, so the 1h chart has many bars at once", async () => {
    const { backfill, liveStep } = await startProducer(redis, START);
    expect(backfill.windows.map((w) => w.session)).toEqual(['2026-03-02', '2026-03-03']);
    expect(await redis.xlen(routes.candles.stream)).toBe(backfill.candles);
    // What the gateway's history route reads for the chart: the history sets, 7 + 16 hours of SPX.
    expect(await redis.zcard(candleHistoryKey(routes.candles.stream, 'SPX', '1h'))).toBe(23);
    const hours = await readCandles(redis, routes.candles.stream, { symbol: 'SPX', interval: '1h', limit: 500 });
    const ofSession = (session: string) => hours.filter((c) => clock.at(c.t).session === session).map((c) => c.t);
    expect(ofSession('2026-03-02')).toEqual([14, 15, 16, 17, 18, 19, 20].map((h) => Date.UTC(2026, 2, 2, h)));
    expect(ofSession('2026-03-03')).toEqual(Array.from({ length: 16 }, (_, i) => Date.UTC(2026, 2, 3, 5 + i)));
    for (const interval of ['1m', '5m', '15m'] as const) {
      const candles = await readCandles(redis, routes.candles.stream, { symbol: 'NDX', interval, limit: 2000 });
      expect(new Set(candles.map((c) => clock.at(c.t).session))).toEqual(new Set(['2026-03-02', '2026-03-03']));
    }
    const latestHour = JSON.parse((await redis.hget(routes.candles.snapshot!, 'SPX:1h'))!) as { data: { t: number } };
    expect(latestHour.data.t).toBe(Date.UTC(2026, 2, 3, 20));

    const minutes = await readCandles(redis, routes.candles.stream, { symbol: 'SPX', interval: '1m', limit: 2000 });
    previousClose = minutes.filter((c) => clock.at(c.t).session === '2026-03-02').at(-1)!.c;
    const lastBackfilled = minutes.at(-1)!.c;

    await liveStep();
    const [first] = await spotTicks(redis, 'SPX');
    expect(first!.prevClose).toBe(previousClose);
    // The live ticks continue the backfilled path: one second of movement, no gap.
    expect(Math.abs(first!.price / lastBackfilled - 1)).toBeLessThan(0.002);
    const hour = JSON.parse((await redis.hget(routes.candles.snapshot!, 'SPX:1h'))!) as { data: { t: number; o: number } };
    expect(hour.data).toMatchObject({ t: Date.UTC(2026, 2, 3, 20), o: hours.at(-1)!.o });
  });

  it('does not backfill again after a restart, and keeps carrying the same prior close', async () => {
    const before = await redis.xlen(routes.candles.stream);
    const { backfill, liveStep } = await startProducer(redis, START + 60_000);
    expect(backfill).toEqual({ windows: [], candles: 0 });
    expect(await redis.xlen(routes.candles.stream)).toBe(before);
    await liveStep();
    const ticks = await spotTicks(redis, 'SPX');
    expect(ticks).toHaveLength(2);
    expect(ticks[1]!.prevClose).toBe(previousClose);
  });

  it("rolls today's last price into the prior close when the next session starts", async () => {
    const { liveStep } = await startProducer(redis, Date.parse('2026-03-04T05:00:30Z'));
    const todayClose = (await spotTicks(redis, 'SPX')).at(-1)!.price;
    await liveStep();
    expect((await spotTicks(redis, 'SPX')).at(-1)!.prevClose).toBe(todayClose);
  });
});
