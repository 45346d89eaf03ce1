import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseEvent, type TopicPayload } from '@marketswarm/shared/events';
import { MarketClock } from './market-clock.js';
import { createPublisherMetrics, MarketPublisher } from './market-publisher.js';
import type { MarketEvent, MarketSink, MarketTopic } from './market-sink.js';
import type { Tick } from './tick-source.js';

class FakeSink implements MarketSink {
  readonly published: { [T in MarketTopic]: MarketEvent<T>[][] } = { spot: [], candles: [] };
  fail = false;
  constructor(
    private readonly seqs: Partial<Record<MarketTopic, number>> = {},
    private readonly candles: TopicPayload<'candles'>[] = [],
  ) {}
  publish<T extends MarketTopic>(topic: T, events: readonly MarketEvent<T>[]): Promise<void> {
    if (this.fail) return Promise.reject(new Error('redis down'));
    (this.published[topic] as MarketEvent<T>[][]).push([...events]);
    return Promise.resolve();
  }
  lastSeq(topic: MarketTopic): Promise<number | undefined> {
    return Promise.resolve(this.seqs[topic]);
  }
  lastPrices(): Promise<Record<string, number>> {
    return Promise.resolve({});
  }
  recentCandles(): Promise<TopicPayload<'candles'>[]> {
    return Promise.resolve(this.candles);
  }
}

const T0 = Date.UTC(2026, 2, 2, 14, 30);
const setup = (sink = new FakeSink(), recorded: Tick[][] = []) => {
  const registry = new Registry();
  const publisher = new MarketPublisher({
    sink,
    clock: new MarketClock('demo'),
    logger: pino({ level: 'silent' }),
    metrics: createPublisherMetrics(registry),
    onPublished: (ticks) => recorded.push([...ticks]),
  });
  return { publisher, sink, registry, recorded };
};

describe(MarketPublisher.name, () => {
  it('publishes one valid spot tick per tick and every touched candle, one call per topic per cycle', async () => {
    const { publisher, sink } = setup();
    publisher.accept({ symbol: 'SPX', price: 5000, size: 1, ts: T0 });
    publisher.accept({ symbol: 'NDX', price: 17500, ts: T0 });
    await publisher.cycle();
    expect(sink.published.spot).toHaveLength(1);
    expect(sink.published.candles).toHaveLength(1);
    const spot = sink.published.spot[0]!;
    expect(spot.map((e) => [e.type, e.data.symbol, e.data.price, e.data.seq])).toEqual([
      ['tick', 'SPX', 5000, 0],
      ['tick', 'NDX', 17500, 1],
    ]);
    expect(sink.published.candles[0]).toHaveLength(8); // 2 symbols × 4 intervals
    for (const e of [...spot, ...sink.published.candles[0]!]) expect(parseEvent(e)).toMatchObject({ ok: true });
  });

  it('publishes nothing when no tick arrived', async () => {
    const { publisher, sink } = setup();
    await publisher.cycle();
    expect(sink.published.spot).toHaveLength(0);
  });

  it('publishes the final state of a candle whose bucket closed within the cycle, and the new one', async () => {
    const { publisher, sink } = setup();
    publisher.accept({ symbol: 'SPX', price: 100, ts: T0 + 59_000 });
    publisher.accept({ symbol: 'SPX', price: 101, ts: T0 + 59_500 });
    publisher.accept({ symbol: 'SPX', price: 102, ts: T0 + 60_000 });
    await publisher.cycle();
    const oneMinute = sink.published.candles[0]!.filter((e) => e.data.interval === '1m').map((e) => [e.data.t, e.data.o, e.data.c]);
    expect(oneMinute).toEqual([
      [T0, 100, 101],
      [T0 + 60_000, 102, 102],
    ]);
  });

  it('continues seq numbers after the highest published ones', async () => {
    const { publisher, sink } = setup(new FakeSink({ spot: 41, candles: 9 }));
    await publisher.resume(T0);
    publisher.accept({ symbol: 'SPX', price: 1, ts: T0 });
    await publisher.cycle();
    expect(sink.published.spot[0]![0]!.data.seq).toBe(42);
    expect(sink.published.candles[0]![0]!.data.seq).toBe(10);
  });

  it("reloads today's candles from the stream after a restart and extends them, ignoring other days", async () => {
    const yesterday = T0 - 24 * 3600_000;
    const { publisher, sink } = setup(
      new FakeSink({}, [
        { symbol: 'SPX', interval: '1h', t: yesterday - 30 * 60_000, o: 1, h: 1, l: 1, c: 1, v: 1 },
        { symbol: 'SPX', interval: '1h', t: T0 - 30 * 60_000, o: 5000, h: 5010, l: 4990, c: 5005, v: 3 },
        { symbol: 'SPX', interval: '1h', t: T0 - 30 * 60_000, o: 5000, h: 5012, l: 4990, c: 5011, v: 4 },
        { symbol: 'SPX', interval: '1m', t: T0, o: 5011, h: 5011, l: 5011, c: 5011 },
      ]),
    );
    await publisher.resume(T0 + 1000);
    expect(publisher.candles.history('SPX', '1h')).toEqual([{ symbol: 'SPX', interval: '1h', t: T0 - 30 * 60_000, o: 5000, h: 5012, l: 4990, c: 5011, v: 4 }]);
    publisher.accept({ symbol: 'SPX', price: 4980, size: 1, ts: T0 + 2000 });
    await publisher.cycle();
    const h1 = sink.published.candles[0]!.find((e) => e.data.interval === '1h')!.data;
    expect(h1).toMatchObject({ t: T0 - 30 * 60_000, o: 5000, h: 5012, l: 4980, c: 4980, v: 5 });
    const m1 = sink.published.candles[0]!.find((e) => e.data.interval === '1m')!.data;
    expect(m1).toMatchObject({ t: T0, o: 5011, l: 4980, c: 4980, v: 1 });
  });

  it('adds prevClose once a symbol rolls into a new session', async () => {
    const { publisher, sink } = setup();
    publisher.accept({ symbol: 'SPX', price: 5000, ts: T0 });
    publisher.accept({ symbol: 'SPX', price: 5050, ts: T0 + 3600_000 });
    publisher.accept({ symbol: 'SPX', price: 5060, ts: T0 + 24 * 3600_000 });
    await publisher.cycle();
    expect(sink.published.spot[0]!.map((e) => e.data.prevClose)).toEqual([undefined, undefined, 5050]);
  });

  it('records published ticks, counts them, and survives a failed publish without recording it', async () => {
    const { publisher, sink, registry, recorded } = setup();
    publisher.accept({ symbol: 'SPX', price: 1, ts: T0 });
    await publisher.cycle();
    sink.fail = true;
    publisher.accept({ symbol: 'SPX', price: 2, ts: T0 + 1 });
    await publisher.cycle();
    sink.fail = false;
    publisher.accept({ symbol: 'SPX', price: 3, ts: T0 + 2 });
    await publisher.cycle();
    expect(recorded.map((r) => r.map((t) => t.price))).toEqual([[1], [3]]);
    const text = await registry.metrics();
    expect(text).toMatch(/massive_ticks_published_total 2/);
    expect(text).toMatch(/massive_publish_failures_total 1/);
    expect(text).toMatch(/massive_cycle_duration_seconds_count 3/);
  });
});
