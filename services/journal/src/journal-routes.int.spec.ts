import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditNestRoutes, createNestService } from '@marketswarm/shared/nest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import { loadRepoTruth, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import { AppModule } from './app.module.js';

/** The journal app as main.ts builds it, in this process, so its Express router stack can be walked. */
describe('journal routes', () => {
  let redis: RedisTrio;
  let ctx: ServiceContext;
  let app: NestExpressApplication<Server>;
  let url: string;

  beforeAll(async () => {
    redis = await startRedisTrio();
    await loadRepoTruth(redis.system.client());
    ctx = await bootService({ id: 'journal', version: '0.0.0', env: { ...redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    app = await createNestService(ctx, AppModule.register(ctx));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await ctx?.shutdown('spec done');
    await redis?.stop();
  });

  it('explains every mounted route by a controller and documents every /api route', () => {
    const audit = auditNestRoutes(app);
    expect(audit.unexplained).toEqual([]);
    expect(audit.undocumented).toEqual([]);
    expect(Object.fromEntries(audit.declared.map((e) => [`${e.method} ${e.path}`, e.policy]))).toStrictEqual({
      'GET /health': 'public',
      'GET /metrics': 'public',
      'GET /api/journal/openapi.json': 'public',
      'GET /api/journal/edge': 'session',
      'POST /api/journal/edge': 'session',
    });
  });

  it('answers 401 without a session on every route that is not @Public()', async () => {
    const guarded = auditNestRoutes(app).declared.filter((e) => e.policy !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const res = await fetch(`${url}${route.path.replace(/:[A-Za-z]+/g, '1')}`, { method: route.method });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('lists every /api route in its OpenAPI document', async () => {
    const document = (await (await fetch(`${url}/api/journal/openapi.json`)).json()) as { paths: Record<string, Record<string, { 'x-policy': string }>> };
    for (const route of auditNestRoutes(app).declared.filter((e) => e.path.startsWith('/api/'))) {
      expect(document.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()]?.['x-policy'], `${route.method} ${route.path}`).toBe(route.policy);
    }
  });
});
