import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { clearSessionSetCookies, deviceSetCookie, readDeviceCookie, readSessionCookies, SESSION_KEYS, sessionSetCookies } from '@marketswarm/shared/auth';
import { demoLoginSchema, loginBodySchema, registerBodySchema } from '@marketswarm/shared/dto';
import { HttpError } from '@marketswarm/shared/http';
import type { AuthDeps } from './auth-deps.js';
import { AuthService, TooManyAttemptsError, type AuthClient, type SignedIn } from './auth.service.js';
import { jsonBody, jsonBodyErrors, parseBody } from './json-body.js';
import { currentAuth, requireCsrf, requireSession, secureCookies } from './session.middleware.js';

/** Answers with no caching: every response here is about one person's session. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

const retryAfter: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (error instanceof TooManyAttemptsError) res.setHeader('Retry-After', String(error.retryAfterSec));
  next(error);
};

/**
 * `/api/auth`: register and login (no CSRF token: there is no session yet) answer `{ user }`
 * and set `ms_session` + `ms_csrf`, and `ms_device` for the per-account limit's known devices;
 * logout needs the session and the token; me needs the session.
 */
export function createAuthRouter(deps: AuthDeps): Router {
  const auth = new AuthService(deps);
  const session = requireSession(deps);
  const signedIn = (req: Request, res: Response, status: number, result: SignedIn) => {
    const secure = secureCookies(req);
    res.append('Set-Cookie', [
      ...sessionSetCookies(result.session, { secure, maxAgeSec: deps.sessionTtlSec }),
      deviceSetCookie(result.deviceId, { secure, maxAgeSec: deps.limits.knownDeviceTtlSec }),
    ]);
    res.status(status).json({ user: result.user });
  };

  const router = Router();
  router.use(noStore, jsonBody());
  router.post('/register', async (req, res) => signedIn(req, res, 201, await auth.register(parseBody(registerBodySchema, req.body), clientOf(req))));
  router.post('/login', async (req, res) =>
    signedIn(req, res, 200, await auth.login(parseBody(loginBodySchema, req.body), clientOf(req), readSessionCookies(req.headers.cookie).session)),
  );
  router.post('/logout', session, requireCsrf, async (req, res) => {
    await auth.logout(currentAuth(res).session.id);
    res.append('Set-Cookie', clearSessionSetCookies(secureCookies(req))).status(204).end();
  });
  router.post('/logout-all', session, requireCsrf, async (req, res) => {
    await auth.logoutEverywhere(currentAuth(res).user.id);
    res.append('Set-Cookie', clearSessionSetCookies(secureCookies(req))).status(204).end();
  });
  // Only `./admin up` in development writes the demo login, so elsewhere this is always a 404.
  router.get('/demo', async (_req, res) => {
    const raw = await deps.redis.get(SESSION_KEYS.demoLogin);
    const demo = raw === null ? undefined : demoLoginSchema.safeParse(parseJsonOrNull(raw));
    if (!demo?.success) throw new HttpError(404, 'no demo login on this stack');
    res.json(demo.data);
  });
  router.get('/me', session, (_req, res) => void res.json({ user: currentAuth(res).user }));
  router.use(retryAfter, jsonBodyErrors);
  return router;
}

/** The client's address (Express resolves X-Forwarded-For only from proxies the app trusts) and device cookie. */
function clientOf(req: Request): AuthClient {
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', deviceId: readDeviceCookie(req.headers.cookie) };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
