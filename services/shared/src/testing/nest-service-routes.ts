import type { Server } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, isStateChangingMethod } from '../auth/csrf.js';
import { needsSession, type RoutePolicy } from '../http/edge/route-policy.js';
import type { RouteEntry } from '../http/edge/route-table.js';
import { errorBodySchema } from '../http/error-body.js';
import { openApiPath, type OpenApiDocument } from '../http/openapi/openapi-document.js';
import { auditNestRoutes } from '../nest/nest-route-audit.js';
import { NEST_API_PREFIX } from '../nest/nest-route-table.js';
import { createNestService } from '../nest/start-nest-service.js';
import { bootService, type ServiceContext } from '../service/index.js';
import { createSignedInAccount } from './session-accounts.js';
import { loadRepoTruth, startRedisTrio, type RedisTrio } from './test-stack.js';

export interface NestServiceRoutesSpec {
  /** The truth component the service boots as (`journal`, `copilot`). */
  id: string;
  /** The root module exactly as the service's main.ts registers it. */
  root: (ctx: ServiceContext) => DynamicModule;
  /** Where the service serves its OpenAPI document under `/api` (e.g. `journal/openapi.json`). */
  openApiPath: string;
  /** Every route the app mounts, `METHOD /path` → its policy, as docs/API.md states them. */
  policies: Readonly<Record<string, RoutePolicy>>;
}

const label = (e: Pick<RouteEntry, 'method' | 'path'>) => `${e.method} ${e.path}`;

/**
 * The route spec every NestJS service runs: its app as main.ts builds it (booted on a real
 * redis-server trio, in this process so its Express router stack can be walked), checked to
 * explain every mounted route by a controller with the stated policy, to refuse each guarded route
 * without a session and each state-changing one without its CSRF header, and to document exactly
 * its `/api` routes in OpenAPI — none missing, none extra.
 * Kept out of the testing index, which the benchmarks load without vitest or NestJS.
 */
export function describeNestServiceRoutes(spec: NestServiceRoutesSpec): void {
  describe(`${spec.id} routes`, () => {
    let redis: RedisTrio | undefined;
    let ctx: ServiceContext | undefined;
    let app: NestExpressApplication<Server>;
    let url: string;

    beforeAll(async () => {
      redis = await startRedisTrio();
      await loadRepoTruth(redis.system.client());
      ctx = await bootService({ id: spec.id, version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
      app = await createNestService(ctx, spec.root(ctx));
      await app.listen(0, '127.0.0.1');
      url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    });

    afterAll(async () => {
      await ctx?.shutdown('spec done');
      await redis?.stop();
    });

    it('explains every mounted route by a controller and guards each as docs/API.md says', () => {
      const audit = auditNestRoutes(app);
      expect(audit.unexplained).toEqual([]);
      expect(audit.undocumented).toEqual([]);
      expect(Object.fromEntries(audit.declared.map((e) => [label(e), e.policy]))).toStrictEqual(spec.policies);
    });

    it('answers 401 without a session on every route behind the session', async () => {
      const guarded = auditNestRoutes(app).declared.filter((e) => e.policy === 'session' || e.policy === 'admin');
      expect(guarded.length).toBeGreaterThan(0);
      for (const route of guarded) {
        const res = await fetch(`${url}${route.path.replace(/:[A-Za-z]+/g, '1')}`, { method: route.method });
        expect(res.status, label(route)).toBe(401);
        expect(await res.json(), label(route)).toMatchObject({ code: 'unauthorized', message: 'sign in first' });
      }
    });

    it('answers 403 csrf to a signed-in request without the X-CSRF-Token header on every state-changing route behind the session', async () => {
      const changing = auditNestRoutes(app).declared.filter((e) => e.policy !== undefined && needsSession(e.policy) && isStateChangingMethod(e.method));
      expect(changing.length).toBeGreaterThan(0);
      // A live session and its ms_csrf cookie, as a browser sends them; only the header is left out.
      if (!redis) throw new Error('the redis trio starts in beforeAll');
      const account = await createSignedInAccount(redis.system.client(), `csrf-${spec.id}@example.com`);
      for (const route of changing) {
        const res = await fetch(`${url}${route.path.replace(/:[A-Za-z]+/g, '1')}`, { method: route.method, headers: { cookie: account.cookie, 'content-type': 'application/json' }, body: '{}' });
        expect(res.status, label(route)).toBe(403);
        const body = errorBodySchema.parse(await res.json());
        expect(body, label(route)).toMatchObject({ statusCode: 403, code: 'csrf', issues: [{ path: CSRF_HEADER }] });
      }
    });

    // The spec's truth carries no secrets: an internal route must then be absent to every caller.
    it('answers 404 on every internal route while no internal token is configured, with or without a bearer', async () => {
      const internal = auditNestRoutes(app).declared.filter((e) => e.policy === 'internal');
      for (const route of internal) {
        for (const headers of [{}, { authorization: 'Bearer guess' }] as Record<string, string>[]) {
          const res = await fetch(`${url}${route.path.replace(/:[A-Za-z]+/g, '1')}`, { method: route.method, headers });
          expect(res.status, label(route)).toBe(404);
        }
      }
    });

    it('lists every /api route in its OpenAPI document with the same policy, and nothing else', async () => {
      const documentPath = `/${NEST_API_PREFIX}/${spec.openApiPath}`;
      const res = await fetch(`${url}${documentPath}`);
      expect(res.status).toBe(200);
      const document = (await res.json()) as OpenApiDocument;
      const api = auditNestRoutes(app).declared.filter((e) => e.path.startsWith(`/${NEST_API_PREFIX}/`));
      for (const route of api) {
        const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
        expect(operation, `${label(route)} is missing from ${documentPath}`).toBeDefined();
        expect(operation?.['x-policy'], label(route)).toBe(route.policy);
      }
      const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
      expect(documented.sort()).toEqual(api.map((e) => `${e.method} ${openApiPath(e.path)}`).sort());
    });
  });
}
