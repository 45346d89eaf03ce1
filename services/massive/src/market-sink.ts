import type { Redis } from 'ioredis';
import { publishEvents } from '@marketswarm/shared/bus';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';

export type MarketTopic = 'spot' | 'candles';

export interface MarketEvent {
  topic: MarketTopic;
  type: string;
  ts: number;
  data: Record<string, unknown>;
}

/** Where the publisher's events go; the Redis implementation below, a fake in unit tests. */
export interface MarketSink {
  publish(topic: MarketTopic, events: readonly MarketEvent[]): Promise<void>;
  /** The highest `seq` in the topic's snapshot, so a restarted producer continues the numbering. */
  lastSeq(topic: MarketTopic): Promise<number | undefined>;
  /** The latest published price per symbol (spot snapshot), so a restarted simulator continues from there. */
  lastPrices(): Promise<Record<string, number>>;
  /** Candle payloads still in the candles stream, oldest first (to rebuild today's history). */
  recentCandles(): Promise<Array<Record<string, unknown>>>;
}

/** Market Redis: stream + latest snapshot per route declared in truth, through the shared publisher. */
export class RedisMarketSink implements MarketSink {
  constructor(
    private readonly redis: Redis,
    private readonly routes: Readonly<Record<MarketTopic, TopicRoute>>,
  ) {}

  async publish(topic: MarketTopic, events: readonly MarketEvent[]): Promise<void> {
    if (events.length > 0) await publishEvents(this.redis, this.routes[topic], events);
  }

  async lastSeq(topic: MarketTopic): Promise<number | undefined> {
    let max: number | undefined;
    for (const data of await this.snapshotData(topic)) {
      if (typeof data['seq'] === 'number' && (max === undefined || data['seq'] > max)) max = data['seq'];
    }
    return max;
  }

  async lastPrices(): Promise<Record<string, number>> {
    const prices: Record<string, number> = {};
    for (const data of await this.snapshotData('spot')) {
      if (typeof data['symbol'] === 'string' && typeof data['price'] === 'number') prices[data['symbol']] = data['price'];
    }
    return prices;
  }

  async recentCandles(): Promise<Array<Record<string, unknown>>> {
    const route = this.routes.candles;
    const entries = await this.redis.xrevrange(route.stream, '+', '-', 'COUNT', route.maxlen);
    const out: Array<Record<string, unknown>> = [];
    for (const [, fields] of entries.reverse()) {
      const parsed = decodeStreamEntry(fields);
      if (parsed.ok) out.push(parsed.event.data);
    }
    return out;
  }

  private async snapshotData(topic: MarketTopic): Promise<Array<Record<string, unknown>>> {
    const key = this.routes[topic].snapshot;
    if (!key) return [];
    const out: Array<Record<string, unknown>> = [];
    for (const raw of await this.redis.hvals(key)) {
      try {
        const data = (JSON.parse(raw) as { data?: unknown }).data;
        if (typeof data === 'object' && data !== null) out.push(data as Record<string, unknown>);
      } catch {
        // a foreign or corrupt snapshot field does not block the start
      }
    }
    return out;
  }
}
