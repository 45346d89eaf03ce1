import type { Redis } from 'ioredis';
import { decodeStreamEntry } from '@marketswarm/shared/events';

/** How many of a stream's newest entries are read to find the last `seq` after a restart. */
export const SEQ_RESUME_TAIL = 50;

/**
 * A producer's `seq` for one topic: 0, 1, 2, … in publish order, continuing after a restart from
 * the highest seq already in the stream. `next()` is synchronous, so events numbered and handed to
 * the (single, ordered) Redis connection in the same tick land in the stream in seq order. A failed
 * publish leaves a gap, never a repeat.
 */
export class SeqCounter {
  private value: number;

  constructor(first = 0) {
    this.value = first;
  }

  /** A counter that continues after the highest seq among the stream's newest `tail` entries. */
  static async resume(redis: Pick<Redis, 'xrevrange'>, stream: string, tail = SEQ_RESUME_TAIL): Promise<SeqCounter> {
    const last = await lastStreamSeq(redis, stream, tail);
    return new SeqCounter(last === undefined ? 0 : last + 1);
  }

  /** The seq the next event gets. */
  peek(): number {
    return this.value;
  }

  next(): number {
    return this.value++;
  }
}

/**
 * The highest `seq` carried by the newest `tail` entries of a stream (undefined when none carries
 * one). The topics numbered this way keep `recent` snapshots, not a latest-per-key hash, so the
 * stream tail is where the last number is. Entries that fail the event contract are ignored.
 */
export async function lastStreamSeq(redis: Pick<Redis, 'xrevrange'>, stream: string, tail = SEQ_RESUME_TAIL): Promise<number | undefined> {
  let max: number | undefined;
  for (const [, fields] of await redis.xrevrange(stream, '+', '-', 'COUNT', tail)) {
    const decoded = decodeStreamEntry(fields);
    if (!decoded.ok) continue;
    const seq = decoded.event.data['seq'];
    if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 && (max === undefined || seq > max)) max = seq;
  }
  return max;
}
