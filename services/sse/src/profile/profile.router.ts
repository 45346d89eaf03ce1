import { Router } from 'express';
import { profilePatchSchema, userResponseSchema } from '@marketswarm/shared/dto';
import { createExpressEdge, noStore } from '@marketswarm/shared/edge';
import type { AuthDeps } from '../auth/auth-deps.js';
import { ProfileService } from './profile.service.js';

const GONE = { 404: '`not-found`: the account behind the session no longer exists' };

/** `/api/profile`: the signed-in user reads and changes their own profile (changes need the CSRF token). */
export function createProfileRouter(deps: AuthDeps): Router {
  const profile = new ProfileService(deps.users);
  const edge = createExpressEdge(deps);
  const router = Router();
  router.use(noStore);
  router.get(
    '/',
    edge.route('session', { summary: "The signed-in user's profile", responses: { 200: userResponseSchema }, errors: GONE }, async ({ auth }, _req, res) => {
      res.json({ user: await profile.get(auth.user.id) });
    }),
  );
  router.patch(
    '/',
    edge.route(
      'session',
      { summary: 'Change display name, time zone or preferences', body: profilePatchSchema, responses: { 200: userResponseSchema }, errors: GONE },
      async ({ auth, body }, _req, res) => void res.json({ user: await profile.update(auth.user.id, body) }),
    ),
  );
  return router;
}
