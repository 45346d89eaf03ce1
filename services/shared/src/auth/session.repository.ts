import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { roleSchema, type Role } from '../dto/auth.schema.js';

/** System Redis keys of sessions. */
export const SESSION_KEYS = {
  session: (id: string) => `session:${id}`,
  /** Ids of one user's sessions, so they can all be ended at once. */
  userSessions: (userId: string) => `user:${userId}:sessions`,
  /** Pub/sub wake-up with an ended session id, so open streams and sockets close at once. */
  endedChannel: 'session:ended',
  /**
   * The local stack's demo login `{ email, password }`, written by `./admin up` in development only,
   * so the sign-in page can show it there and nowhere else.
   */
  demoLogin: 'auth:demo-login',
} as const;

/** 32 random bytes, base64url without padding. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** Checked before any Redis read, so a forged cookie cannot become an arbitrary key. */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}

const sessionRecordSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
  csrf: z.string().min(1),
  createdAt: z.number(),
  lastSeenAt: z.number(),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export interface Session extends SessionRecord {
  id: string;
}

export interface SessionStoreOptions {
  /** Idle lifetime: a session unused for this long is gone. */
  ttlSec: number;
  /** Slide the expiry at most this often per session, so a busy client is not a write per request. */
  renewAfterSec?: number;
  now?: () => number;
}

export const DEFAULT_RENEW_AFTER_SEC = 60;

/**
 * `session:<id>` JSON records with an idle expiry that slides on use, plus a per-user index.
 * A record and its index live in different Redis Cluster slots, so they are written one after the
 * other, never in one MULTI: the index first, so "sign out everywhere" never misses a live session;
 * an index entry whose session is gone is harmless and pruned.
 */
export class SessionRepository {
  readonly ttlSec: number;
  private readonly renewAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    options: SessionStoreOptions,
  ) {
    if (!Number.isInteger(options.ttlSec) || options.ttlSec < 1) throw new Error(`session ttl must be a whole number of seconds ≥ 1 (got ${options.ttlSec})`);
    this.ttlSec = options.ttlSec;
    this.renewAfterMs = (options.renewAfterSec ?? DEFAULT_RENEW_AFTER_SEC) * 1000;
    this.now = options.now ?? Date.now;
  }

  async create(user: { id: string; role: Role }, csrf: string): Promise<Session> {
    const now = this.now();
    const session: Session = { id: newSessionId(), userId: user.id, role: user.role, csrf, createdAt: now, lastSeenAt: now };
    const index = SESSION_KEYS.userSessions(user.id);
    await this.redis.multi().sadd(index, session.id).expire(index, this.ttlSec).exec();
    await this.redis.set(SESSION_KEYS.session(session.id), JSON.stringify(recordOf(session)), 'EX', this.ttlSec);
    await this.pruneIndex(user.id);
    return session;
  }

  async get(id: string): Promise<Session | null> {
    if (!isSessionId(id)) return null;
    const text = await this.redis.get(SESSION_KEYS.session(id));
    if (!text) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = sessionRecordSchema.safeParse(json);
    return parsed.success ? { id, ...parsed.data } : null;
  }

  /**
   * Marks the session used. Slides its expiry (and its lastSeenAt) when the last renewal is at
   * least `renewAfterSec` old; `renewed` says whether it did. SET XX never resurrects a session
   * that was deleted in the meantime.
   */
  async touch(session: Session): Promise<{ session: Session; renewed: boolean }> {
    const now = this.now();
    if (now - session.lastSeenAt < this.renewAfterMs) return { session, renewed: false };
    const next: Session = { ...session, lastSeenAt: now };
    const index = SESSION_KEYS.userSessions(session.userId);
    const written = await this.redis.set(SESSION_KEYS.session(session.id), JSON.stringify(recordOf(next)), 'EX', this.ttlSec, 'XX');
    if (written !== 'OK') return { session, renewed: false };
    await this.redis.expire(index, this.ttlSec);
    return { session: next, renewed: true };
  }

  /** Seconds until the session expires (null when it is gone). */
  async ttl(id: string): Promise<number | null> {
    const ttl = await this.redis.ttl(SESSION_KEYS.session(id));
    return ttl >= 0 ? ttl : null;
  }

  async delete(id: string): Promise<boolean> {
    if (!isSessionId(id)) return false;
    const session = await this.get(id);
    const deleted = await this.redis.del(SESSION_KEYS.session(id));
    if (session) await this.redis.srem(SESSION_KEYS.userSessions(session.userId), id);
    await this.redis.publish(SESSION_KEYS.endedChannel, id);
    return deleted === 1;
  }

  /** Ends every session of a user (sign out everywhere); returns how many were live. */
  async deleteAllForUser(userId: string): Promise<number> {
    const index = SESSION_KEYS.userSessions(userId);
    const ids = await this.redis.smembers(index);
    if (ids.length === 0) return 0;
    // One DEL per session (each its own slot on a cluster), sent back to back.
    const deleted = await Promise.all(ids.map((id) => this.redis.del(SESSION_KEYS.session(id))));
    // Exactly the ids read, not DEL of the index: a login between the read and here keeps its entry.
    await this.redis.srem(index, ...ids);
    await Promise.all(ids.map((id) => this.redis.publish(SESSION_KEYS.endedChannel, id)));
    return deleted.reduce((sum, n) => sum + n, 0);
  }

  /** Ids of the user's live sessions. */
  async listForUser(userId: string): Promise<string[]> {
    await this.pruneIndex(userId);
    return this.redis.smembers(SESSION_KEYS.userSessions(userId));
  }

  /** Drops ids whose session expired, so the index does not grow with every login. */
  private async pruneIndex(userId: string): Promise<void> {
    const index = SESSION_KEYS.userSessions(userId);
    const ids = await this.redis.smembers(index);
    if (ids.length === 0) return;
    const live = await Promise.all(ids.map((id) => this.redis.exists(SESSION_KEYS.session(id))));
    const dead = ids.filter((_, i) => live[i] === 0);
    if (dead.length > 0) await this.redis.srem(index, ...dead);
  }
}

function recordOf(session: Session): SessionRecord {
  const { id: _id, ...record } = session;
  return record;
}
