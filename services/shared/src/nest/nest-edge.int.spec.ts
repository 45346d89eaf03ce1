import type { Server } from 'node:http';
import { Controller, Get, Module, Post, type DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { UserDto } from '../dto/auth.schema.js';
import { DomainError } from '../http/index.js';
import { createLogger } from '../logger/index.js';
import { createSignedInAccount, startRedisServer, type RedisServerHandle, type SignedInAccount } from '../testing/index.js';
import { ApiRoute } from './api-route.decorator.js';
import { CurrentUser } from './current-user.decorator.js';
import { Public, Roles } from './edge-metadata.js';
import { auditNestRoutes } from './nest-route-audit.js';
import { NestEdgeModule } from './nest-edge.module.js';
import { createNestService } from './start-nest-service.js';
import { ZodBody, ZodParams, ZodQuery } from './zod-validation.pipe.js';

const itemSchema = z.strictObject({ name: z.string().min(1, 'must not be empty'), qty: z.number().int().positive('must be positive') });

@Controller('items')
class ItemsController {
  @Get()
  @ApiRoute({ summary: 'Who asks', responses: { 200: z.object({ id: z.string() }) } })
  mine(@CurrentUser() user: UserDto): { id: string } {
    return { id: user.id };
  }

  @Post()
  @ApiRoute({ summary: 'Echo an item', responses: { 201: itemSchema } })
  create(@ZodBody(itemSchema) item: z.output<typeof itemSchema>): z.output<typeof itemSchema> {
    return item;
  }

  @Get(':id')
  @ApiRoute({ summary: 'One item', responses: { 200: itemSchema }, errors: { 404: 'no such item' } })
  one(@ZodParams(z.object({ id: z.coerce.number().int().positive() })) params: { id: number }, @ZodQuery(z.object({ full: z.enum(['yes', 'no']).optional() })) _query: object): never {
    throw new DomainError('not-found', `no item ${params.id}`);
  }

  @Public()
  @Get('open/limited')
  @ApiRoute({ summary: 'Always rate limited', responses: { 200: null } })
  limited(): never {
    throw new DomainError('rate-limited', 'slow down', { retryAfterSec: 7 });
  }

  @Roles('admin')
  @Get('admin/report')
  @ApiRoute({ summary: 'Admins only', responses: { 200: z.object({ ok: z.boolean() }) } })
  report(): { ok: boolean } {
    return { ok: true };
  }
}

@Public()
@Controller('catalogue')
class CatalogueController {
  @Get()
  @ApiRoute({ summary: 'Open to anyone', responses: { 200: z.object({ items: z.array(z.string()) }) } })
  list(): { items: string[] } {
    return { items: ['fly', 'vertical'] };
  }
}

@Module({})
class TestModule {
  static register(redis: RedisServerHandle): DynamicModule {
    return {
      module: TestModule,
      imports: [
        NestEdgeModule.forRoot({
          session: { redis: redis.client(), sessionTtlSec: 3600, renewAfterSec: 0 },
          openApi: { path: 'catalogue/openapi.json', info: { title: 'items', version: '1.0.0' } },
        }),
      ],
      controllers: [ItemsController, CatalogueController],
    };
  }
}

describe(NestEdgeModule.name, () => {
  let redis: RedisServerHandle;
  let app: NestExpressApplication<Server>;
  let url: string;
  let trader: SignedInAccount;
  let admin: SignedInAccount;
  const closers: (() => Promise<void> | void)[] = [];

  const send = async (path: string, init: { method?: string; cookie?: string; csrf?: string; body?: string; type?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.cookie) headers['cookie'] = init.cookie;
    if (init.csrf) headers['x-csrf-token'] = init.csrf;
    if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
    const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    const text = await res.text();
    return { res, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    app = await createNestService({ logger: createLogger('nest-edge-test', 'silent'), metrics: new Registry(), onShutdown: (c) => void closers.push(c) }, TestModule.register(redis));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    url = url.replace('[::1]', '127.0.0.1');
    trader = await createSignedInAccount(redis.client(), 'trader@example.com');
    admin = await createSignedInAccount(redis.client(), 'admin@example.com', { role: 'admin' });
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await redis?.stop();
  });

  it('refuses a route without @Public() with 401 naming the missing cookie, and hands the signed-in user to @CurrentUser', async () => {
    const anonymous = await send('/api/items');
    expect(anonymous.res.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'unauthorized',
      message: 'sign in first',
      issues: [{ path: 'ms_session', message: 'no session cookie was sent' }],
    });
    const forged = await send('/api/items', { cookie: `ms_session=${'A'.repeat(43)}` });
    expect(forged.body).toMatchObject({ code: 'unauthorized', issues: [{ message: 'the session has expired or was ended' }] });
    const signedIn = await send('/api/items', { cookie: trader.cookie });
    expect(signedIn.res.status).toBe(200);
    expect(signedIn.body).toEqual({ id: trader.userId });
  });

  it('re-issues the session cookies when the check slid the session', async () => {
    const { res } = await send('/api/items', { cookie: trader.cookie });
    expect(res.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(['ms_session', 'ms_csrf']);
  });

  it('lets @Public() handlers and controllers through without a session', async () => {
    expect((await send('/api/catalogue')).body).toEqual({ items: ['fly', 'vertical'] });
    expect((await send('/api/items/open/limited')).res.status).toBe(429);
  });

  it('refuses a POST behind the session without the X-CSRF-Token header with 403 csrf naming the header', async () => {
    const item = JSON.stringify({ name: 'fly', qty: 1 });
    const missing = await send('/api/items', { method: 'POST', cookie: trader.cookie, body: item });
    expect(missing.res.status).toBe(403);
    expect(missing.body).toMatchObject({ statusCode: 403, code: 'csrf', issues: [{ path: 'X-CSRF-Token' }] });
    const wrong = await send('/api/items', { method: 'POST', cookie: trader.cookie, csrf: 'x'.repeat(43), body: item });
    expect(wrong.body).toMatchObject({ code: 'csrf', message: 'X-CSRF-Token header does not match the ms_csrf cookie' });
    const ok = await send('/api/items', { method: 'POST', cookie: trader.cookie, csrf: trader.csrf, body: item });
    expect(ok.res.status).toBe(201);
    expect(ok.body).toEqual({ name: 'fly', qty: 1 });
  });

  it('answers 401 before 403 on a @Roles(admin) route, 403 forbidden to a trader, 200 to an admin', async () => {
    expect((await send('/api/items/admin/report')).res.status).toBe(401);
    const refused = await send('/api/items/admin/report', { cookie: trader.cookie });
    expect(refused.res.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', message: 'this route needs the admin role', issues: [{ path: 'role', message: 'is trader; needs admin' }] });
    expect((await send('/api/items/admin/report', { cookie: admin.cookie })).body).toEqual({ ok: true });
  });

  it('validates the body with @ZodBody: 400 validation naming every field, 400 for malformed JSON, 415 without JSON, 413 over the limit', async () => {
    const post = (body: string, type?: string) => send('/api/items', { method: 'POST', cookie: trader.cookie, csrf: trader.csrf, body, ...(type ? { type } : {}) });
    const invalid = await post(JSON.stringify({ name: '', qty: -1, extra: true }));
    expect(invalid.res.status).toBe(400);
    expect(invalid.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation',
      message: 'invalid body: name: must not be empty',
      issues: [
        { path: 'name', message: 'must not be empty' },
        { path: 'qty', message: 'must be positive' },
        { path: '(root)', message: 'Unrecognized key: "extra"' },
      ],
    });
    expect((await post('{"name":')).body).toMatchObject({ statusCode: 400, code: 'bad-request', message: 'request body is not valid JSON', issues: [{ path: '(body)' }] });
    expect((await post('name=fly', 'application/x-www-form-urlencoded')).body).toMatchObject({ statusCode: 415, code: 'unsupported-media-type', issues: [{ path: '(body)' }] });
    const big = await post(JSON.stringify({ name: 'x'.repeat(70_000), qty: 1 }));
    expect(big.body).toMatchObject({ statusCode: 413, code: 'payload-too-large', issues: [{ path: '(body)', message: 'must be at most 64kb' }] });
  });

  it('parses a body only once the guards let the request in (a stranger’s malformed JSON gets the 401)', async () => {
    const stranger = await send('/api/items', { method: 'POST', body: '{"name":' });
    expect(stranger.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    const noCsrf = await send('/api/items', { method: 'POST', cookie: trader.cookie, body: '{"name":' });
    expect(noCsrf.body).toMatchObject({ statusCode: 403, code: 'csrf' });
  });

  it('validates path and query with @ZodParams / @ZodQuery, and answers a DomainError with the status of its code', async () => {
    const bad = await send('/api/items/zero', { cookie: trader.cookie });
    expect(bad.res.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation', issues: [{ path: 'id' }] });
    expect((await send('/api/items/7?full=maybe', { cookie: trader.cookie })).body).toMatchObject({ code: 'validation', issues: [{ path: 'full' }] });
    const missing = await send('/api/items/7', { cookie: trader.cookie });
    expect(missing.res.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'not-found', message: 'no item 7' });
  });

  it('sends Retry-After for a DomainError that carries one', async () => {
    const { res, body } = await send('/api/items/open/limited');
    expect(res.headers.get('retry-after')).toBe('7');
    expect(body).toMatchObject({ statusCode: 429, code: 'rate-limited', message: 'slow down' });
  });

  it('answers a route that does not exist with the shared 404 body', async () => {
    expect((await send('/api/nope')).body).toMatchObject({ statusCode: 404, code: 'not-found', message: 'no route for GET /api/nope' });
  });

  it('explains every mounted route by a controller, with its policy, and documents each one', async () => {
    const audit = auditNestRoutes(app);
    expect(audit.unexplained).toEqual([]);
    expect(audit.undocumented).toEqual([]);
    expect(Object.fromEntries(audit.declared.map((e) => [`${e.method} ${e.path}`, e.policy]))).toEqual({
      'GET /api/items': 'session',
      'POST /api/items': 'session',
      'GET /api/items/:id': 'session',
      'GET /api/items/open/limited': 'public',
      'GET /api/items/admin/report': 'admin',
      'GET /api/catalogue': 'public',
      'GET /api/catalogue/openapi.json': 'public',
    });
    const answer = await send('/api/catalogue/openapi.json');
    expect(answer.res.status, JSON.stringify(answer.body)).toBe(200);
    const document = answer.body as { paths: Record<string, Record<string, { security: unknown[]; requestBody?: unknown; parameters?: { name: string; in: string }[] }>> };
    expect(Object.keys(document.paths).sort()).toEqual(['/api/catalogue', '/api/catalogue/openapi.json', '/api/items', '/api/items/admin/report', '/api/items/open/limited', '/api/items/{id}']);
    expect(document.paths['/api/items']?.['post']?.security).toEqual([{ session: [], csrf: [] }]);
    expect(document.paths['/api/items']?.['post']?.requestBody).toMatchObject({ content: { 'application/json': { schema: { properties: { qty: { type: 'integer' } } } } } });
    expect(document.paths['/api/items/{id}']?.['get']?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:full']);
    expect(document.paths['/api/catalogue']?.['get']?.security).toEqual([]);
  });
});
