import type { Redis } from 'ioredis';
import type { Logger } from '@marketswarm/shared/logger';
import type { TopicName } from '@marketswarm/shared/events';
import { decodeTopicEntry, ingest, type IngestedEvent } from './ingested-event.js';
import { formatStreamId, parseStreamId, ZERO_ID, type StreamId } from '@marketswarm/shared/events';

export interface ReaderStream {
  topic: TopicName;
  key: string;
}

export interface ReaderHooks {
  onEvent(event: IngestedEvent): void;
  onInvalid(topic: TopicName, reason: string): void;
  onBatch?(count: number, lagMs: number): void;
}

type XReadReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/**
 * Follows every stream of one Redis bus with a single blocking XREAD on a dedicated connection:
 * no KEYS, no polling timer. Starts at each stream's tail, so it only ever sees new entries; what a
 * client missed before that is read on demand by the resume path.
 */
export class StreamReader {
  private readonly last = new Map<string, StreamId>();
  private running = false;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly streams: readonly ReaderStream[],
    private readonly hooks: ReaderHooks,
    private readonly logger: Logger,
    private readonly blockMs = 5000,
  ) {}

  /** The stream keys this reader follows. */
  get keys(): string[] {
    return this.streams.map((s) => s.key);
  }

  /** The newest entry id this reader has dispatched for a stream (its tail at start). */
  tail(key: string): StreamId {
    return this.last.get(key) ?? ZERO_ID;
  }

  async start(): Promise<void> {
    if (this.streams.length === 0) return;
    for (const { key } of this.streams) {
      const newest = (await this.redis.xrevrange(key, '+', '-', 'COUNT', 1))[0];
      this.last.set(key, (newest && parseStreamId(newest[0])) || ZERO_ID);
    }
    this.running = true;
    this.stopped = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect();
    await this.stopped;
  }

  private async loop(): Promise<void> {
    const topicOf = new Map(this.streams.map((s) => [s.key, s.topic]));
    const keys = this.streams.map((s) => s.key);
    let failures = 0;
    while (this.running) {
      let reply: XReadReply;
      try {
        const ids = keys.map((k) => formatStreamId(this.tail(k)));
        reply = await this.redis.xread('COUNT', 1000, 'BLOCK', this.blockMs, 'STREAMS', ...keys, ...ids);
        failures = 0;
      } catch (error) {
        if (!this.running) return;
        // ioredis reconnects by itself; back off so a down Redis is not hammered.
        failures++;
        if (failures === 1) this.logger.warn({ err: (error as Error).message }, 'stream read failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** failures, 2000)));
        continue;
      }
      if (!reply) continue;
      const now = Date.now();
      for (const [key, entries] of reply) {
        const topic = topicOf.get(key);
        if (!topic) continue;
        for (const [rawId, fields] of entries) {
          const id = parseStreamId(rawId);
          if (!id) continue;
          this.last.set(key, id);
          const decoded = decodeTopicEntry(topic, fields);
          if (!decoded.ok) {
            this.hooks.onInvalid(topic, decoded.reason);
            continue;
          }
          this.hooks.onEvent(ingest(decoded.event, id));
        }
        const newest = entries[entries.length - 1];
        if (newest) this.hooks.onBatch?.(entries.length, now - (parseStreamId(newest[0])?.ms ?? now));
      }
    }
  }
}
