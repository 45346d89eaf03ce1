import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedisBus } from '@marketswarm/shared/bus';
import type { BusName, TopicName } from '@marketswarm/shared/events';
import { errorBody, requestIdFrom } from '@marketswarm/shared/http';
import type { Logger } from '@marketswarm/shared/logger';
import type { TruthDoc } from '@marketswarm/shared/truth';
import { catchUp } from './catch-up.js';
import type { Fanout } from './fanout.js';
import { encodeRetry } from './frame-encoder.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { CursorCodec } from './resume-cursor.js';
import { SseConnection } from './sse-connection.js';
import { SharedReads } from './shared-reads.js';
import { StoredEntries } from './stored-entries.js';
import type { SubscriberRegistry } from './subscriber-registry.js';
import { resolveSubscription } from './subscription.js';

export interface StreamUser {
  id: string;
  role: string;
  sessionId: string;
}

export interface SseHandlerDeps {
  truth: () => TruthDoc;
  bus: RedisBus;
  fanout: Fanout;
  metrics: GatewayMetrics;
  codec: CursorCodec;
  logger: Logger;
  authenticate(cookieHeader: string | undefined): Promise<StreamUser | null>;
  settings: { retryMs: number; byteBudget: number; recentCount: number; maxStreamsPerUser: number; maxStreamsPerSession: number };
}

export type SseHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * GET /sse/*, on plain node:http objects: a stream lives for hours and is written thousands of
 * times, so it skips Express and per-request logger children (they cost memory per connection and
 * made every write megamorphic). Refuses with a real status before streaming (401 no session,
 * 404 no such stream, 400 bad query), then: headers, `retry:`, catch-up (replay or snapshot), live.
 */
export function createSseHandler(deps: SseHandlerDeps): SseHandler {
  const shared: SharedCatchUp = { entries: new StoredEntries(), reads: new SharedReads() };
  return async (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    try {
      await openStream(deps, shared, req, res, requestId);
    } catch (error) {
      // The listener's 500 echoes the request id it reads from the response.
      if (!res.headersSent) res.setHeader('X-Request-Id', requestId);
      throw error;
    }
  };
}

/**
 * Headers go out in one writeHead and never through setHeader: a response that used setHeader
 * keeps a table of its headers for its whole life, and a stream lives for hours.
 */
/** What the catch-ups of one gateway share: decoded entries and same-turn reads (a reconnect storm asks the same). */
interface SharedCatchUp {
  entries: StoredEntries;
  reads: SharedReads;
}

async function openStream(deps: SseHandlerDeps, shared: SharedCatchUp, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (req.method !== 'GET') return refuse(res, 405, `streams answer GET, not ${req.method}`, requestId);
  const resolved = resolveSubscription(url.pathname, url.searchParams.get('topics') ?? undefined);
  const header = req.headers['last-event-id'];
  const rawId = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('lastEventId') ?? undefined;
  const cookie = req.headers.cookie;
  releaseRequestHeaders(req);
  const user = await deps.authenticate(cookie);
  if (!user) return refuse(res, 401, 'sign in first', requestId);
  if (!resolved.ok) return refuse(res, resolved.status, resolved.message, requestId);
  const resume = deps.codec.parse(rawId);
  // The client may have gone while we waited for Redis: never register a dead connection.
  if (req.destroyed || res.destroyed) return;
  // Checked after the last await, so parallel requests cannot all pass before any registers.
  const overCap = streamCapExceeded(deps.fanout.registry, user, deps.settings);
  if (overCap) {
    deps.metrics.refused.inc({ reason: overCap.reason });
    return refuse(res, 429, overCap.message, requestId);
  }

  // No chunked framing on HTTP/1.1: the body is the event stream until the connection closes,
  // which saves two buffers per write (chunk size and CRLF).
  res.useChunkedEncodingByDefault = false;
  res.writeHead(200, {
    'X-Request-Id': requestId,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
    'X-Content-Type-Options': 'nosniff',
  });
  const socket = req.socket;
  socket.setNoDelay(true);
  socket.setTimeout(0);

  const { route } = resolved.subscription;
  const connectedAt = Date.now();
  const connection = new SseConnection(res, user, resolved.subscription, resume, {
    byteBudget: deps.settings.byteBudget,
    codec: deps.codec,
    metrics: deps.metrics,
    wire: socket,
    onClose: (c) => {
      deps.fanout.registry.remove(c);
      deps.metrics.connections.dec({ route });
      deps.logger.info({ requestId, route, user: user.id, durationMs: Date.now() - connectedAt }, 'stream closed');
    },
  });
  connection.hold();
  // Through the response, which puts its headers in front. Jitter spreads reconnects when a
  // gateway restart drops every client at once.
  res.write(encodeRetry(deps.settings.retryMs * (0.8 + Math.random() * 0.4)));
  deps.fanout.registry.add(connection);
  deps.metrics.connections.inc({ route });
  if (rawId && !resume) connection.control('reset', { topic: '*', reason: 'unreadable-id' });

  await catchUp(connection, resume, {
    route: (topic: TopicName) => deps.truth().topics[topic],
    redis: (bus: BusName) => deps.bus.get(bus),
    recentCount: deps.settings.recentCount,
    byteBudget: deps.settings.byteBudget,
    onInvalid: (topic, reason) => deps.fanout.invalid(topic, reason),
    onResume: (outcome) => deps.metrics.resumes.inc({ outcome }),
    entries: shared.entries,
    reads: shared.reads,
  }).catch((error: unknown) => {
    deps.logger.error({ err: (error as Error).message, requestId }, 'catch-up failed');
    connection.disconnect('shutdown');
  });
}

const NO_RAW_HEADERS: string[] = [];

/**
 * Drops the request's header strings once they are read: the request object lives as long as the
 * stream (the HTTP server holds it), and nothing reads its headers again.
 */
function releaseRequestHeaders(req: IncomingMessage): void {
  req.headers = {};
  req.rawHeaders = NO_RAW_HEADERS;
}

function streamCapExceeded(
  registry: SubscriberRegistry,
  user: StreamUser,
  limits: { maxStreamsPerUser: number; maxStreamsPerSession: number },
): { reason: 'streams-per-session' | 'streams-per-user'; message: string } | null {
  if (registry.countForSession(user.sessionId) >= limits.maxStreamsPerSession) {
    return { reason: 'streams-per-session', message: `this session already holds ${limits.maxStreamsPerSession} streams, the most one session may open; close a tab or stream first` };
  }
  if (registry.countForUser(user.id) >= limits.maxStreamsPerUser) {
    return { reason: 'streams-per-user', message: `this account already holds ${limits.maxStreamsPerUser} streams, the most one user may open; close a tab or stream first` };
  }
  return null;
}

function refuse(res: ServerResponse, status: number, message: string, requestId: string): void {
  res.writeHead(status, { 'X-Request-Id': requestId, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(errorBody(status, message, undefined, requestId)));
}
