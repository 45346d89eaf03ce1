import type { Redis } from 'ioredis';
import { candleHistoryKey, lastPublishedSeq, publishEvents, readSnapshot, writeCandleHistory, type HistoryCandle } from '@marketswarm/shared/bus';
import { CANDLE_INTERVALS, candleSchema, type Candle, type CandleInterval } from '@marketswarm/shared/dto';
import { decodeStreamEntry, type EventOf, type TopicPayload } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';

export type MarketTopic = 'spot' | 'candles';

/** One spot tick or candle update as the publisher builds it, its payload typed by its topic. */
export type MarketEvent<T extends MarketTopic = MarketTopic> = EventOf<T>;

export interface PublishedTick {
  symbol: string;
  price: number;
  ts: number;
  prevClose?: number;
}

/** One bar of a history set and its interval. */
export interface HistoryBar extends Candle {
  interval: CandleInterval;
}

/** A symbol's history sets on either side of an instant, over every interval. */
export interface HistoryEdges {
  /** The newest bar opened before the instant. */
  before?: HistoryBar;
  /** The earliest bar opened at or after it (the coarsest at a tie: its open is the earliest price). */
  after?: HistoryBar;
}

/** Where the publisher's events go; the Redis implementation below, a fake in unit tests. */
export interface MarketSink {
  publish<T extends MarketTopic>(topic: T, events: readonly MarketEvent<T>[]): Promise<void>;
  /** The highest `seq` the topic has published, so a restarted producer continues the numbering. */
  lastSeq(topic: MarketTopic): Promise<number | undefined>;
  /** The latest published price per symbol (spot snapshot), so a restarted simulator continues from there. */
  lastPrices(): Promise<Record<string, number>>;
  /** The latest published tick per symbol (spot snapshot): price, time and the prior close it carried. */
  lastTicks(): Promise<PublishedTick[]>;
  /** Candle payloads still in the candles stream, oldest first (to rebuild today's history). */
  recentCandles(): Promise<TopicPayload<'candles'>[]>;
  /** Keeps bars in the history sets without publishing them (the stream's own bars after an upgrade). */
  keepHistory(candles: readonly HistoryCandle[]): Promise<void>;
  /** What the history sets hold of a symbol around `at` (ms). */
  historyEdges(symbol: string, at: number): Promise<HistoryEdges>;
}

/** Market Redis: stream + latest snapshot per route declared in truth, through the shared publisher. */
export class RedisMarketSink implements MarketSink {
  constructor(
    private readonly redis: Redis,
    private readonly routes: Readonly<Record<MarketTopic, TopicRoute>>,
  ) {}

  /** Candles also go to the per-symbol-and-interval history sets the chart's history is read from. */
  async publish<T extends MarketTopic>(topic: T, events: readonly MarketEvent<T>[]): Promise<void> {
    if (events.length === 0) return;
    await publishEvents(this.redis, this.routes[topic], events);
    if (topic === 'candles') {
      await writeCandleHistory(
        this.redis,
        this.routes.candles.stream,
        (events as readonly MarketEvent<'candles'>[]).map((e) => e.data),
      );
    }
  }

  lastSeq(topic: MarketTopic): Promise<number | undefined> {
    return lastPublishedSeq(this.redis, this.routes[topic]);
  }

  async lastPrices(): Promise<Record<string, number>> {
    const prices: Record<string, number> = {};
    for (const { data } of (await readSnapshot(this.redis, this.routes.spot, 'spot')).events) prices[data.symbol] = data.price;
    return prices;
  }

  async lastTicks(): Promise<PublishedTick[]> {
    return (await readSnapshot(this.redis, this.routes.spot, 'spot')).events.map(({ ts, data }) =>
      data.prevClose === undefined ? { symbol: data.symbol, price: data.price, ts } : { symbol: data.symbol, price: data.price, ts, prevClose: data.prevClose },
    );
  }

  async recentCandles(): Promise<TopicPayload<'candles'>[]> {
    const route = this.routes.candles;
    const entries = await this.redis.xrevrange(route.stream, '+', '-', 'COUNT', route.maxlen);
    const out: TopicPayload<'candles'>[] = [];
    for (const [, fields] of entries.reverse()) {
      const parsed = decodeStreamEntry(fields);
      if (parsed.ok && parsed.event.topic === 'candles') out.push(parsed.event.data);
    }
    return out;
  }

  keepHistory(candles: readonly HistoryCandle[]): Promise<void> {
    return writeCandleHistory(this.redis, this.routes.candles.stream, candles);
  }

  async historyEdges(symbol: string, at: number): Promise<HistoryEdges> {
    const stream = this.routes.candles.stream;
    const tx = this.redis.pipeline();
    for (const interval of CANDLE_INTERVALS) {
      const key = candleHistoryKey(stream, symbol, interval);
      tx.zrevrangebyscore(key, `(${at}`, '-inf', 'LIMIT', 0, 1);
      tx.zrangebyscore(key, at, '+inf', 'LIMIT', 0, 1);
    }
    const results = (await tx.exec()) ?? [];
    const bar = (i: number, interval: CandleInterval): HistoryBar | undefined => {
      const [error, members] = results[i] ?? [];
      if (error) throw error;
      const member = (members as string[] | undefined)?.[0];
      if (member === undefined) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(member);
      } catch {
        return undefined; // a bar that is not JSON tells nothing (the history reader skips it too)
      }
      const parsed = candleSchema.safeParse(json);
      return parsed.success ? { ...parsed.data, interval } : undefined;
    };
    const edges: HistoryEdges = {};
    CANDLE_INTERVALS.forEach((interval, i) => {
      const before = bar(2 * i, interval);
      const after = bar(2 * i + 1, interval);
      if (before && (edges.before === undefined || before.t > edges.before.t)) edges.before = before;
      // Intervals go finest to coarsest, so at a tie the coarser bar replaces the finer one.
      if (after && (edges.after === undefined || after.t <= edges.after.t)) edges.after = after;
    });
    return edges;
  }
}
