import type { Redis } from 'ioredis';
import { parseStreamId, ZERO_ID, type StreamId } from './stream-id.js';

export interface StreamBounds {
  /** Newest id ever generated (survives trimming). */
  last: StreamId;
  /** Newest id removed by trimming (MAXLEN) or XDEL: a cursor before it has a gap. */
  maxDeleted: StreamId;
}

/** XINFO STREAM (Redis 7+): enough to tell an exact replay from one that lost entries to retention. */
export async function streamBounds(redis: Redis, key: string): Promise<StreamBounds> {
  let reply: unknown[];
  try {
    reply = (await redis.xinfo('STREAM', key)) as unknown[];
  } catch (error) {
    if ((error as Error).message.includes('no such key')) return { last: ZERO_ID, maxDeleted: ZERO_ID };
    throw error;
  }
  const field = (name: string) => {
    const i = reply.indexOf(name);
    return i >= 0 && typeof reply[i + 1] === 'string' ? parseStreamId(reply[i + 1] as string) : null;
  };
  return { last: field('last-generated-id') ?? ZERO_ID, maxDeleted: field('max-deleted-entry-id') ?? ZERO_ID };
}
