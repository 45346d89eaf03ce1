import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SavedPositionDto } from '@marketswarm/shared/dto';
import { publishEvents } from '@marketswarm/shared/bus';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { KeyedQueue } from './keyed-queue.js';

/**
 * Tells the user's open tabs their saved what-if positions: the whole list on `risk-graph`, whose
 * snapshot keeps the latest list per user, so a tab opened later (and the gateway's snapshot on
 * connect) starts from it. Published after the change is stored; a failed publish is logged, not
 * thrown: the change is kept, and the next one publishes the whole list again.
 *
 * Two changes of one user can finish in either order, so reading the list and publishing it are one
 * step, queued per user: each step reads the list after the step before it has published, so the
 * last list published holds every change stored before it, never an older list arriving last.
 */
export class RiskGraphPublisher {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly redis: Redis,
    private readonly route: TopicRoute | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the user's list with `read` and publishes it, after any publish of theirs already under way. */
  publish(userId: string, read: () => Promise<readonly SavedPositionDto[]>): Promise<void> {
    const route = this.route;
    if (!route) return Promise.resolve();
    return this.queue.run(userId, async () => {
      try {
        const positions = await read();
        await publishEvents(this.redis, route, [{ topic: 'risk-graph', type: 'snapshot', ts: this.now(), user: userId, data: { positions: [...positions] } }]);
      } catch (error) {
        this.logger.error({ err: error, userId }, 'publishing the risk-graph positions failed; the next change republishes them');
      }
    });
  }
}
