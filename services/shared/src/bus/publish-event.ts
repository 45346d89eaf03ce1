import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { appendOnce, type AppendEntry } from './idempotent-append.js';
import { encodeStreamEntry } from '../events/stream-codec.js';
import { formatEventIssues, parseEvent, type EventInput, type TypedEvent } from '../events/envelope.js';
import { snapshotField } from '../events/payloads.js';
import { topicSpecs, type TopicName } from '../events/topics.js';
import type { TopicRoute } from '../truth/truth-doc.schema.js';

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/**
 * Checks an envelope against the contract before anything is written; throws with every issue named.
 * Takes `unknown`: the types catch a wrong shape at compile time, this catches wrong values (a
 * negative price, a lower-case ticker) and input that never had a type (JSON from the command line).
 */
export function validateForPublish(route: TopicRoute, input: unknown): TypedEvent {
  const parsed = parseEvent(input);
  if (!parsed.ok) throw new InvalidEventError(formatEventIssues(parsed.issues));
  if (parsed.event.topic !== route.topic) {
    throw new InvalidEventError(`topic: event is for "${parsed.event.topic}" but the route is "${route.topic}"`);
  }
  return parsed.event;
}

export interface PublishOptions<T extends TopicName = TopicName> {
  /**
   * The state to keep in the snapshot hash for an event, when it is not the event itself: a
   * heatmap diff is streamed while the hash keeps the full model at the same version.
   */
  snapshotOf?: (event: TypedEvent<T>) => EventInput<T>;
  /**
   * Makes the publish happen at most once: a second call with the same token within two minutes
   * returns the first one's ids and writes nothing. Default: a fresh token, which still makes the
   * client's own resend after a dropped connection harmless.
   */
  token?: string;
}

/**
 * Appends events the way every producer does: stream entry with bounded retention and, for state
 * topics, the latest snapshot per key, atomically (one script) so a reader never sees one without
 * the other, and at most once per token (see appendOnce). Returns the stream ids in order.
 */
export async function publishEvents<T extends TopicName>(redis: Redis, route: TopicRoute, inputs: readonly EventInput<T>[], options: PublishOptions<T> = {}): Promise<string[]> {
  const events = inputs.map((input) => validateForPublish(route, input));
  const keepsSnapshot = route.snapshot !== undefined && topicSpecs[route.topic].snapshot === 'latest-by-key';
  const entries: AppendEntry[] = events.map((event) => {
    if (!keepsSnapshot) return { fields: encodeStreamEntry(event) };
    // Validated from an EventInput<T>, whose topic parseEvent keeps: the event is a TypedEvent<T>.
    const state = options.snapshotOf ? validateForPublish(route, options.snapshotOf(event as TypedEvent<T>)) : event;
    return { fields: encodeStreamEntry(event), snapshot: { field: snapshotField(event.topic, event.data, event.user), value: JSON.stringify(state) } };
  });
  return appendOnce(redis, { stream: route.stream, maxlen: route.maxlen, snapshot: keepsSnapshot ? route.snapshot : undefined }, options.token ?? randomUUID(), entries);
}

export async function publishEvent<T extends TopicName>(redis: Redis, route: TopicRoute, input: EventInput<T>): Promise<string> {
  const [id] = await publishEvents(redis, route, [input]);
  if (!id) throw new Error(`publishing to ${route.stream} returned no id`);
  return id;
}
