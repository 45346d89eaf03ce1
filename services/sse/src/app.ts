import cors from 'cors';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { API_CONTENT_SECURITY_POLICY, errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging, securityHeaders } from '@marketswarm/shared/http';
import type { ServiceContext } from '@marketswarm/shared/service';

export interface GatewayRoutes {
  /** CORS stays off (same origin behind nginx) unless truth enables an allow-list. */
  cors: { enabled: boolean; origins: string[] };
  /** `/api/*` mounts in order: path, then its guards and router. */
  api: readonly [path: string, ...handlers: (Router | RequestHandler)[]][];
}

/** The gateway's REST surface (streams bypass Express: see gateway-listener.ts); this only orders routers. */
export function createGatewayApp(ctx: ServiceContext, routes: GatewayRoutes): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The same headers nginx sends at the edge (it hides this copy), with a policy for JSON only.
  app.use(securityHeaders(API_CONTENT_SECURITY_POLICY));
  if (routes.cors.enabled) app.use(cors({ origin: routes.cors.origins, credentials: true }));
  app.use(requestLogging(ctx.logger));
  mountHealth(app, ['/health', '/api/health'], ctx.health);
  mountMetrics(app, ctx.metrics);
  for (const [path, ...handlers] of routes.api) app.use(path, ...handlers);
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
