import type { Redis } from 'ioredis';
import { decodeSnapshot, resumeVerdict, streamBounds } from '@marketswarm/shared/bus';
import { compareStreamIds, formatStreamId, parseStreamId, topicSpecs, ZERO_ID, type BusName, type StreamId, type StreamResetReason, type TopicName } from '@marketswarm/shared/events';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { decodeTopicEntry, ingest } from './ingested-event.js';
import type { ResumeCursor } from './resume-cursor.js';
import type { SseConnection } from './sse-connection.js';
import type { SharedReads } from './shared-reads.js';
import type { StoredEntries } from './stored-entries.js';

export interface CatchUpDeps {
  route(topic: TopicName): TopicRoute | undefined;
  redis(bus: BusName): Redis;
  recentCount: number;
  /** Most bytes a replay may send (the live byte budget); past it the topic resets to its snapshot. */
  byteBudget: number;
  onInvalid(topic: TopicName, reason: string): void;
  onResume(outcome: ResumeOutcome): void;
  /** Entries decoded by earlier catch-ups, shared (a restart's storm replays the same ones); none: decode each. */
  entries?: StoredEntries;
  /** Reads shared by the catch-ups of one event-loop turn; none: each reads alone. */
  reads?: SharedReads;
}

/** A read of `bus` that catch-ups asking the same thing in the same turn share (see SharedReads). */
function sharedRead<T>(deps: CatchUpDeps, bus: BusName, key: string, run: () => Promise<T>): Promise<T> {
  return deps.reads ? deps.reads.read(`${bus}\u0000${key}`, run) : run();
}

export type ResumeOutcome = 'replayed' | 'reset' | 'fresh' | 'conflated';

/**
 * Topics whose snapshot hash holds the full state that every stream entry only patches (heatmap
 * diffs against the full model): more than one missed entry is cheaper to send as that state.
 */
const CONFLATE_ON_CATCH_UP: ReadonlySet<TopicName> = new Set<TopicName>(['heatmap']);

const MIN_PAGE = 8;
const MAX_PAGE = 500;
/**
 * Stream bytes a catch-up may read per byte of budget. Entries the client may not see (other
 * symbols, other users) are read but never sent; without this bound a crafted position on
 * `/sse/gex/<a symbol with no data>` would read a topic's whole retention on every request.
 */
const READ_PER_BUDGET_BYTE = 4;

/**
 * Brings a new connection up to date, topic by topic, before it goes live:
 * - a topic the client has a position in is replayed exactly from there (XRANGE), unless entries
 *   after that position were trimmed or the position is ahead of the stream (Redis lost data):
 *   then an explicit `reset` event and a fresh snapshot, never a silent gap;
 * - a topic it has no position in gets the snapshot: latest per key, or the last N entries.
 * Ends with `ready`, stamped with the full cursor so Last-Event-ID covers every topic.
 */
export async function catchUp(connection: SseConnection, resume: ResumeCursor | null, deps: CatchUpDeps): Promise<void> {
  const resumed: TopicName[] = [];
  const reset: TopicName[] = [];
  // One budget for the whole catch-up of this connection (snapshots included): a crafted id on
  // /sse/all must not replay every topic's retention, whatever the number of topics.
  const budget: CatchUpBudget = { until: connection.bytesWritten + deps.byteBudget, readLeft: deps.byteBudget * READ_PER_BUDGET_BYTE };
  const resetTo = async (topic: TopicName, route: TopicRoute, redis: Redis, reason: StreamResetReason) => {
    await connection.drained();
    connection.control('reset', { topic, reason });
    // The old position means nothing now; the snapshot sets a new one.
    connection.forget(topic);
    reset.push(topic);
    deps.onResume('reset');
    await sendSnapshot(connection, topic, route, redis, deps);
  };
  for (const topic of connection.subscription.topics) {
    if (connection.isClosed) return;
    const route = deps.route(topic);
    if (!route) continue;
    const redis = deps.redis(route.bus);
    const at = resume?.get(topic);
    if (at) {
      const bounds = await sharedRead(deps, route.bus, `bounds\u0000${route.stream}`, () => streamBounds(redis, route.stream));
      const verdict = resumeVerdict(at, bounds);
      if (verdict !== 'replay') {
        await resetTo(topic, route, redis, verdict);
        continue;
      }
      // At the stream's newest id nothing was missed: nothing to read (what is added from here on
      // reaches this connection live, and its cursor drops what it already has).
      if (compareStreamIds(at, bounds.last) >= 0) {
        resumed.push(topic);
        deps.onResume('replayed');
        continue;
      }
      if (CONFLATE_ON_CATCH_UP.has(topic) && (await missedEntries(redis, route.stream, at, 2)) > 1) {
        // The snapshot entries are full models: they replace the client's state without a reset.
        deps.onResume('conflated');
        resumed.push(topic);
        await sendSnapshot(connection, topic, route, redis, deps);
        continue;
      }
      const outcome = await replay(connection, topic, route, redis, at, budget, deps);
      // 'overrun': retention trimmed entries this client had not read yet while it was replayed.
      if (outcome === 'overrun') await resetTo(topic, route, redis, 'retention');
      else if (outcome === 'over-budget') await resetTo(topic, route, redis, 'catch-up-budget');
      else {
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
function feedEntry(connection: SseConnection, topic: TopicName, stream: string, rawId: string, id: StreamId, fields: readonly string[], deps: CatchUpDeps): void {
  const decoded = deps.entries ? deps.entries.decode(stream, topic, rawId, id, fields) : decodeFresh(topic, id, fields);
  if (!decoded.ok) {
    deps.onInvalid(topic, decoded.reason);
    connection.advance(topic, id);
    return;
  }
  const event = decoded.event;
  if (connection.accepts(event)) connection.deliver(event);
  else connection.advance(topic, id);
}

function decodeFresh(topic: TopicName, id: StreamId, fields: readonly string[]) {
  const decoded = decodeTopicEntry(topic, fields);
  return decoded.ok ? { ok: true as const, event: ingest(decoded.event, id) } : decoded;
}

/** Waits while the client's socket is full, so nothing queues (and the cursor never runs ahead). */
async function paced(connection: SseConnection): Promise<boolean> {
  if (connection.isLagging) await connection.drained();
  return !connection.isClosed;
}

interface CatchUpBudget {
  /** `bytesWritten` of the connection past which replay stops. */
  until: number;
  /** Stream bytes replay may still read, sent or not. */
  readLeft: number;
}

/** How many entries follow `after`, counting no further than `upTo`. */
async function missedEntries(redis: Redis, stream: string, after: StreamId, upTo: number): Promise<number> {
  return (await redis.xrange(stream, `(${formatStreamId(after)}`, '+', 'COUNT', upTo)).length;
}

/**
 * Replays entries after `from`, a page at a time. Each page is read with the stream's oldest entry
 * in one MULTI: if trimming passed the position meanwhile, entries may be gone, so it stops with
 * 'overrun' instead of skipping them silently. Pages are sized by bytes, not entries (a heatmap
 * entry weighs a thousand spot ticks), and once the connection's catch-up has written its byte
 * budget, or read four times that from Redis, it stops with 'over-budget': the caller resets the
 * topic to its snapshot.
 */
async function replay(
  connection: SseConnection,
  topic: TopicName,
  route: TopicRoute,
  redis: Redis,
  from: StreamId,
  budget: CatchUpBudget,
  deps: CatchUpDeps,
): Promise<'done' | 'overrun' | 'over-budget'> {
  let position = from;
  let pageSize = MIN_PAGE;
  for (;;) {
    const after = formatStreamId(position);
    const read = () => redis.multi().xrange(route.stream, '-', '+', 'COUNT', 1).xrange(route.stream, `(${after}`, '+', 'COUNT', pageSize).exec();
    const [[, oldest], [, page]] = ((await sharedRead(deps, route.bus, `page\u0000${route.stream}\u0000${after}\u0000${pageSize}`, read)) ?? [
      [null, []],
      [null, []],
    ]) as [[unknown, [string, string[]][]], [unknown, [string, string[]][]]];
    const first = parseStreamId(oldest[0]?.[0] ?? '');
    if (first && compareStreamIds(first, position) > 0 && compareStreamIds(position, from) > 0) return 'overrun';
    let pageBytes = 0;
    for (const [rawId, fields] of page) {
      const id = parseStreamId(rawId);
      if (!id || !(await paced(connection))) return 'done';
      if (connection.bytesWritten > budget.until || budget.readLeft < 0) return 'over-budget';
      position = id;
      const size = entryBytes(fields);
      pageBytes += size;
      budget.readLeft -= size;
      feedEntry(connection, topic, route.stream, rawId, id, fields, deps);
    }
    if (page.length < pageSize) return 'done';
    if (connection.bytesWritten > budget.until || budget.readLeft < 0) return 'over-budget';
    // Next page: about what the rest of both budgets can hold, judged by this page's entries.
    const perEntry = Math.max(1, pageBytes / page.length);
    const room = Math.min(budget.until - connection.bytesWritten, budget.readLeft);
    pageSize = Math.min(MAX_PAGE, Math.max(MIN_PAGE, Math.floor(room / perEntry)));
  }
}

function entryBytes(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) n += field.length;
  return n;
}

async function sendSnapshot(connection: SseConnection, topic: TopicName, route: TopicRoute, redis: Redis, deps: CatchUpDeps): Promise<void> {
  const mode = topicSpecs[topic].snapshot;
  if (mode === 'recent') {
    // COUNT 0 answers nothing, so with recentCount 0 the newest entry is still read: the client's
    // position starts there (it is sent no history), not at the start of the stream.
    const count = Math.max(1, deps.recentCount);
    const newest = await sharedRead(deps, route.bus, `recent\u0000${route.stream}\u0000${count}`, () => redis.xrevrange(route.stream, '+', '-', 'COUNT', count));
    const entries = deps.recentCount > 0 ? [...newest].reverse() : [];
    for (const [rawId, fields] of entries) {
      const id = parseStreamId(rawId);
      if (!id || !(await paced(connection))) return;
      feedEntry(connection, topic, route.stream, rawId, id, fields, deps);
    }
    if (entries.length === 0) {
      // Nothing sent: the position is the newest entry, or the stream's start when it is empty.
      connection.advance(topic, (newest[0] && parseStreamId(newest[0][0])) || ZERO_ID);
    }
    return;
  }
  // Tail id and snapshot hash in one MULTI: producers write both atomically (one MULTI or script), so the snapshot is
  // exactly the state as of that id — nothing is missed or counted twice when live events follow.
  const hashKey = mode === 'latest-by-key' ? route.snapshot : undefined;
  const read = () => {
    const tx = redis.multi().xrevrange(route.stream, '+', '-', 'COUNT', 1);
    if (hashKey) tx.hgetall(hashKey);
    return tx.exec();
  };
  const result = (await sharedRead(deps, route.bus, `state\u0000${route.stream}\u0000${hashKey ?? ''}`, read)) ?? [];
  const newest = (result[0]?.[1] as [string, string[]][] | undefined)?.[0];
  const at = (newest && parseStreamId(newest[0])) || ZERO_ID;
  const hash = (result[1]?.[1] as Record<string, string> | undefined) ?? {};
  const snapshot = decodeSnapshot(topic, hash);
  for (const skipped of snapshot.skipped) deps.onInvalid(topic, `snapshot ${skipped.field}: ${skipped.reason}`);
  const bodies: Buffer[] = [];
  for (const typed of snapshot.events) {
    const event = ingest(typed, at);
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
