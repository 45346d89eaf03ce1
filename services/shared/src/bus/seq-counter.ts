import type { Redis } from 'ioredis';
import { decodeStreamEntry } from '../events/stream-codec.js';
import { topicSpecs } from '../events/topics.js';
import type { TopicRoute } from '../truth/truth-doc.schema.js';
import { readSnapshot } from './read-snapshot.js';

/** How many of a stream's newest entries are read to find the last `seq` of a topic without a snapshot hash. */
export const SEQ_RESUME_TAIL = 50;

/**
 * A producer's `seq`: 0, 1, 2, … in publish order, continuing after a restart from the highest seq
 * already published. `next()` is synchronous, so events numbered and handed to the (single, ordered)
 * Redis connection in the same tick land in the stream in seq order. A failed publish leaves a gap,
 * never a repeat.
 */
export class SeqCounter {
  private value: number;

  constructor(first = 0) {
    this.value = first;
  }

  /** A counter that continues after `last` (from 0 when nothing was numbered yet). */
  static after(last: number | undefined): SeqCounter {
    return new SeqCounter(last === undefined ? 0 : last + 1);
  }

  /**
   * A counter that continues after the highest seq published on any of `routes` (one counter may
   * number several topics, as the model cycle does).
   */
  static async resume(redis: Pick<Redis, 'hgetall' | 'xrevrange'>, ...routes: readonly TopicRoute[]): Promise<SeqCounter> {
    return SeqCounter.after(highest(await Promise.all(routes.map((route) => lastPublishedSeq(redis, route)))));
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
 * The highest `seq` a topic carries (undefined when none does). A latest-per-key snapshot holds the
 * newest event of every key, so the highest seq is among them; topics without one (`recent`, `none`)
 * are read from the newest `SEQ_RESUME_TAIL` stream entries. Entries that fail the contract are ignored.
 */
export async function lastPublishedSeq(redis: Pick<Redis, 'hgetall' | 'xrevrange'>, route: TopicRoute): Promise<number | undefined> {
  if (route.snapshot !== undefined && topicSpecs[route.topic].snapshot === 'latest-by-key') {
    const { events } = await readSnapshot(redis, route, route.topic);
    return highest(events.map((event) => event.data.seq));
  }
  const entries = await redis.xrevrange(route.stream, '+', '-', 'COUNT', SEQ_RESUME_TAIL);
  return highest(entries.map(([, fields]) => {
    const decoded = decodeStreamEntry(fields);
    return decoded.ok && decoded.event.topic === route.topic ? decoded.event.data.seq : undefined;
  }));
}

function highest(seqs: readonly (number | undefined)[]): number | undefined {
  let max: number | undefined;
  for (const seq of seqs) if (seq !== undefined && (max === undefined || seq > max)) max = seq;
  return max;
}
