import { Router } from 'express';
import type { Redis } from 'ioredis';
import { UserStore, toUserDto } from '@marketswarm/shared/auth';
import { heartbeatKey, heartbeatState, parseHeartbeat } from '@marketswarm/shared/heartbeat';
import type { StoredTruth } from '@marketswarm/shared/truth';
import type { SubscriberRegistry } from '../streaming/subscriber-registry.js';

export interface AdminDeps {
  system: Redis;
  truth: () => StoredTruth;
  registry: SubscriberRegistry;
}

/**
 * Operator views for the admin role: aggregate stream counts and lag, heartbeats, truth version,
 * accounts. Never another user's payloads or ids on connections.
 */
export function createAdminRouter(deps: AdminDeps): Router {
  const router = Router();

  router.get('/connections', (_req, res) => {
    const connections = deps.registry.stats();
    const byRoute: Record<string, number> = {};
    for (const c of connections) byRoute[c.route] = (byRoute[c.route] ?? 0) + 1;
    res.json({ total: connections.length, byRoute, connections });
  });

  router.get('/heartbeats', async (_req, res) => {
    const components = Object.values(deps.truth().doc.components).filter((c) => c.heartbeat);
    const raw = components.length > 0 ? await deps.system.mget(...components.map((c) => heartbeatKey(c.id))) : [];
    const now = Date.now();
    res.json({
      services: components.map((c, i) => {
        const record = parseHeartbeat(raw[i] ?? null);
        return { id: c.id, state: heartbeatState(record, now), heartbeat: record };
      }),
    });
  });

  router.get('/truth', (_req, res) => {
    const { version, ts, doc } = deps.truth();
    res.json({ version, loadedAt: new Date(ts).toISOString(), node: doc.node, components: Object.keys(doc.components) });
  });

  router.get('/users', async (_req, res) => {
    const users = await new UserStore(deps.system).list();
    res.json({ users: users.map(toUserDto) });
  });

  return router;
}
