import type { Request, RequestHandler, Response } from 'express';
import type { SessionUser } from '../../auth/authenticate.js';
import type { Role } from '../../dto/auth.schema.js';
import { currentAuth, setRequestAuth } from './request-auth.js';
import { allowPublic } from './route.js';
import { withPolicy, type RoutePolicy } from './route-policy.js';
import { authenticateRequest, checkCsrf, checkRole, renewedSessionCookies, type SessionCheckOptions } from './session-checks.js';

/**
 * Express guards over the shared session checks. Routers use `createExpressEdge(...).route(policy, …)`,
 * which puts the guard of a policy in front of each handler; these are the pieces it is made of.
 */

async function signIn(req: Request, res: Response, options: SessionCheckOptions): Promise<SessionUser> {
  const auth = await authenticateRequest(req, options);
  setRequestAuth(req, auth);
  const cookies = renewedSessionCookies(req, auth, options);
  if (cookies.length > 0) res.append('Set-Cookie', cookies);
  return auth;
}

/** 401 unless the request carries a live session; re-issues the cookies when the session slid. */
export function requireSession(options: SessionCheckOptions): RequestHandler {
  return withPolicy<RequestHandler>(async (req, res, next) => {
    await signIn(req, res, options);
    next();
  }, 'session');
}

/** CSRF for POST/PUT/PATCH/DELETE, after requireSession. Not a policy by itself. */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  checkCsrf(req, currentAuth(req));
  next();
};

/** 403 unless the signed-in user has the role, after requireSession. */
export function requireRole(role: Role): RequestHandler {
  return withPolicy<RequestHandler>(
    (req, _res, next) => {
      checkRole(currentAuth(req), role);
      next();
    },
    role === 'admin' ? 'admin' : 'session',
  );
}

/** The guard of a policy: the session, then CSRF, then the role, in that order (401 before 403). */
export function policyGuard(policy: RoutePolicy, options: SessionCheckOptions): RequestHandler {
  if (policy === 'public') return allowPublic;
  // Internal routes are NestJS's (`Internal()`), each behind the guard that checks its secret.
  if (policy === 'internal') throw new Error('the Express edge serves no internal routes');
  // An API key is checked by the route's own guard, which knows where keys live: apiKeyRoute().
  if (policy === 'apiKey') throw new Error('API-key routes bring their own guard: use apiKeyRoute()');
  return withPolicy<RequestHandler>(async (req, res, next) => {
    const auth = await signIn(req, res, options);
    checkCsrf(req, auth);
    if (policy === 'admin') checkRole(auth, 'admin');
    next();
  }, policy);
}
