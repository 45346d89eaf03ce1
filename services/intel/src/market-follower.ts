import type { Redis } from 'ioredis';
import type { Logger } from '@marketswarm/shared/logger';
import { decodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';

/**
 * Tails market streams with a blocking XREAD on its own connection, from the entries that exist at
 * `start()` onward, and hands each valid event to `onEvent`. Invalid entries are skipped; a Redis
 * error is logged and retried after a second.
 */
export class MarketFollower {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly cursors = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    private readonly streams: readonly string[],
    private readonly onEvent: (event: TypedEvent) => Promise<void>,
    private readonly logger: Logger,
    private readonly blockMs = 1000,
  ) {}

  async start(): Promise<void> {
    for (const stream of this.streams) {
      const [last] = await this.redis.xrevrange(stream, '+', '-', 'COUNT', 1);
      this.cursors.set(stream, last?.[0] ?? '0-0');
    }
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const keys = [...this.cursors.keys()];
        const reply = await this.redis.xread('COUNT', 500, 'BLOCK', this.blockMs, 'STREAMS', ...keys, ...keys.map((k) => this.cursors.get(k) ?? '0-0'));
        for (const [stream, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            this.cursors.set(stream, id);
            const decoded = decodeStreamEntry(fields);
            if (decoded.ok) await this.onEvent(decoded.event);
          }
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn({ err: (error as Error).message }, 'market stream read failed; retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}
