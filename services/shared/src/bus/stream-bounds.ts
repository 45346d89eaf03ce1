import type { Redis } from 'ioredis';
import { compareStreamIds, parseStreamId, ZERO_ID, type StreamId } from '../events/stream-id.js';

export interface StreamBounds {
  /** Newest id ever generated (survives trimming). */
  last: StreamId;
  /** Oldest entry still kept. */
  first: StreamId;
  length: number;
  /** Entries ever appended; more than `length` means some were trimmed or deleted. */
  added: number;
  /** Newest id removed by XDEL (Redis 7.0 does not record trimming here). */
  maxDeleted: StreamId;
}

export type ResumeVerdict = 'replay' | 'retention' | 'unknown-position';

/** XINFO STREAM (Redis 7+), with a missing key read as an empty stream. */
export async function streamBounds(redis: Redis, key: string): Promise<StreamBounds> {
  let reply: unknown[];
  try {
    reply = (await redis.xinfo('STREAM', key)) as unknown[];
  } catch (error) {
    if ((error as Error).message.includes('no such key')) return { last: ZERO_ID, first: ZERO_ID, length: 0, added: 0, maxDeleted: ZERO_ID };
    throw error;
  }
  const value = (name: string): unknown => {
    const i = reply.indexOf(name);
    return i >= 0 ? reply[i + 1] : undefined;
  };
  const id = (name: string) => {
    const v = value(name);
    return (typeof v === 'string' && parseStreamId(v)) || ZERO_ID;
  };
  return {
    last: id('last-generated-id'),
    first: id('recorded-first-entry-id'),
    length: Number(value('length') ?? 0),
    added: Number(value('entries-added') ?? 0),
    maxDeleted: id('max-deleted-entry-id'),
  };
}

/**
 * Can a client at `at` be replayed exactly? Retention trims from the head, so entries after `at`
 * are all still there when `at` is at or past the oldest kept entry. Before it, some entry after
 * `at` may be gone; Redis 7.0 does not record the newest trimmed id, so that case is a reset
 * (a reset the client did not strictly need is safe; a silent gap is not).
 */
export function resumeVerdict(at: StreamId, bounds: StreamBounds): ResumeVerdict {
  if (compareStreamIds(at, bounds.last) > 0) return 'unknown-position';
  if (compareStreamIds(at, bounds.last) === 0) return 'replay';
  if (compareStreamIds(at, bounds.maxDeleted) < 0) return 'retention';
  if (bounds.length === 0) return bounds.added > 0 ? 'retention' : 'replay';
  if (compareStreamIds(at, bounds.first) >= 0) return 'replay';
  return bounds.added > bounds.length ? 'retention' : 'replay';
}
