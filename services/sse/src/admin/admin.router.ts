import { Router } from 'express';
import type { ExpressEdge } from '@marketswarm/shared/edge';
import type { AdminService } from './admin.service.js';
import { connectionsViewSchema, heartbeatsViewSchema, truthViewSchema, usersViewSchema } from './admin.schemas.js';

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
    '/truth',
    edge.route('admin', { summary: 'The loaded truth: version, load time, node settings, components (no secrets)', responses: { 200: truthViewSchema } }, (_input, _req, res) => {
      res.json(admin.truth());
    }),
  );
  router.get(
    '/users',
    edge.route('admin', { summary: 'Every account (no password hashes)', responses: { 200: usersViewSchema } }, async (_input, _req, res) => {
      res.json(await admin.users());
    }),
  );
  return router;
}
