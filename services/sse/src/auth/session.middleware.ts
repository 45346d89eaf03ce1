import type { Request, RequestHandler, Response } from 'express';
import {
  authenticate,
  CSRF_HEADER,
  csrfProblem,
  isHttpsRequest,
  readSessionCookies,
  sessionSetCookies,
  type SessionUser,
} from '@marketswarm/shared/auth';
import type { Role } from '@marketswarm/shared/dto';
import { HttpError } from '@marketswarm/shared/http';
import type { AuthDeps } from './auth-deps.js';

const LOCALS_KEY = 'auth';

/** The caller that `requireSession` authenticated for this request. */
export function currentAuth(res: Response): SessionUser {
  const auth = res.locals[LOCALS_KEY] as SessionUser | undefined;
  if (!auth) throw new HttpError(401, 'sign in first', [{ path: 'ms_session', message: 'no session on this request' }]);
  return auth;
}

export function secureCookies(req: Request): boolean {
  return isHttpsRequest(req.headers, (req.socket as { encrypted?: boolean }).encrypted === true);
}

/**
 * 401 `sign in first` unless the `ms_session` cookie names a live session of an existing user.
 * When the session's expiry slid, the cookies are re-issued so they live as long as it does.
 */
export function requireSession(deps: Pick<AuthDeps, 'redis' | 'sessionTtlSec' | 'renewAfterSec'>): RequestHandler {
  return async (req, res, next) => {
    const auth = await authenticate(req.headers.cookie, deps.redis, { ttlSec: deps.sessionTtlSec, renewAfterSec: deps.renewAfterSec });
    if (!auth) {
      const hasCookie = readSessionCookies(req.headers.cookie).session !== undefined;
      throw new HttpError(401, 'sign in first', [
        { path: 'ms_session', message: hasCookie ? 'the session has expired or was ended' : 'no session cookie was sent' },
      ]);
    }
    res.locals[LOCALS_KEY] = auth;
    if (auth.renewed) res.append('Set-Cookie', sessionSetCookies(auth.session, { secure: secureCookies(req), maxAgeSec: deps.sessionTtlSec }));
    next();
  };
}

/**
 * Double-submit CSRF check for POST/PUT/PATCH/DELETE (after `requireSession`): 403 naming the
 * `X-CSRF-Token` header unless it equals both the `ms_csrf` cookie and the session's token.
 */
export const requireCsrf: RequestHandler = (req, res, next) => {
  const problem = csrfProblem({
    method: req.method,
    header: req.headers[CSRF_HEADER.toLowerCase()],
    cookie: readSessionCookies(req.headers.cookie).csrf,
    session: currentAuth(res).session.csrf,
  });
  if (problem) throw new HttpError(403, problem, [{ path: CSRF_HEADER, message: problem }]);
  next();
};

/** 403 unless the signed-in user has the role (after `requireSession`). */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const { user } = currentAuth(res);
    if (user.role !== role) {
      throw new HttpError(403, `this route needs the ${role} role`, [{ path: 'role', message: `is ${user.role}; needs ${role}` }]);
    }
    next();
  };
}
