import { Router } from 'express';
import { profilePatchSchema } from '@marketswarm/shared/dto';
import type { AuthDeps } from '../auth/auth-deps.js';
import { noStore } from '../auth/auth.router.js';
import { jsonBody, jsonBodyErrors, parseBody } from '../auth/json-body.js';
import { currentAuth, requireCsrf, requireSession } from '../auth/session.middleware.js';
import { ProfileService } from './profile.service.js';

/** `/api/profile`: the signed-in user reads and changes their own profile (changes need the CSRF token). */
export function createProfileRouter(deps: AuthDeps): Router {
  const profile = new ProfileService(deps.users);
  const router = Router();
  router.use(noStore, requireSession(deps), requireCsrf, jsonBody());
  router.get('/', async (_req, res) => void res.json({ user: await profile.get(currentAuth(res).user.id) }));
  router.patch('/', async (req, res) => void res.json({ user: await profile.update(currentAuth(res).user.id, parseBody(profilePatchSchema, req.body)) }));
  router.use(jsonBodyErrors);
  return router;
}
