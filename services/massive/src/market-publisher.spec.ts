import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseEvent, type TopicPayload } from '@marketswarm/shared/events';
import { MarketClock } from './market-clock.js';
import { createPublisherMetrics, MarketPublisher } from './market-publisher.js';
import type { HistoryCandle } from '@marketswarm/shared/bus';
import type { HistoryEdges, MarketEvent, MarketSink, MarketTopic, PublishedTick } from './market-sink.js';
import type { Tick } from './tick-source.js';

class FakeSink implements MarketSink {
  readonly published: { [T in MarketTopic]: MarketEvent<T>[][] } = { spot: [], candles: [] };
  readonly kept: HistoryCandle[] = [];
  fail = false;
  constructor(
    private readonly seqs: Partial<Record<MarketTopic, number>> = {},
    private readonly candles: TopicPayload<'candles'>[] = [],
    private readonly ticks: PublishedTick[] = [],
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
  lastTicks(): Promise<PublishedTick[]> {
    return Promise.resolve(this.ticks);
  }
  recentCandles(): Promise<TopicPayload<'candles'>[]> {
    return Promise.resolve(this.candles);
  }
  keepHistory(candles: readonly HistoryCandle[]): Promise<void> {
    this.kept.push(...candles);
    return Promise.resolve();
  }
  historyEdges(): Promise<HistoryEdges> {
    return Promise.resolve({});
  }
}

const T0 = Date.UTC(2026, 2, 2, 14, 30);
const hourOf = (t: number) => Math.floor(t / 3600_000) * 3600_000;
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

  it('carries the prior close rebuilt from the 1m candles of the previous session after a restart', async () => {
    const yesterday = T0 - 24 * 3600_000;
    const minute = (t: number, c: number): TopicPayload<'candles'> => ({ symbol: 'SPX', interval: '1m', t, o: c, h: c, l: c, c, v: 1, seq: 0 });
    const { publisher, sink } = setup(new FakeSink({}, [minute(yesterday + 60_000, 4990), minute(yesterday, 4980), minute(T0, 5001)]));
    await publisher.resume(T0 + 1000);
    publisher.accept({ symbol: 'SPX', price: 5002, ts: T0 + 2000 });
    await publisher.cycle();
    expect(sink.published.spot[0]![0]!.data.prevClose).toBe(4990);
  });

  it('carries the prior close of the spot snapshot after a restart when the stream no longer holds the previous session', async () => {
    const tick: PublishedTick = { symbol: 'SPX', price: 5003, ts: T0, prevClose: 4975 };
    const { publisher, sink } = setup(new FakeSink({}, [], [tick, { symbol: 'NDX', price: 17_400, ts: T0 - 24 * 3600_000 }]));
    await publisher.resume(T0 + 1000);
    publisher.accept({ symbol: 'SPX', price: 5004, ts: T0 + 2000 });
    publisher.accept({ symbol: 'NDX', price: 17_410, ts: T0 + 2000 });
    await publisher.cycle();
    // NDX's last published tick was yesterday's: it is the close today's change is measured from.
    expect(sink.published.spot[0]!.map((e) => [e.data.symbol, e.data.prevClose])).toEqual([
      ['SPX', 4975],
      ['NDX', 17_400],
    ]);
  });

  it('backfills history as final candles, 1m first and 1h last, and takes the prior close from its previous session', async () => {
    const { publisher, sink } = setup();
    const yesterday = T0 - 24 * 3600_000;
    const history = [
      { symbol: 'SPX', price: 4990, size: 2, ts: yesterday },
      { symbol: 'SPX', price: 4995, size: 2, ts: yesterday + 30_000 },
      { symbol: 'SPX', price: 5000, size: 2, ts: T0 - 120_000 },
      { symbol: 'SPX', price: 5004, size: 2, ts: T0 - 60_000 },
    ];
    // Yesterday 14:30 one bucket per interval; today 14:28 and 14:29: two 1m, one 5m/15m/1h.
    expect(await publisher.backfill(history, T0, 4)).toBe(9);
    expect(sink.published.spot).toHaveLength(0);
    expect(sink.published.candles.map((c) => c.length)).toEqual([4, 4, 1]);
    const events = sink.published.candles.flat();
    expect(events.map((e) => e.data.interval)).toEqual(['1m', '1m', '1m', '5m', '5m', '15m', '15m', '1h', '1h']);
    expect(events[0]!.data).toMatchObject({ t: yesterday, o: 4990, c: 4995, v: 4 });
    expect(events.map((e) => e.data.seq)).toEqual(events.map((_, i) => i));
    for (const e of events) expect(parseEvent(e)).toMatchObject({ ok: true });
    expect(publisher.prevClose('SPX')).toBe(4995);
    publisher.accept({ symbol: 'SPX', price: 5005, size: 1, ts: T0 });
    await publisher.cycle();
    expect(sink.published.spot[0]![0]!.data.prevClose).toBe(4995);
    // The live tick extends the backfilled hour instead of opening a new one.
    expect(sink.published.candles.at(-1)!.find((e) => e.data.interval === '1h')!.data).toMatchObject({ o: 5000, c: 5005, v: 5 });
  });

  it("keeps the newest version of each of the stream's bars in the history sets on resume", async () => {
    const { publisher, sink } = setup(
      new FakeSink({}, [
        { symbol: 'SPX', interval: '1h', t: T0, o: 5000, h: 5010, l: 4990, c: 5005, v: 3, seq: 1 },
        { symbol: 'SPX', interval: '1m', t: T0, o: 5000, h: 5000, l: 5000, c: 5000, seq: 2 },
        { symbol: 'SPX', interval: '1h', t: T0, o: 5000, h: 5012, l: 4990, c: 5011, v: 4, seq: 3 },
      ]),
    );
    await publisher.resume(T0 + 1000);
    expect(sink.kept).toEqual([
      { symbol: 'SPX', interval: '1h', t: T0, o: 5000, h: 5012, l: 4990, c: 5011, v: 4 },
      { symbol: 'SPX', interval: '1m', t: T0, o: 5000, h: 5000, l: 5000, c: 5000 },
    ]);
  });

  it("folds history behind today's candles apart: it gives the missing prior close, leaves today's candles and last price alone, and republishes the latest bars", async () => {
    const today = { symbol: 'SPX', t: T0, o: 5000, h: 5010, l: 4995, c: 5008, v: 9, seq: 0 } as const;
    const { publisher, sink } = setup(
      new FakeSink({}, [
        { ...today, interval: '1m' },
        { ...today, interval: '1h', t: hourOf(T0) },
      ]),
    );
    await publisher.resume(T0 + 1000);
    expect(publisher.prevClose('SPX')).toBeUndefined();
    const yesterday = T0 - 24 * 3600_000;
    const history = [
      { symbol: 'SPX', price: 4980, ts: yesterday },
      { symbol: 'SPX', price: 4985, ts: yesterday + 60_000 },
      { symbol: 'SPX', price: 4999, ts: T0 - 7200_000 }, // today, before the first bar held
    ];
    await publisher.backfill(history, T0 + 1000);
    expect(publisher.prevClose('SPX')).toBe(4985);
    expect(publisher.lastPrice('SPX')).toBe(5008);
    const events = sink.published.candles.flat().filter((e) => e.data.interval === '1h');
    // Yesterday's and today's earlier hour, then today's held hour again (the snapshot's latest bar).
    expect(events.map((e) => [e.data.t, e.data.o, e.data.c])).toEqual([
      [hourOf(yesterday), 4980, 4985],
      [hourOf(T0 - 7200_000), 4999, 4999],
      [hourOf(T0), 5000, 5008],
    ]);
    publisher.accept({ symbol: 'SPX', price: 5009, size: 1, ts: T0 + 2000 });
    await publisher.cycle();
    expect(sink.published.spot[0]![0]!.data.prevClose).toBe(4985);
    expect(sink.published.candles.at(-1)!.find((e) => e.data.interval === '1h')!.data).toMatchObject({ t: hourOf(T0), o: 5000, h: 5010, c: 5009, v: 10 });
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
