import type { Redis } from 'ioredis';
import { STREAM_FIELD, topicSpecs, type BusName, type TopicName } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { decodeTopicEntry, ingest } from './ingested-event.js';
import type { ResumeCursor } from './resume-cursor.js';
import type { SseConnection } from './sse-connection.js';
import { resumeVerdict, streamBounds } from './stream-bounds.js';
import { compareStreamIds, formatStreamId, parseStreamId, ZERO_ID, type StreamId } from './stream-id.js';

export interface CatchUpDeps {
  route(topic: TopicName): TopicRoute | undefined;
  redis(bus: BusName): Redis;
  recentCount: number;
  onInvalid(topic: TopicName, reason: string): void;
  onResume(outcome: 'replayed' | 'reset' | 'fresh'): void;
}

const PAGE = 500;

/**
 * Brings a new connection up to date, topic by topic, before it goes live:
 * - a topic the client has a position in is replayed exactly from there (XRANGE), unless entries
 *   after that position were trimmed or the position is ahead of the stream (Redis lost data):
 *   then an explicit `reset` event and a fresh snapshot, never a silent gap;
 * - a topic it has no position in gets the snapshot: latest per key, or the last N entries.
 * Ends with `ready`, stamped with the full cursor so Last-Event-ID covers every topic.
 */
export async function catchUp(connection: SseConnection, resume: ResumeCursor | null, deps: CatchUpDeps): Promise<void> {
  const resumed: string[] = [];
  const reset: string[] = [];
  for (const topic of connection.subscription.topics) {
    if (connection.isClosed) return;
    const route = deps.route(topic);
    if (!route) continue;
    const redis = deps.redis(route.bus);
    const at = resume?.get(topic);
    if (at) {
      const verdict = resumeVerdict(at, await streamBounds(redis, route.stream));
      if (verdict !== 'replay') {
        await connection.drained();
        connection.control('reset', { topic, reason: verdict });
        // The old position means nothing now; the snapshot sets a new one.
        connection.forget(topic);
        reset.push(topic);
        deps.onResume('reset');
        await sendSnapshot(connection, topic, route, redis, deps);
      } else if ((await replay(connection, topic, route, redis, at, deps)) === 'overrun') {
        // Retention trimmed entries this client had not read yet while it was being replayed.
        await connection.drained();
        connection.control('reset', { topic, reason: 'retention' });
        connection.forget(topic);
        reset.push(topic);
        deps.onResume('reset');
        await sendSnapshot(connection, topic, route, redis, deps);
      } else {
        resumed.push(topic);
        deps.onResume('replayed');
      }
    } else {
      deps.onResume('fresh');
      await sendSnapshot(connection, topic, route, redis, deps);
    }
  }
  await connection.drained();
  if (connection.isClosed) return;
  connection.control('ready', { topics: connection.subscription.topics, resumed, reset }, true);
  connection.goLive();
}

/**
 * One stored entry during catch-up: delivered when it is valid and for this client; otherwise the
 * cursor still moves past it, so a resume never reads it again.
 */
function feedEntry(connection: SseConnection, topic: TopicName, id: StreamId, fields: readonly string[], deps: CatchUpDeps): void {
  const decoded = decodeTopicEntry(topic, fields);
  if (!decoded.ok) {
    deps.onInvalid(topic, decoded.reason);
    connection.advance(topic, id);
    return;
  }
  const event = ingest(decoded.event, id);
  if (connection.accepts(event)) connection.deliver(event);
  else connection.advance(topic, id);
}

/** Waits while the client's socket is full, so nothing queues (and the cursor never runs ahead). */
async function paced(connection: SseConnection): Promise<boolean> {
  if (connection.isLagging) await connection.drained();
  return !connection.isClosed;
}

/**
 * Replays entries after `from`, a page at a time. Each page is read with the stream's oldest entry
 * in one MULTI: if trimming passed the position meanwhile, entries may be gone, so it stops with
 * 'overrun' instead of skipping them silently.
 */
async function replay(connection: SseConnection, topic: TopicName, route: TopicRoute, redis: Redis, from: StreamId, deps: CatchUpDeps): Promise<'done' | 'overrun'> {
  let position = from;
  for (;;) {
    const [[, oldest], [, page]] = ((await redis.multi().xrange(route.stream, '-', '+', 'COUNT', 1).xrange(route.stream, `(${formatStreamId(position)}`, '+', 'COUNT', PAGE).exec()) ?? [
      [null, []],
      [null, []],
    ]) as [[unknown, [string, string[]][]], [unknown, [string, string[]][]]];
    const first = parseStreamId(oldest[0]?.[0] ?? '');
    if (first && compareStreamIds(first, position) > 0 && compareStreamIds(position, from) > 0) return 'overrun';
    const entries = page;
    for (const [rawId, fields] of entries) {
      const id = parseStreamId(rawId);
      if (!id || !(await paced(connection))) return 'done';
      position = id;
      feedEntry(connection, topic, id, fields, deps);
    }
    if (entries.length < PAGE) return 'done';
  }
}

async function sendSnapshot(connection: SseConnection, topic: TopicName, route: TopicRoute, redis: Redis, deps: CatchUpDeps): Promise<void> {
  const mode = topicSpecs[topic].snapshot;
  if (mode === 'recent') {
    const entries = (await redis.xrevrange(route.stream, '+', '-', 'COUNT', deps.recentCount)).reverse();
    for (const [rawId, fields] of entries) {
      const id = parseStreamId(rawId);
      if (!id || !(await paced(connection))) return;
      feedEntry(connection, topic, id, fields, deps);
    }
    // An empty stream: every entry that arrives later is new to this client.
    if (entries.length === 0) connection.advance(topic, ZERO_ID);
    return;
  }
  // Tail id and snapshot hash in one MULTI: producers write both in one MULTI, so the snapshot is
  // exactly the state as of that id — nothing is missed or counted twice when live events follow.
  const tx = redis.multi().xrevrange(route.stream, '+', '-', 'COUNT', 1);
  if (mode === 'latest-by-key' && route.snapshot) tx.hgetall(route.snapshot);
  const result = (await tx.exec()) ?? [];
  const newest = (result[0]?.[1] as [string, string[]][] | undefined)?.[0];
  const at = (newest && parseStreamId(newest[0])) || ZERO_ID;
  const hash = (result[1]?.[1] as Record<string, string> | undefined) ?? {};
  const bodies: Buffer[] = [];
  for (const json of Object.values(hash)) {
    const decoded = decodeTopicEntry(topic, [STREAM_FIELD, json]);
    if (!decoded.ok) {
      deps.onInvalid(topic, `snapshot: ${decoded.reason}`);
      continue;
    }
    const event = ingest(decoded.event, at);
    if (connection.accepts(event)) bodies.push(event.body);
  }
  if (bodies.length === 0) {
    connection.advance(topic, at);
    return;
  }
  for (let i = 0; i < bodies.length; i++) {
    if (!(await paced(connection))) return;
    connection.writeSnapshotEntry(topic, bodies[i]!, at, i === bodies.length - 1);
  }
}
