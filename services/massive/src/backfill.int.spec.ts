import type { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candleHistoryKey, publishEvents, readCandles } from '@marketswarm/shared/bus';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { MarketClock } from './market-clock.js';
import { createPublisherMetrics, MarketPublisher } from './market-publisher.js';
import { RedisMarketSink, type MarketEvent, type MarketTopic } from './market-sink.js';
import { backfillOnStart } from './simulator-backfill.js';
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
  const backfill = await backfillOnStart({ publisher, sink, simulator, clock, seed: SEED, symbols: SYMBOLS, now });
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

/** The sink of a version from before the history sets and the backfill: stream and snapshot only. */
class PreHistorySink extends RedisMarketSink {
  constructor(private readonly client: Redis) {
    super(client, routes);
  }

  override async publish<T extends MarketTopic>(topic: T, events: readonly MarketEvent<T>[]): Promise<void> {
    if (events.length > 0) await publishEvents(this.client, routes[topic], events);
  }
}

/** What an old version left behind: `minutes` of live ticks up to `until`, published without history sets. */
async function runPreHistoryProducer(redis: Redis, until: number, minutes: number) {
  const publisher = new MarketPublisher({ sink: new PreHistorySink(redis), clock, logger: pino({ level: 'silent' }), metrics: createPublisherMetrics(new Registry()) });
  let time = until - minutes * 60_000;
  const simulator = new SimulatorSource({ seed: SEED, symbols: SYMBOLS, intervalMs: 1000, clock, now: () => time, startPrices: {} });
  for (; time < until; time += 1000) {
    for (const tick of simulator.next()) publisher.accept(tick);
    if (time % 10_000 === 0) await publisher.cycle();
  }
  await publisher.cycle();
}

describe("the simulator repairing an upgraded stack's history (today's candles in the stream only, no prior close)", () => {
  let server: RedisServerHandle;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    // The old version ran from 15:05 to 15:15 New York on Tuesday: its 1h bar opened at 20:05Z.
    await runPreHistoryProducer(redis, START, 10);
  });
  afterAll(() => server.stop());

  const hourKey = (symbol: string) => candleHistoryKey(routes.candles.stream, symbol, '1h');
  let previousClose: number;

  it('starts from a stack holding no history sets and no prior close', async () => {
    expect(await redis.exists(hourKey('SPX'))).toBe(0);
    expect((await spotTicks(redis, 'SPX')).every((t) => t.prevClose === undefined)).toBe(true);
  });

  it("generates the previous session and today before the first held bar, ending at that bar's open, and the first tick carries the prior close", async () => {
    const heldHour = JSON.parse((await redis.hget(routes.candles.snapshot!, 'SPX:1h'))!) as { data: { t: number; o: number; h: number; l: number } };
    expect(heldHour.data.t).toBe(Date.UTC(2026, 2, 3, 20));
    const { backfill, liveStep } = await startProducer(redis, START);
    expect(backfill.windows).toEqual([
      { session: '2026-03-02', from: Date.UTC(2026, 2, 2, 14, 30), to: Date.UTC(2026, 2, 2, 21) },
      { session: '2026-03-03', from: Date.UTC(2026, 2, 3, 5), to: Date.UTC(2026, 2, 3, 20) },
    ]);

    const hours = await readCandles(redis, routes.candles.stream, { symbol: 'SPX', interval: '1h', limit: 500 });
    const ofSession = (session: string) => hours.filter((c) => clock.at(c.t).session === session);
    expect(ofSession('2026-03-02').map((c) => c.t)).toEqual([14, 15, 16, 17, 18, 19, 20].map((h) => Date.UTC(2026, 2, 2, h)));
    expect(ofSession('2026-03-03').map((c) => c.t)).toEqual(Array.from({ length: 16 }, (_, i) => Date.UTC(2026, 2, 3, 5 + i)));
    // The held hour is kept as the old version made it, and the generated day ends exactly at its open.
    expect(hours.at(-1)).toMatchObject({ t: heldHour.data.t, o: heldHour.data.o, h: heldHour.data.h, l: heldHour.data.l });
    const minutes = await readCandles(redis, routes.candles.stream, { symbol: 'SPX', interval: '1m', limit: 2000 });
    expect(minutes.find((c) => c.t === Date.UTC(2026, 2, 3, 19, 59))!.c).toBe(heldHour.data.o);
    // The old version's minutes, which only the stream held, are in the history too.
    expect(minutes.filter((c) => c.t >= Date.UTC(2026, 2, 3, 20, 5)).length).toBe(10);
    previousClose = minutes.filter((c) => clock.at(c.t).session === '2026-03-02').at(-1)!.c;

    const before = (await spotTicks(redis, 'SPX')).length;
    await liveStep();
    const ticks = await spotTicks(redis, 'SPX');
    expect(ticks).toHaveLength(before + 1);
    expect(ticks.at(-1)!.prevClose).toBe(previousClose);
    // The candles snapshot still points at the live hour, which the live tick extends.
    const hour = JSON.parse((await redis.hget(routes.candles.snapshot!, 'SPX:1h'))!) as { data: { t: number; o: number } };
    expect(hour.data).toMatchObject({ t: heldHour.data.t, o: heldHour.data.o });
  });

  it('adds nothing on an ordinary restart after the repair, and keeps the same prior close', async () => {
    const streamLength = await redis.xlen(routes.candles.stream);
    const hourBars = await redis.zcard(hourKey('NDX'));
    const { backfill, liveStep } = await startProducer(redis, START + 60_000);
    expect(backfill).toEqual({ windows: [], candles: 0 });
    expect(await redis.xlen(routes.candles.stream)).toBe(streamLength);
    expect(await redis.zcard(hourKey('NDX'))).toBe(hourBars);
    await liveStep();
    expect((await spotTicks(redis, 'SPX')).at(-1)!.prevClose).toBe(previousClose);
  });

  it('takes the prior close from the history sets when the spot snapshot lost it', async () => {
    // The stream keeps only minutes (here: its last few entries, all of today), and the spot snapshot
    // lost its prevClose (an older producer ran again): the history's last bar before today still gives it.
    await redis.xtrim(routes.candles.stream, 'MAXLEN', 40);
    const raw = JSON.parse((await redis.hget(routes.spot.snapshot!, 'SPX'))!) as { data: Record<string, unknown> };
    delete raw.data['prevClose'];
    await redis.hset(routes.spot.snapshot!, 'SPX', JSON.stringify(raw));
    const streamLength = await redis.xlen(routes.candles.stream);
    const { backfill, liveStep } = await startProducer(redis, START + 120_000);
    expect(backfill.candles).toBe(0);
    expect(await redis.xlen(routes.candles.stream)).toBe(streamLength);
    await liveStep();
    expect((await spotTicks(redis, 'SPX')).at(-1)!.prevClose).toBe(previousClose);
  });
});
