import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { errorBody, HttpError } from './error-body.js';
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

export function mountHealth(app: Express, paths: readonly string[], health: () => HealthInfo): void {
  for (const path of paths) app.get(path, (_req, res) => void res.json(health()));
}

export function mountMetrics(app: Express, registry: Registry): void {
  app.get('/metrics', (_req, res, next) => {
    registry
      .metrics()
      .then((text) => res.type(registry.contentType).send(text))
      .catch(next);
  });
}

/** pino-http sets `req.id`; it is always the string genReqId returned. */
export function requestIdOf(req: object): string {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(404, `no route for ${req.method} ${req.path}`, undefined, requestIdOf(req)));
};

/** Known errors keep their status and message; anything else is a bare 500 with nothing leaked. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = requestIdOf(req);
    if (error instanceof HttpError) {
      res.status(error.statusCode).json(errorBody(error.statusCode, error.message, error.issues, requestId));
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status && status >= 400 && status < 500) {
      // body-parser errors: malformed JSON, payload too large
      res.status(status).json(errorBody(status, (error as Error).message, undefined, requestId));
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    res.status(500).json(errorBody(500, 'internal error', undefined, requestId));
  };
}
