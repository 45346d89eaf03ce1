import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import { authenticate, type SessionUser } from '../../auth/authenticate.js';
import { CSRF_HEADER, csrfProblem } from '../../auth/csrf.js';
import { isHttpsRequest, readSessionCookies, SESSION_COOKIE, sessionSetCookies } from '../../auth/session-cookie.js';
import type { Role } from '../../dto/auth.schema.js';
import { DomainError } from '../domain-error.js';

/** What every service's session check needs: system Redis and the node's session lifetime. */
export interface SessionCheckOptions {
  redis: Redis;
  /** Idle lifetime of a session (truth `node.sessionTtlSec`), also the cookies' Max-Age. */
  sessionTtlSec: number;
  /** Slide a session's expiry at most this often (seconds). */
  renewAfterSec: number;
}

/**
 * The session checks of every HTTP edge (Express middleware and NestJS guards call these, so the
 * gateway, journal and copilot refuse alike). Each throws a DomainError the error handler answers.
 */

/** HTTPS as the browser sees it: TLS here, or nginx saying so in X-Forwarded-Proto. */
export function isSecureRequest(req: IncomingMessage): boolean {
  return isHttpsRequest(req.headers, (req.socket as { encrypted?: boolean } | null)?.encrypted === true);
}

/**
 * 401 `sign in first` unless the session cookie (`SESSION_COOKIE`) names a live session of an existing user, checked
 * against system Redis by the shared `authenticate`; `issues` says whether a cookie came at all.
 */
export async function authenticateRequest(req: IncomingMessage, options: SessionCheckOptions): Promise<SessionUser> {
  const auth = await authenticate(req.headers.cookie, options.redis, { ttlSec: options.sessionTtlSec, renewAfterSec: options.renewAfterSec });
  if (auth) return auth;
  const hasCookie = readSessionCookies(req.headers.cookie).session !== undefined;
  throw new DomainError('unauthorized', 'sign in first', {
    issues: [{ path: SESSION_COOKIE, message: hasCookie ? 'the session has expired or was ended' : 'no session cookie was sent' }],
  });
}

/** When this request slid the session's expiry, the cookies to re-issue so they live as long as it does. */
export function renewedSessionCookies(req: IncomingMessage, auth: SessionUser, options: Pick<SessionCheckOptions, 'sessionTtlSec'>): string[] {
  return auth.renewed ? sessionSetCookies(auth.session, { secure: isSecureRequest(req), maxAgeSec: options.sessionTtlSec }) : [];
}

/**
 * Double-submit CSRF check: safe methods pass; POST/PUT/PATCH/DELETE answer 403 (`csrf`) naming the
 * `X-CSRF-Token` header unless it equals both the `ms_csrf` cookie and the session's token.
 */
export function checkCsrf(req: IncomingMessage, auth: SessionUser): void {
  const problem = csrfProblem({
    method: req.method ?? 'GET',
    header: req.headers[CSRF_HEADER.toLowerCase()],
    cookie: readSessionCookies(req.headers.cookie).csrf,
    session: auth.session.csrf,
  });
  if (problem) throw new DomainError('csrf', problem, { issues: [{ path: CSRF_HEADER, message: problem }] });
}

/** 403 unless the signed-in user has the role (or one of the roles). */
export function checkRole(auth: SessionUser, role: Role | readonly Role[]): void {
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (roles.includes(auth.user.role)) return;
  const needs = roles.join(' or ');
  throw new DomainError('forbidden', `this route needs the ${needs} role`, { issues: [{ path: 'role', message: `is ${auth.user.role}; needs ${needs}` }] });
}
