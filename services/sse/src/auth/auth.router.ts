import { Router, type Request, type Response } from 'express';
import { clearSessionSetCookies, deviceSetCookie, readDeviceCookie, readSessionCookies, SESSION_KEYS, sessionSetCookies } from '@marketswarm/shared/auth';
import { demoLoginSchema, loginBodySchema, registerBodySchema, userResponseSchema } from '@marketswarm/shared/dto';
import { createExpressEdge, isSecureRequest, noStore } from '@marketswarm/shared/edge';
import { HttpError } from '@marketswarm/shared/http';
import type { AuthDeps } from './auth-deps.js';
import { AuthService, type AuthClient, type SignedIn } from './auth.service.js';

const LIMITED = '`rate-limited`: past a sign-in or sign-up limit (docs/API.md, Limits), with Retry-After';

/**
 * `/api/auth`: register and login (no CSRF token: there is no session yet) answer `{ user }`
 * and set `ms_session` + `ms_csrf`, and `ms_device` for the per-account limit's known devices;
 * logout needs the session and the token; me needs the session.
 */
export function createAuthRouter(deps: AuthDeps): Router {
  const auth = new AuthService(deps);
  const edge = createExpressEdge(deps);
  const signedIn = (req: Request, res: Response, status: number, result: SignedIn) => {
    const secure = isSecureRequest(req);
    res.append('Set-Cookie', [
      ...sessionSetCookies(result.session, { secure, maxAgeSec: deps.sessionTtlSec }),
      deviceSetCookie(result.deviceId, { secure, maxAgeSec: deps.limits.knownDeviceTtlSec }),
    ]);
    res.status(status).json({ user: result.user });
  };
  // The Retry-After of a refused attempt comes from the shared error handler (TooManyAttemptsError.retryAfterSec).

  const router = Router();
  router.use(noStore);
  router.post(
    '/register',
    edge.route(
      'public',
      {
        summary: 'Create a trader account and sign in',
        body: registerBodySchema,
        responses: { 201: userResponseSchema },
        errors: { 409: '`conflict`: an account with this email exists', 429: LIMITED },
      },
      async ({ body }, req, res) => signedIn(req, res, 201, await auth.register(body, clientOf(req))),
    ),
  );
  router.post(
    '/login',
    edge.route(
      'public',
      {
        summary: 'Sign in (ends the session the browser still had)',
        body: loginBodySchema,
        responses: { 200: userResponseSchema },
        errors: { 401: '`unauthorized`: invalid email or password (the same answer for an unknown email)', 429: LIMITED },
      },
      async ({ body }, req, res) => signedIn(req, res, 200, await auth.login(body, clientOf(req), readSessionCookies(req.headers.cookie).session)),
    ),
  );
  router.post(
    '/logout',
    edge.route('session', { summary: 'End this session', responses: { 204: null } }, async ({ auth: caller }, req, res) => {
      await auth.logout(caller.session.id);
      res.append('Set-Cookie', clearSessionSetCookies(isSecureRequest(req))).status(204).end();
    }),
  );
  router.post(
    '/logout-all',
    edge.route('session', { summary: 'End every session of this user, on every device', responses: { 204: null } }, async ({ auth: caller }, req, res) => {
      await auth.logoutEverywhere(caller.user.id);
      res.append('Set-Cookie', clearSessionSetCookies(isSecureRequest(req))).status(204).end();
    }),
  );
  // Only `./admin up` in development writes the demo login, so elsewhere this is always a 404.
  router.get(
    '/demo',
    edge.route(
      'public',
      { summary: "The demo trader's login on a development stack", responses: { 200: demoLoginSchema }, errors: { 404: '`not-found`: not a development stack' } },
      async (_input, _req, res) => {
        const raw = await deps.redis.get(SESSION_KEYS.demoLogin);
        const demo = raw === null ? undefined : demoLoginSchema.safeParse(parseJsonOrNull(raw));
        if (!demo?.success) throw new HttpError(404, 'no demo login on this stack');
        res.json(demo.data);
      },
    ),
  );
  router.get(
    '/me',
    edge.route('session', { summary: 'The signed-in user', responses: { 200: userResponseSchema } }, ({ auth: caller }, _req, res) => {
      res.json({ user: caller.user });
    }),
  );
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
