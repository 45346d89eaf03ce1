/**
 * Who may reach a route, decided once per route and never by omission: `public` (anyone, no
 * session), `session` (a signed-in user; POST/PUT/PATCH/DELETE also need the CSRF token), `admin`
 * (a signed-in user with the admin role, CSRF likewise), `internal` (service to service: no session
 * or CSRF, but the route's own guard checks a shared secret and answers 404 to anyone else; NestJS
 * services only, see `Internal()`), `apiKey` (an outside producer: an `Authorization: Bearer` API key
 * that the route's own guard checks; no session and no CSRF, because a browser never attaches the
 * key by itself, so a forged cross-site request has nothing to ride on; see `apiKeyRoute()`).
 * Route-table specs fail for a route that carries none of them.
 */
export const ROUTE_POLICIES = ['public', 'internal', 'apiKey', 'session', 'admin'] as const;
export type RoutePolicy = (typeof ROUTE_POLICIES)[number];

/** Whether a route of this policy runs the session (and CSRF) checks: `public`, `internal` and `apiKey` do not. */
export function needsSession(policy: RoutePolicy): boolean {
  return policy === 'session' || policy === 'admin';
}

// Symbol.for: the mark must survive two copies of this module (src in unit specs, dist in services).
const POLICY = Symbol.for('marketswarm.route-policy');

/** Marks a guard (middleware) with the policy it enforces, so a walk of the router can read it. */
export function withPolicy<F extends object>(guard: F, policy: RoutePolicy): F {
  Object.defineProperty(guard, POLICY, { value: policy, enumerable: false });
  return guard;
}

export function policyOf(handler: unknown): RoutePolicy | undefined {
  if ((typeof handler !== 'function' && typeof handler !== 'object') || handler === null) return undefined;
  return (handler as { [POLICY]?: RoutePolicy })[POLICY];
}

/** The policy that holds when several guards run on one route: the strictest of them. */
export function strictestPolicy(policies: Iterable<RoutePolicy | undefined>): RoutePolicy | undefined {
  let strictest: RoutePolicy | undefined;
  for (const policy of policies) {
    if (policy !== undefined && (strictest === undefined || ROUTE_POLICIES.indexOf(policy) > ROUTE_POLICIES.indexOf(strictest))) strictest = policy;
  }
  return strictest;
}
