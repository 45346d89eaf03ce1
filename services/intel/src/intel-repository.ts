import type { Redis } from 'ioredis';
import { z } from 'zod';
import { publishEvents, SeqCounter } from '@marketswarm/shared/bus';
import type { TopicRoute } from '@marketswarm/shared/truth';
import type { FeedValidators } from './feed-fetcher.js';
import type { IntelItem } from './item-normaliser.js';

const validatorsSchema = z.object({ etag: z.string().optional(), lastModified: z.string().optional(), fileStamp: z.string().optional() });

export const INTEL_KEYS = {
  /** ZSET of published item ids scored by first-seen time, trimmed to the newest `seenLimit`. */
  seen: '{intel}:intel:seen',
  /** HASH feed url → JSON validators of its last successful fetch. */
  validators: '{intel}:intel:feed-validators',
} as const;

/** Everything the intel producer keeps in intel Redis: the stream, the seen-id set and feed validators. */
export class IntelRepository {
  constructor(
    private readonly redis: Redis,
    private readonly route: TopicRoute,
    private readonly seenLimit: number,
    /** Numbers every published item (`seq`); main resumes it from the stream tail. */
    private readonly seq: SeqCounter = new SeqCounter(),
  ) {}

  async loadValidators(feedUrl: string): Promise<FeedValidators> {
    const raw = await this.redis.hget(INTEL_KEYS.validators, feedUrl);
    if (!raw) return {};
    try {
      const parsed = validatorsSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  async saveValidators(feedUrl: string, validators: FeedValidators): Promise<void> {
    await this.redis.hset(INTEL_KEYS.validators, feedUrl, JSON.stringify(validators));
  }

  /** The items whose ids were never published, in the order given. */
  async unseen(items: readonly IntelItem[]): Promise<IntelItem[]> {
    if (items.length === 0) return [];
    const scores = await this.redis.zmscore(INTEL_KEYS.seen, ...items.map((i) => i.id));
    return items.filter((_, i) => scores[i] === null);
  }

  /** Publishes items in order as `intel` envelopes with consecutive `seq`, then remembers their ids; returns the stream ids. */
  async publish(items: readonly IntelItem[], now: number): Promise<string[]> {
    if (items.length === 0) return [];
    const ids = await publishEvents(
      this.redis,
      this.route,
      items.map((item) => ({ topic: 'intel', type: 'item', ts: now, data: { ...item, seq: this.seq.next() } })),
    );
    await this.redis
      .multi()
      .zadd(INTEL_KEYS.seen, 'NX', ...items.flatMap((i) => [now, i.id]))
      .zremrangebyrank(INTEL_KEYS.seen, 0, -this.seenLimit - 1)
      .exec();
    return ids;
  }
}
