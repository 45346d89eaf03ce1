import type { Redis } from 'ioredis';
import { readCandles, readSnapshot } from '@marketswarm/shared/bus';
import type { CandleHistory, CandleHistoryRequest } from '@marketswarm/shared/dto';
import type { TopicName, TypedEvent } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';

/** The market models as market Redis holds them: snapshot hashes and the candles stream. */
export class ModelsRepository {
  constructor(private readonly market: Redis) {}

  /** The latest event per key of a topic's snapshot hash; entries that fail the contract are left out. */
  async latest<T extends TopicName>(route: TopicRoute, topic: T): Promise<TypedEvent<T>[]> {
    return (await readSnapshot(this.market, route, topic)).events;
  }

  async candleHistory(stream: string, request: CandleHistoryRequest): Promise<CandleHistory> {
    return { symbol: request.symbol, interval: request.interval, candles: await readCandles(this.market, stream, request) };
  }
}
