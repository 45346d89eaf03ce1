import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { errorAnswer, errorAnswerBody, INTERNAL_ERROR_ANSWER } from './error-answer.js';
import { errorBody } from './error-body.js';
import { publicRoute } from './edge/route.js';
import { healthResponseSchema } from './health-response.schema.js';
import { requestIdFrom } from './request-id.js';
import type { HealthInfo } from './health.js';

/** Request id (echoed as X-Request-Id) and one structured log line per request. */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/metrics' || req.url === '/health' },
  });
}

/** Public by design: pm2, nginx and tests ask without a session. */
export function mountHealth(app: Express, paths: readonly string[], health: () => HealthInfo): void {
  const route = publicRoute({ summary: 'Liveness of this process, its version and loaded truth', responses: { 200: healthResponseSchema } }, (_input, _req, res) => {
    res.json(health());
  });
  for (const path of paths) app.get(path, route);
}

/** Public on the service's own port; nginx never routes /metrics from outside. */
export function mountMetrics(app: Express, registry: Registry): void {
  app.get(
    '/metrics',
    publicRoute({ summary: 'Prometheus metrics of this process', responses: { 200: z.string() } }, async (_input, _req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    }),
  );
}

/** pino-http sets `req.id`; it is always the string genReqId returned. */
export function requestIdOf(req: object): string {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(404, `no route for ${req.method} ${req.path}`, undefined, requestIdOf(req)));
};

/**
 * Known errors (DomainError, HttpError, an HTTP library's client errors) answer their status, code
 * and message (errorAnswer, shared with the NestJS filter); anything else is a bare 500 with nothing
 * leaked, and its log line carries the request id.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const requestId = requestIdOf(req);
    const known = errorAnswer(error);
    if (!known) logger.error({ err: error, requestId }, 'unhandled error');
    // A streamed answer already started: its status cannot change; Express's own handler cuts it.
    if (res.headersSent) return next(error);
    const answer = known ?? INTERNAL_ERROR_ANSWER;
    if (answer.retryAfterSec !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(answer.retryAfterSec))));
    res.status(answer.status).json(errorAnswerBody(answer, requestId));
  };
}
