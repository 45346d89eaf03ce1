import express, { type Express } from 'express';
import helmet from 'helmet';
import { errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging } from '@marketswarm/shared/http';
import type { ServiceContext } from '@marketswarm/shared/service';

/** The gateway's HTTP surface. Streams, auth and models REST are added by their own routers. */
export function createGatewayApp(ctx: ServiceContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(requestLogging(ctx.logger));
  mountHealth(app, ['/health', '/api/health'], ctx.health);
  mountMetrics(app, ctx.metrics);
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
