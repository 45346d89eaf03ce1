import type { Redis } from 'ioredis';
import { formatEventIssues, type TypedEvent } from '../events/envelope.js';
import { decodeEventText } from '../events/stream-codec.js';
import type { TopicName } from '../events/topics.js';
import type { TopicRoute } from '../truth/truth-doc.schema.js';

/** A snapshot hash field that was left out, and why. */
export interface SkippedSnapshotEntry {
  field: string;
  reason: string;
}

export interface Snapshot<T extends TopicName> {
  /** The latest event per key that passed the contract, in the order Redis returned the hash. */
  events: TypedEvent<T>[];
  /** Fields that are not JSON, fail the contract or hold another topic's event: never served, counted by the caller. */
  skipped: SkippedSnapshotEntry[];
}

/**
 * Decodes a snapshot hash as HGETALL returns it. Separate from `readSnapshot` for readers that fetch
 * the hash inside a MULTI with other commands (the gateway's catch-up pairs it with the stream tail).
 */
export function decodeSnapshot<T extends TopicName>(topic: T, hash: Readonly<Record<string, string>>): Snapshot<T> {
  const events: TypedEvent<T>[] = [];
  const skipped: SkippedSnapshotEntry[] = [];
  for (const [field, text] of Object.entries(hash)) {
    const decoded = decodeEventText(text);
    if (!decoded.ok) skipped.push({ field, reason: formatEventIssues(decoded.issues) });
    else if (decoded.event.topic !== topic) skipped.push({ field, reason: `holds a "${decoded.event.topic}" event, not "${topic}"` });
    // TypeScript cannot narrow a generic topic by comparison; the check above is the narrowing.
    else events.push(decoded.event as TypedEvent<T>);
  }
  return { events, skipped };
}

/**
 * The latest-per-key state a producer keeps for `topic` (empty when its route keeps no snapshot),
 * every entry checked against the contract: a corrupt field is skipped, never served or trusted.
 */
export async function readSnapshot<T extends TopicName>(redis: Pick<Redis, 'hgetall'>, route: TopicRoute, topic: T): Promise<Snapshot<T>> {
  if (route.topic !== topic) throw new Error(`readSnapshot: the route of "${route.topic}" was given for topic "${topic}"`);
  if (route.snapshot === undefined) return { events: [], skipped: [] };
  return decodeSnapshot(topic, await redis.hgetall(route.snapshot));
}
