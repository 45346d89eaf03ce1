import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { commentaryConfigSchema, commentarySchema, DEFAULT_COMMENTARY_CONFIG, type CommentaryConfigDto, type CommentaryDto } from '@marketswarm/shared/dto';
import { encodeLineNotice } from './commentary-line-notice.js';

/** Lines kept per user; older ones fall off the list. */
export const COMMENTARY_KEEP = 200;

export const COMMENTARY_KEYS = {
  items: (userId: string) => `{system}:copilot:commentary:${userId}`,
  config: (userId: string) => `{system}:copilot:commentary-config:${userId}`,
  /** Pub/sub wake-up carrying only a user id: every instance re-reads that user's config from Redis. */
  configChannel: '{system}:copilot:commentary-config',
  /** Pub/sub wake-up carrying a stored line for one user (`commentary-line-notice.ts`): every instance sends it to that user's sockets there. */
  lineChannel: '{system}:copilot:commentary-line',
  /** Fixed-window count of one user's config changes, shared by every instance. */
  configWrites: (userId: string) => `{system}:copilot:commentary-config-writes:${userId}`,
} as const;

export type WriteAllowance = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * Counts one write in the key's window and says whether it is within `limit`; the window starts
 * with the first write (INCR and its expiry in one script, so a crash between them cannot leave a
 * counter that never expires). KEYS: the counter; ARGV: limit, window in ms. Answers {count, pttl}.
 */
const COUNT_WRITE = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}`;

/** Each user's recent commentary and commentary config, in system Redis. */
export class CommentaryStore {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {}

  async push(userId: string, item: CommentaryDto): Promise<void> {
    const key = COMMENTARY_KEYS.items(userId);
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(item))
      .ltrim(key, 0, COMMENTARY_KEEP - 1)
      .exec();
  }

  /** Newest first. A stored line that no longer parses is skipped (and logged), not served. */
  async recent(userId: string, limit: number): Promise<CommentaryDto[]> {
    const raw = await this.redis.lrange(COMMENTARY_KEYS.items(userId), 0, limit - 1);
    const items: CommentaryDto[] = [];
    for (const text of raw) {
      const parsed = commentarySchema.safeParse(parseJson(text));
      if (parsed.success) items.push(parsed.data);
      else this.logger.warn({ userId }, 'skipped a stored commentary line that does not parse');
    }
    return items;
  }

  /** The user's config, or the default when none is stored or the stored one no longer validates. */
  async config(userId: string): Promise<CommentaryConfigDto> {
    const raw = await this.redis.get(COMMENTARY_KEYS.config(userId));
    if (raw === null) return structuredClone(DEFAULT_COMMENTARY_CONFIG);
    const parsed = commentaryConfigSchema.safeParse(parseJson(raw));
    if (parsed.success) return parsed.data;
    this.logger.warn({ userId }, 'stored commentary config does not validate; serving the default');
    return structuredClone(DEFAULT_COMMENTARY_CONFIG);
  }

  async saveConfig(userId: string, config: CommentaryConfigDto): Promise<void> {
    await this.redis.set(COMMENTARY_KEYS.config(userId), JSON.stringify(config));
  }

  async announceConfigChange(userId: string): Promise<void> {
    await this.redis.publish(COMMENTARY_KEYS.configChannel, userId);
  }

  /** Tells the other instances about a line stored for `userId` that only `origin` produced. */
  async announceLine(origin: string, userId: string, item: CommentaryDto): Promise<void> {
    await this.redis.publish(COMMENTARY_KEYS.lineChannel, encodeLineNotice(origin, userId, item));
  }

  /**
   * Takes one of the user's config writes: at most `limit` per window across every instance, since
   * each write costs a GET, a SET and a PUBLISH here and a re-read on every instance.
   */
  async takeConfigWrite(userId: string, limit: number, windowMs: number): Promise<WriteAllowance> {
    const [count, ttl] = (await this.redis.eval(COUNT_WRITE, 1, COMMENTARY_KEYS.configWrites(userId), limit, windowMs)) as [number, number];
    return count <= limit ? { allowed: true } : { allowed: false, retryAfterSec: Math.max(1, Math.ceil(ttl / 1000)) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
