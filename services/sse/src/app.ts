import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging } from '@marketswarm/shared/http';
import type { ServiceContext } from '@marketswarm/shared/service';

export interface GatewayRoutes {
  /** `/sse/*` streams. */
  streams: Router;
  /** `/api/*` routers mounted in order (auth, profile, admin, models). */
  api: readonly [path: string, router: Router][];
}

/** The gateway's HTTP surface; each concern lives in its own router, this only orders them. */
export function createGatewayApp(ctx: ServiceContext, routes: GatewayRoutes): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(requestLogging(ctx.logger));
  mountHealth(app, ['/health', '/api/health'], ctx.health);
  mountMetrics(app, ctx.metrics);
  app.use('/sse', routes.streams);
  for (const [path, router] of routes.api) app.use(path, router);
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
