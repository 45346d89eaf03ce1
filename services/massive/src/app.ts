import express, { type Express } from 'express';
import { errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging } from '@marketswarm/shared/http';
import type { ServiceContext } from '@marketswarm/shared/service';

/**
 * The market producer's operational HTTP surface: `/health` and `/metrics` only. Its data goes to
 * market Redis (streams and snapshots), never over HTTP.
 */
export function createMassiveApp(ctx: ServiceContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging(ctx.logger));
  mountHealth(app, ['/health'], () => ctx.health());
  mountMetrics(app, ctx.metrics);
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
