import type { Request, RequestHandler } from 'express';
import type { BusName, TopicName } from '@marketswarm/shared/events';
import { errorBody, requestIdOf } from '@marketswarm/shared/http';
import type { Logger } from '@marketswarm/shared/logger';
import type { RedisBus } from '@marketswarm/shared/bus';
import type { TruthDoc } from '@marketswarm/shared/truth';
import { catchUp } from './catch-up.js';
import type { Fanout } from './fanout.js';
import { encodeRetry } from './frame-encoder.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import { ResumeCursor } from './resume-cursor.js';
import { SseConnection } from './sse-connection.js';
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
  logger: Logger;
  metrics: GatewayMetrics;
  authenticate(req: Request): Promise<StreamUser | null>;
  settings: { retryMs: number; byteBudget: number; recentCount: number };
}

/**
 * GET /sse/*: refuses with a real status before streaming (401 no session, 404 no such stream,
 * 400 bad query), then: headers, `retry:`, catch-up (replay or snapshot), live.
 */
export function createSseHandler(deps: SseHandlerDeps): RequestHandler {
  return async (req, res) => {
    const requestId = requestIdOf(req);
    const user = await deps.authenticate(req);
    if (!user) {
      res.status(401).json(errorBody(401, 'sign in first', undefined, requestId));
      return;
    }
    const resolved = resolveSubscription(req.baseUrl + req.path, req.query['topics']);
    if (!resolved.ok) {
      res.status(resolved.status).json(errorBody(resolved.status, resolved.message, undefined, requestId));
      return;
    }
    const rawId = req.get('last-event-id') ?? (typeof req.query['lastEventId'] === 'string' ? req.query['lastEventId'] : undefined);
    const resume = ResumeCursor.parse(rawId);

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      ...(req.httpVersionMajor === 1 ? { Connection: 'keep-alive' } : {}),
    });
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    // Jitter spreads reconnects when a gateway restart drops every client at once.
    res.write(encodeRetry(deps.settings.retryMs * (0.8 + Math.random() * 0.4)));

    const { route } = resolved.subscription;
    const connection = new SseConnection(res, user, resolved.subscription, resume, {
      byteBudget: deps.settings.byteBudget,
      metrics: deps.metrics,
      onClose: (c) => {
        deps.fanout.registry.remove(c);
        deps.metrics.connections.dec({ route });
      },
    });
    deps.fanout.registry.add(connection);
    deps.metrics.connections.inc({ route });
    if (rawId && !resume) connection.control('reset', { topic: '*', reason: 'unreadable-id' });

    await catchUp(connection, resume, {
      route: (topic: TopicName) => deps.truth().topics[topic],
      redis: (bus: BusName) => deps.bus.get(bus),
      recentCount: deps.settings.recentCount,
      onInvalid: (topic, reason) => deps.fanout.invalid(topic, reason),
      onResume: (outcome) => deps.metrics.resumes.inc({ outcome }),
    }).catch((error: unknown) => {
      deps.logger.error({ err: (error as Error).message, requestId }, 'catch-up failed');
      connection.disconnect('shutdown');
    });
  };
}
