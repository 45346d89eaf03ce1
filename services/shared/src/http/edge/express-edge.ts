import type { RequestHandler } from 'express';
import { JSON_BODY_LIMIT } from './json-body.js';
import { routeHandlers, type RouteHandler } from './route.js';
import type { RouteDoc } from '../openapi/route-doc.js';
import type { RoutePolicy } from './route-policy.js';
import { policyGuard } from './session.middleware.js';
import type { SessionCheckOptions } from './session-checks.js';

export interface ExpressEdge {
  /**
   * The handlers of one route: its policy's guard, the JSON parser when the doc declares a body,
   * then the handler with its parsed input. `router.get('/me', edge.route('session', doc, handler))`.
   */
  route<P extends RoutePolicy, D extends RouteDoc>(policy: P, doc: D, handler: RouteHandler<P, D>): RequestHandler[];
}

export interface ExpressEdgeOptions extends SessionCheckOptions {
  /** The JSON body limit of routes that declare a body (JSON_BODY_LIMIT). */
  jsonLimit?: string;
}

/** The HTTP edge of an Express service: one guard per policy over the shared session checks. */
export function createExpressEdge(options: ExpressEdgeOptions): ExpressEdge {
  const guards = new Map<RoutePolicy, RequestHandler>();
  const guardOf = (policy: RoutePolicy) => {
    let guard = guards.get(policy);
    if (!guard) guards.set(policy, (guard = policyGuard(policy, options)));
    return guard;
  };
  return { route: (policy, doc, handler) => routeHandlers(guardOf(policy), policy, doc, handler, options.jsonLimit ?? JSON_BODY_LIMIT) };
}

