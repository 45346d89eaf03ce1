import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SavedPositionDto } from '@marketswarm/shared/dto';
import { publishEvents } from '@marketswarm/shared/bus';
import type { TopicRoute } from '@marketswarm/shared/truth';

/**
 * Tells the user's open tabs their saved what-if positions: the whole list on `risk-graph`, whose
 * snapshot keeps the latest list per user, so a tab opened later (and the gateway's snapshot on
 * connect) starts from it. Published after the change is stored; a failed publish is logged, not
 * thrown: the change is kept, and the next one publishes the whole list again.
 */
export class RiskGraphPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly route: TopicRoute | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async publish(userId: string, positions: readonly SavedPositionDto[]): Promise<void> {
    if (!this.route) return;
    try {
      await publishEvents(this.redis, this.route, [{ topic: 'risk-graph', type: 'snapshot', ts: this.now(), user: userId, data: { positions: [...positions] } }]);
    } catch (error) {
      this.logger.error({ err: error, userId }, 'publishing the risk-graph positions failed; the next change republishes them');
    }
  }
}
