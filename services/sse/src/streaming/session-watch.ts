import type { Redis } from 'ioredis';
import { SESSION_KEYS } from '@marketswarm/shared/auth';
import type { Logger } from '@marketswarm/shared/logger';
import type { SubscriberRegistry } from './subscriber-registry.js';

/**
 * Streams live only as long as their session: a sign-out (announced on `session:ended`) closes the
 * user's streams at once, and a periodic EXISTS sweep catches sessions that simply expired.
 */
export class SessionWatch {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: SubscriberRegistry,
    private readonly system: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
    private readonly sweepMs: number,
  ) {}

  async start(): Promise<void> {
    await this.subscriber.subscribe(SESSION_KEYS.endedChannel);
    this.subscriber.on('message', (_channel: string, sessionId: string) => this.end(sessionId));
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn({ err: (error as Error).message }, 'session sweep failed'));
    }, this.sweepMs);
    this.timer.unref();
  }

  async sweep(): Promise<void> {
    const ids = [...this.registry.sessionIds()];
    if (ids.length === 0) return;
    // One EXISTS per session, sent together: a pipeline would span slots on a Redis Cluster.
    const live = await Promise.all(ids.map((id) => this.system.exists(SESSION_KEYS.session(id))));
    ids.forEach((id, i) => {
      if (live[i] === 0) this.end(id);
    });
  }

  private end(sessionId: string): void {
    for (const connection of this.registry.forSession(sessionId)) connection.disconnect('signed-out');
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.subscriber.disconnect();
    return Promise.resolve();
  }
}
