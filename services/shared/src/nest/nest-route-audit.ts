import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { routeTable, type RouteEntry } from '../http/edge/route-table.js';
import { NEST_UNPREFIXED, nestRouteTable } from './nest-route-table.js';

export interface NestRouteAudit {
  /** What Express will dispatch, read from the app's router stack. */
  mounted: RouteEntry[];
  /** What the controllers declare, with each route's policy and doc. */
  declared: RouteEntry[];
  /** `METHOD /path` mounted but not declared, or declared but mounted elsewhere: the table is wrong. */
  unexplained: string[];
  /** `/api` routes without `@ApiRoute`: missing from the OpenAPI document. */
  undocumented: string[];
}

const key = (e: Pick<RouteEntry, 'method' | 'path'>) => `${e.method} ${e.path}`;

/**
 * Compares an initialised Nest app's real routes with its controllers' metadata, for the route specs:
 * every route must be explained by a controller (so its policy is known) and every `/api` route documented.
 */
export function auditNestRoutes(app: INestApplication): NestRouteAudit {
  const declared = nestRouteTable({ discovery: app.get(DiscoveryService), scanner: app.get(MetadataScanner), reflector: app.get(Reflector) });
  const declaredKeys = new Set(declared.map(key));
  // Nest mounts its 404 handler on each path excluded from the prefix, for every method (so that
  // `POST /health` is a 404, not a fall-through): those are not routes anyone declared.
  const notFoundPaths = new Set(NEST_UNPREFIXED.map((path) => `/${path}`));
  const mounted = routeTable(app.getHttpAdapter().getInstance() as object).filter((e) => !notFoundPaths.has(e.path) || declaredKeys.has(key(e)));
  const mountedKeys = new Set(mounted.map(key));
  return {
    mounted,
    declared,
    unexplained: [...[...mountedKeys].filter((k) => !declaredKeys.has(k)), ...[...declaredKeys].filter((k) => !mountedKeys.has(k))],
    undocumented: declared.filter((e) => e.path.startsWith('/api/') && !e.doc).map(key),
  };
}
