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
 * Follows every stream of one Redis bus with blocking XREADs: no KEYS, no polling timer. Starts at
 * each stream's tail, so it only ever sees new entries; what a client missed before that is read on
 * demand by the resume path.
 *
 * On a Redis Cluster one XREAD may only name keys of one hash slot, so the streams are grouped by
 * slot (asked of the cluster itself, CLUSTER KEYSLOT) and each group runs its own blocking loop on
 * its own connection: a blocked read holds its socket, and two groups served by one node must not
 * wait behind each other. The bus streams share one `{bus}` tag, so that is one group per bus in
 * practice; on a single server every stream is one group. Each loop reads from the tails it has
 * dispatched, so a read cut by a failover or a reconnect is simply sent again from the same ids on
 * the promoted node: nothing is skipped and nothing is dispatched twice.
 */
export class StreamReader {
  private readonly last = new Map<string, StreamId>();
  private readonly connections: Redis[] = [];
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
    const groups = await this.slotGroups();
    this.running = true;
    this.stopped = Promise.all(
      groups.map((keys, i) => {
        // The first group uses the connection it was given; others get a twin with the same options.
        const redis = i === 0 ? this.redis : this.redis.duplicate();
        if (i > 0) redis.on('error', () => undefined);
        this.connections.push(redis);
        return this.loop(redis, keys);
      }),
    ).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const redis of this.connections.length > 0 ? this.connections : [this.redis]) redis.disconnect();
    await this.stopped;
  }

  /** The keys grouped by cluster hash slot, in their declared order; one group off a cluster. */
  private async slotGroups(): Promise<string[][]> {
    if (!this.redis.isCluster) return [this.keys];
    const bySlot = new Map<number, string[]>();
    for (const key of this.keys) {
      const slot = Number(await this.redis.call('CLUSTER', 'KEYSLOT', key));
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), key]);
    }
    return [...bySlot.values()];
  }

  private async loop(redis: Redis, keys: readonly string[]): Promise<void> {
    const topicOf = new Map(this.streams.map((s) => [s.key, s.topic]));
    let failures = 0;
    while (this.running) {
      let reply: XReadReply;
      try {
        const ids = keys.map((k) => formatStreamId(this.tail(k)));
        reply = await redis.xread('COUNT', 1000, 'BLOCK', this.blockMs, 'STREAMS', ...keys, ...ids);
        if (failures > 0) this.logger.info({ keys, failures }, 'stream read resumed');
        failures = 0;
      } catch (error) {
        if (!this.running) return;
        // ioredis reconnects (and on a cluster finds the promoted node) by itself; back off so a down Redis is not hammered.
        failures++;
        if (failures === 1) this.logger.warn({ keys, err: (error as Error).message }, 'stream read failed; retrying');
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
