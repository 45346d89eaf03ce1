import cors from 'cors';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { API_CONTENT_SECURITY_POLICY, errorHandler, mountHealth, mountMetrics, notFoundHandler, requestLogging, requestMetrics, securityHeaders } from '@marketswarm/shared/http';
import { mountOpenApi } from '@marketswarm/shared/edge';
import type { ServiceContext } from '@marketswarm/shared/service';

/**
 * The gateway's OpenAPI document. Under `/api/auth` because nginx routes that prefix to the gateway
 * and the auth router is already its public face; `/api/health` is an exact location, and the other
 * prefixes are behind a session or read their next segment as a name (`/api/models/:model`).
 */
export const GATEWAY_OPENAPI_PATH = '/api/auth/openapi.json';

export interface GatewayRoutes {
  /** CORS stays off (same origin behind nginx) unless truth enables an allow-list. */
  cors: { enabled: boolean; origins: string[] };
  /** `/api/*` mounts in order: path, then its guards and router. */
  api: readonly [path: string, ...handlers: (Router | RequestHandler)[]][];
}

/** The gateway's REST surface (streams bypass Express: see gateway-listener.ts); this only orders routers. */
export function createGatewayApp(ctx: Pick<ServiceContext, 'logger' | 'health' | 'metrics' | 'version'>, routes: GatewayRoutes): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The same headers nginx sends at the edge (it hides this copy), with a policy for JSON only.
  app.use(securityHeaders(API_CONTENT_SECURITY_POLICY));
  if (routes.cors.enabled) app.use(cors({ origin: routes.cors.origins, credentials: true }));
  app.use(requestLogging(ctx.logger));
  app.use(requestMetrics(ctx.metrics));
  mountHealth(app, ['/health', '/api/health'], ctx.health);
  mountMetrics(app, ctx.metrics);
  for (const [path, ...handlers] of routes.api) app.use(path, ...handlers);
  mountOpenApi(app, GATEWAY_OPENAPI_PATH, { title: 'MarketSwarm gateway', version: ctx.version });
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.logger));
  return app;
}
