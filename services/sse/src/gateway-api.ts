import type { Redis } from 'ioredis';
import { createExpressEdge } from '@marketswarm/shared/edge';
import type { StoredTruth } from '@marketswarm/shared/truth';
import { AdminRepository } from './admin/admin.repository.js';
import { createAdminRouter } from './admin/admin.router.js';
import { AdminService } from './admin/admin.service.js';
import type { GatewayRoutes } from './app.js';
import type { AuthDeps } from './auth/auth-deps.js';
import { createAuthRouter } from './auth/auth.router.js';
import { ModelsRepository } from './models/models.repository.js';
import { createModelsRouter } from './models/models.router.js';
import { ModelsService } from './models/models.service.js';
import { createProfileRouter } from './profile/profile.router.js';
import type { ConnectionStats } from './streaming/subscriber-registry.js';

export interface GatewayApiDeps {
  auth: AuthDeps;
  truth: () => StoredTruth;
  market: Redis;
  /** This gateway's open streams, for the admin view. */
  connections: () => ConnectionStats[];
}

/**
 * The gateway's REST routers, each a router → service → repository stack, in mount order. Every
 * route declares its policy (public, session, admin) itself; the route-table spec walks the result.
 */
export function gatewayApi(deps: GatewayApiDeps): GatewayRoutes['api'] {
  const edge = createExpressEdge(deps.auth);
  const models = new ModelsService(() => deps.truth().doc, new ModelsRepository(deps.market));
  const admin = new AdminService({ repository: new AdminRepository(deps.auth.redis), truth: deps.truth, connections: deps.connections });
  return [
    ['/api/auth', createAuthRouter(deps.auth)],
    ['/api/profile', createProfileRouter(deps.auth)],
    ['/api/models', createModelsRouter(edge, models)],
    ['/api/admin', createAdminRouter(edge, admin)],
  ];
}
