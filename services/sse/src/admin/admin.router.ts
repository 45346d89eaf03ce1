import { Router } from 'express';
import type { SessionUser } from '@marketswarm/shared/auth';
import type { ExpressEdge } from '@marketswarm/shared/edge';
import type { Actor, AdminService } from './admin.service.js';
import {
  adminUserResponseSchema,
  connectionsViewSchema,
  endedSessionsSchema,
  gatewaysViewSchema,
  heartbeatsViewSchema,
  recoveryQuerySchema,
  recoveryResetSchema,
  recoveryServiceParamsSchema,
  recoveryViewSchema,
  roleBodySchema,
  servicesViewSchema,
  streamsViewSchema,
  truthViewSchema,
  userIdParamsSchema,
  usersViewSchema,
} from './admin.schemas.js';

const actor = (auth: SessionUser): Actor => ({ id: auth.user.id, email: auth.user.email });
const NO_USER = { 404: 'no account has this id' } as const;

/** `/api/admin` (admin role): operator views, never another user's payloads or ids on connections. */
export function createAdminRouter(edge: ExpressEdge, admin: AdminService): Router {
  const router = Router();
  router.get(
    '/connections',
    edge.route('admin', { summary: "This gateway's open streams: counts by route and each one's lag", responses: { 200: connectionsViewSchema } }, (_input, _req, res) => {
      res.json(admin.connections());
    }),
  );
  router.get(
    '/heartbeats',
    edge.route('admin', { summary: "Each service's last heartbeat: fresh, stale or missing", responses: { 200: heartbeatsViewSchema } }, async (_input, _req, res) => {
      res.json(await admin.heartbeats());
    }),
  );
  router.get(
    '/services',
    edge.route(
      'admin',
      {
        summary: "Every process: the watch's health score and status, heartbeat age and version, restarts, memory",
        description: 'Scores come from the watch report (`ops:health`) while it is fresh; `watch.state` says stale or absent when the watch is not running, and the heartbeats still show.',
        responses: { 200: servicesViewSchema },
      },
      async (_input, _req, res) => {
        res.json(await admin.services());
      },
    ),
  );
  router.get(
    '/truth',
    edge.route(
      'admin',
      {
        summary: 'The loaded truth (no secrets): version, load time, differences from the compiled files, settings waiting for a restart',
        responses: { 200: truthViewSchema },
      },
      async (_input, _req, res) => {
        res.json(await admin.truth());
      },
    ),
  );
  router.get(
    '/streams',
    edge.route('admin', { summary: "Every topic stream: bus, key, length, retention, last id and each live gateway's lag", responses: { 200: streamsViewSchema } }, async (_input, _req, res) => {
      res.json(await admin.streams());
    }),
  );
  router.get(
    '/gateways',
    edge.route('admin', { summary: 'Every live gateway instance: its connections in total and by route', responses: { 200: gatewaysViewSchema } }, async (_input, _req, res) => {
      res.json(await admin.gateways());
    }),
  );
  router.get(
    '/recovery',
    edge.route(
      'admin',
      { summary: "The watch's recent recovery actions, newest first, and its recovery state per service", query: recoveryQuerySchema, responses: { 200: recoveryViewSchema } },
      async ({ query }, _req, res) => {
        res.json(await admin.recovery(query.limit));
      },
    ),
  );
  router.post(
    '/recovery/:service/reset',
    edge.route(
      'admin',
      {
        summary: "Clear the watch's failed mark and restart attempts for a service, so it may restart it again (as `./admin status --reset`)",
        description: 'The service is an id the watch keeps recovery state for (`journal`, `sse-2`) or its pm2 name (`fotw-journal`); the reset is written to the recovery log with the admin who made it.',
        params: recoveryServiceParamsSchema,
        responses: { 200: recoveryResetSchema },
        errors: { 404: 'the watch keeps no recovery state for such a service (the message lists the ids it knows)' },
      },
      async ({ params, auth }, _req, res) => {
        res.json(await admin.resetRecovery(actor(auth), params.service));
      },
    ),
  );
  router.get(
    '/users',
    edge.route('admin', { summary: 'Every account (no password hashes), whether it is disabled, and its live sessions', responses: { 200: usersViewSchema } }, async (_input, _req, res) => {
      res.json(await admin.users());
    }),
  );
  router.post(
    '/users/:id/disable',
    edge.route(
      'admin',
      {
        summary: 'Disable an account: it cannot sign in, and its sessions end (open streams close)',
        params: userIdParamsSchema,
        responses: { 200: adminUserResponseSchema },
        errors: { ...NO_USER, 409: 'the account is your own' },
      },
      async ({ params, auth }, _req, res) => {
        res.json({ user: await admin.disable(actor(auth), params.id) });
      },
    ),
  );
  router.post(
    '/users/:id/enable',
    edge.route('admin', { summary: 'Enable a disabled account', params: userIdParamsSchema, responses: { 200: adminUserResponseSchema }, errors: NO_USER }, async ({ params, auth }, _req, res) => {
      res.json({ user: await admin.enable(actor(auth), params.id) });
    }),
  );
  router.post(
    '/users/:id/role',
    edge.route(
      'admin',
      {
        summary: "Change an account's role; it applies at the account's next request",
        params: userIdParamsSchema,
        body: roleBodySchema,
        responses: { 200: adminUserResponseSchema },
        errors: { ...NO_USER, 409: 'it would remove your own admin role' },
      },
      async ({ params, body, auth }, _req, res) => {
        res.json({ user: await admin.setRole(actor(auth), params.id, body.role) });
      },
    ),
  );
  router.delete(
    '/users/:id/sessions',
    edge.route(
      'admin',
      { summary: "End every session of an account (its open streams close); says how many ended", params: userIdParamsSchema, responses: { 200: endedSessionsSchema }, errors: NO_USER },
      async ({ params, auth }, _req, res) => {
        res.json(await admin.endSessions(actor(auth), params.id));
      },
    ),
  );
  return router;
}
