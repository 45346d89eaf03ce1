import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable, type RouteEntry } from '@marketswarm/shared/edge';
import { closeServer, openApiPath, type OpenApiDocument } from '@marketswarm/shared/http';
import { createLogger } from '@marketswarm/shared/logger';
import { createGatewayApp, GATEWAY_OPENAPI_PATH } from './app.js';
import { createAuthDeps } from './auth/auth-deps.js';
import { gatewayApi } from './gateway-api.js';

/**
 * The gateway's REST app exactly as main.ts assembles it, walked through its Express router stack.
 * No request below carries a session cookie, so none reaches Redis: the client never connects.
 */
describe('gateway routes', () => {
  const redis = new Redis({ lazyConnect: true, enableOfflineQueue: false });
  const auth = createAuthDeps(redis, { sessionTtlSec: 3600 });
  const app = createGatewayApp(
    {
      logger: createLogger('sse-routes-test', 'silent'),
      health: () => ({ status: 'ok', service: 'sse', version: '0.0.0', pid: process.pid, uptimeSec: 0, truthVersion: null, restartNeeded: [] }),
      metrics: new Registry(),
      version: '0.0.0',
    },
    {
      cors: { enabled: false, origins: [] },
      api: gatewayApi({
        auth,
        truth: () => {
          throw new Error('no request here reaches a handler that reads truth');
        },
        market: redis,
        redisFor: () => redis,
        connections: () => [],
        logger: createLogger('sse-routes-test', 'silent'),
        ingest: () => ({ ratePerSec: 50, burst: 200, maxBodyBytes: 262144 }),
        registry: new Registry(),
      }),
    },
  );
  const routes = routeTable(app);
  const label = (e: RouteEntry) => `${e.method} ${e.path}`;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closeServer(server);
    redis.disconnect();
  });

  it('decides every route: public, session or admin (none is reachable by omission)', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((e) => e.policy === undefined).map(label)).toEqual([]);
  });

  it('guards each route as docs/API.md says', () => {
    expect(Object.fromEntries(routes.map((e) => [label(e), e.policy]))).toStrictEqual({
      'GET /health': 'public',
      'GET /api/health': 'public',
      'GET /metrics': 'public',
      'POST /api/auth/register': 'public',
      'POST /api/auth/login': 'public',
      'POST /api/auth/logout': 'session',
      'POST /api/auth/logout-all': 'session',
      'GET /api/auth/demo': 'public',
      'GET /api/auth/me': 'session',
      'GET /api/profile': 'session',
      'PATCH /api/profile': 'session',
      'GET /api/models/candles/:symbol/history': 'session',
      'GET /api/models/:model': 'session',
      'GET /api/models/:model/:symbol': 'session',
      'POST /api/ingest/:topic': 'apiKey',
      'GET /api/admin/connections': 'admin',
      'GET /api/admin/heartbeats': 'admin',
      'GET /api/admin/services': 'admin',
      'GET /api/admin/truth': 'admin',
      'GET /api/admin/streams': 'admin',
      'GET /api/admin/gateways': 'admin',
      'GET /api/admin/recovery': 'admin',
      'POST /api/admin/recovery/:service/reset': 'admin',
      'GET /api/admin/users': 'admin',
      'POST /api/admin/users/:id/disable': 'admin',
      'POST /api/admin/users/:id/enable': 'admin',
      'POST /api/admin/users/:id/role': 'admin',
      'DELETE /api/admin/users/:id/sessions': 'admin',
      [`GET ${GATEWAY_OPENAPI_PATH}`]: 'public',
    });
  });

  it('answers 401 without a session (or, for ingest, without an API key) on every route that is not public', async () => {
    for (const route of routes.filter((e) => e.policy !== 'public')) {
      const res = await fetch(`${url}${route.path.replace(/:[A-Za-z]+/g, 'SPX')}`, { method: route.method });
      expect(res.status, label(route)).toBe(401);
      const message = route.policy === 'apiKey' ? 'send an API key as Authorization: Bearer <key>' : 'sign in first';
      expect(await res.json(), label(route)).toMatchObject({ code: 'unauthorized', message });
    }
  });

  it('lists every /api route in its OpenAPI document with the same policy, and nothing else', async () => {
    const res = await fetch(`${url}${GATEWAY_OPENAPI_PATH}`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as OpenApiDocument;
    const api = routes.filter((e) => e.path.startsWith('/api/'));
    for (const route of api) {
      const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation, `${label(route)} is missing from ${GATEWAY_OPENAPI_PATH}`).toBeDefined();
      expect(operation?.['x-policy'], label(route)).toBe(route.policy);
    }
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(api.map((e) => `${e.method} ${openApiPath(e.path)}`).sort());
  });
});
