import type { Redis } from 'ioredis';
import { createExpressEdge } from '@marketswarm/shared/edge';
import type { BusName } from '@marketswarm/shared/events';
import type { Logger } from '@marketswarm/shared/logger';
import type { Registry } from '@marketswarm/shared/metrics';
import type { SseSettings, StoredTruth } from '@marketswarm/shared/truth';
import { createAdminApi } from './admin/admin-api.js';
import type { GatewayRoutes } from './app.js';
import type { AuthDeps } from './auth/auth-deps.js';
import { createAuthRouter } from './auth/auth.router.js';
import { ModelsRepository } from './models/models.repository.js';
import { createModelsRouter } from './models/models.router.js';
import { ModelsService } from './models/models.service.js';
import { createIngestRouter } from './ingest/ingest.router.js';
import { createProfileRouter } from './profile/profile.router.js';
import type { ConnectionStats } from './streaming/subscriber-registry.js';

export interface GatewayApiDeps {
  auth: AuthDeps;
  truth: () => StoredTruth;
  market: Redis;
  /** Each Redis bus, for the admin streams view. */
  redisFor: (bus: BusName) => Redis;
  /** This gateway's open streams, for the admin view. */
  connections: () => ConnectionStats[];
  logger: Logger;
  /** API-key ingest limits (live: read per request). */
  ingest: () => SseSettings['ingest'];
  /** This process's metrics registry (ingest counters). */
  registry: Registry;
  /** The compiled truth the admin view compares with the loaded one (default: the repo's scripts/truth.json). */
  truthFile?: string;
}

/**
 * The gateway's REST routers, each a router → service → repository stack, in mount order. Every
 * route declares its policy (public, session, admin) itself; the route-table spec walks the result.
 */
export function gatewayApi(deps: GatewayApiDeps): GatewayRoutes['api'] {
  const edge = createExpressEdge(deps.auth);
  const models = new ModelsService(() => deps.truth().doc, new ModelsRepository(deps.market));
  return [
    ['/api/auth', createAuthRouter(deps.auth)],
    ['/api/profile', createProfileRouter(deps.auth)],
    ['/api/models', createModelsRouter(edge, models)],
    ['/api/ingest', createIngestRouter({ system: deps.auth.redis, bus: deps.redisFor, truth: () => deps.truth().doc, settings: deps.ingest, registry: deps.registry })],
    ['/api/admin', createAdminApi(edge, { auth: deps.auth, truth: deps.truth, redisFor: deps.redisFor, connections: deps.connections, logger: deps.logger, ...(deps.truthFile ? { truthFile: deps.truthFile } : {}) })],
  ];
}
