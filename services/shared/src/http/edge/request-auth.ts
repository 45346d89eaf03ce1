import type { IncomingMessage } from 'node:http';
import type { SessionUser } from '../../auth/authenticate.js';
import { SESSION_COOKIE } from '../../auth/session-cookie.js';
import { DomainError } from '../domain-error.js';

// Keyed by the request object itself, so Express middleware and NestJS guards (which see the same
// Express request) share it without typing it onto `req` or `res.locals`.
const authByRequest = new WeakMap<IncomingMessage, SessionUser>();

export function setRequestAuth(req: IncomingMessage, auth: SessionUser): void {
  authByRequest.set(req, auth);
}

/** The caller the session guard authenticated on this request, if it ran. */
export function requestAuth(req: IncomingMessage): SessionUser | undefined {
  return authByRequest.get(req);
}

/** As requestAuth, for code that runs only behind the session guard: a missing one is a 401, never a crash. */
export function currentAuth(req: IncomingMessage): SessionUser {
  const auth = authByRequest.get(req);
  if (!auth) throw new DomainError('unauthorized', 'sign in first', { issues: [{ path: SESSION_COOKIE, message: 'no session on this request' }] });
  return auth;
}
