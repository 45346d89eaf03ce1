import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { ExpressEdge } from '@marketswarm/shared/edge';
import type { BusName } from '@marketswarm/shared/events';
import type { Logger } from '@marketswarm/shared/logger';
import type { StoredTruth } from '@marketswarm/shared/truth';
import type { AuthDeps } from '../auth/auth-deps.js';
import type { ConnectionStats } from '../streaming/subscriber-registry.js';
import { AdminRepository } from './admin.repository.js';
import { createAdminRouter } from './admin.router.js';
import { AdminService } from './admin.service.js';
import { adminStreams } from './admin-streams.js';
import { readTruthFiles } from './truth-files.js';

export interface AdminApiDeps {
  auth: AuthDeps;
  truth: () => StoredTruth;
  /** Each Redis bus, for stream lengths and ids. */
  redisFor: (bus: BusName) => Redis;
  /** This gateway's open streams. */
  connections: () => ConnectionStats[];
  logger: Logger;
  /** The compiled truth file to compare with the loaded truth (default scripts/truth.json of the repo). */
  truthFile?: string;
}

/** The `/api/admin` router over its service and repository. */
export function createAdminApi(edge: ExpressEdge, deps: AdminApiDeps): Router {
  const repository = new AdminRepository(deps.auth.redis, deps.auth.users, deps.auth.sessions);
  const service = new AdminService({
    repository,
    truth: deps.truth,
    connections: deps.connections,
    streams: () => adminStreams(deps.redisFor, deps.truth().doc),
    truthFiles: () => readTruthFiles(deps.truthFile),
    audit: deps.logger.child({ component: 'admin' }),
  });
  return createAdminRouter(edge, service);
}
