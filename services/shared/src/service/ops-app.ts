import express, { type Express } from 'express';
import { errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging } from '../http/express-kit.js';
import { requestMetrics } from '../http/request-metrics.js';
import type { ServiceContext } from './boot-service.js';

/**
 * The operational HTTP surface of a process whose data travels through Redis, not HTTP (the
 * producers): `/health` and `/metrics`, request logs, the shared 404 and error bodies.
 */
export function createOpsApp(ctx: ServiceContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(ctx.logger));
  app.use(requestMetrics(ctx.metrics));
  mountHealth(app, ['/health'], ctx.health);
  mountMetrics(app, ctx.metrics);
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
