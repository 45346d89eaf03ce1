import type { Redis } from 'ioredis';
import { lastPublishedSeq, publishEvents, readSnapshot, writeCandleHistory } from '@marketswarm/shared/bus';
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
}
