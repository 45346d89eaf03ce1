import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { SESSION_KEYS } from '@marketswarm/shared/auth';
import { API_CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, X_FRAME_OPTIONS } from '@marketswarm/shared/http';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess, type SignedInAccount } from '@marketswarm/shared/testing';

/**
 * The shared HTTP edge in the real journal process against real Redis: it reads the session the
 * gateway writes (no gateway runs here), and refuses in the one error body.
 */
describe('journal edge (real process)', () => {
  let redis: RedisTrio;
  let system: Redis;
  let journal: ServiceProcess;
  let trader: SignedInAccount;
  let runDir: string;

  const call = async (path: string, init: { method?: string; cookie?: string; csrf?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { 'x-request-id': 'journal-edge-spec-1' };
    if (init.cookie) headers['cookie'] = init.cookie;
    if (init.csrf) headers['x-csrf-token'] = init.csrf;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${journal.url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    redis = await startRedisTrio();
    system = redis.system.client();
    await loadRepoTruth(system);
    // Its own run folder, so the SQLite file is this spec's and not the dev stack's.
    runDir = await mkdtemp(join(tmpdir(), 'ms-journal-edge-'));
    journal = await startServiceProcess({ dir: 'services/journal', env: { ...redis.env, MS_RUN_DIR: runDir } });
    trader = await createSignedInAccount(system, 'trader@example.com');
  });

  afterAll(async () => {
    await journal?.stop();
    await redis?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  it('answers 401 in the shared body without a session cookie', async () => {
    const { res, body } = await call('/api/journal/edge');
    expect(res.status).toBe(401);
    expect(body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'unauthorized',
      message: 'sign in first',
      issues: [{ path: 'ms_session', message: 'no session cookie was sent' }],
      requestId: 'journal-edge-spec-1',
    });
  });

  it('answers 200 with the signed-in user, checked against system Redis by the journal itself', async () => {
    const { res, body } = await call('/api/journal/edge', { cookie: trader.cookie });
    expect(res.status).toBe(200);
    expect(body).toEqual({ service: 'journal', user: { id: trader.userId, role: 'trader' } });
  });

  it('sends the shared security headers, as the gateway does', async () => {
    const { res } = await call('/api/journal/edge', { cookie: trader.cookie });
    expect(res.headers.get('x-frame-options')).toBe(X_FRAME_OPTIONS);
    expect(res.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
    expect(res.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 401 as soon as the session is gone from Redis (signed out on the gateway)', async () => {
    const other = await createSignedInAccount(system, 'leaving@example.com');
    expect((await call('/api/journal/edge', { cookie: other.cookie })).res.status).toBe(200);
    const sessionId = /ms_session=([^;]+)/.exec(other.cookie)?.[1] ?? '';
    await system.del(SESSION_KEYS.session(sessionId));
    const { res, body } = await call('/api/journal/edge', { cookie: other.cookie });
    expect(res.status).toBe(401);
    expect(body).toMatchObject({ code: 'unauthorized', issues: [{ message: 'the session has expired or was ended' }] });
  });

  it('answers 403 csrf naming the header on a POST without X-CSRF-Token, and 200 with it', async () => {
    const missing = await call('/api/journal/edge', { method: 'POST', cookie: trader.cookie, body: { message: 'hello' } });
    expect(missing.res.status).toBe(403);
    expect(missing.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'csrf', issues: [{ path: 'X-CSRF-Token' }] });
    const sent = await call('/api/journal/edge', { method: 'POST', cookie: trader.cookie, csrf: trader.csrf, body: { message: ' hello ' } });
    expect(sent.res.status).toBe(200);
    expect(sent.body).toEqual({ service: 'journal', user: { id: trader.userId, role: 'trader' }, message: 'hello' });
  });

  it('answers 400 validation naming each refused field and the reason', async () => {
    const { res, body } = await call('/api/journal/edge', { method: 'POST', cookie: trader.cookie, csrf: trader.csrf, body: { message: '', sneaky: 1 } });
    expect(res.status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation',
      message: 'invalid body: message: must not be empty',
      issues: [
        { path: 'message', message: 'must not be empty' },
        { path: '(root)', message: 'Unrecognized key: "sneaky"' },
      ],
      requestId: 'journal-edge-spec-1',
    });
  });

  it('answers 404 in the shared body for an unknown path, also behind /api', async () => {
    for (const path of ['/api/journal/nope', '/api/nope/7', '/nope']) {
      const { res, body } = await call(path, { cookie: trader.cookie });
      expect(res.status, path).toBe(404);
      expect(body, path).toEqual({ statusCode: 404, error: 'Not Found', code: 'not-found', message: `no route for GET ${path}`, requestId: 'journal-edge-spec-1' });
    }
  });

  it('mounts its routes under /api, and /health and /metrics outside it', async () => {
    expect((await fetch(`${journal.url}/health`)).status).toBe(200);
    expect((await fetch(`${journal.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${journal.url}/api/health`)).status).toBe(404);
    expect((await fetch(`${journal.url}/journal/edge`)).status).toBe(404);
  });

  it('serves its OpenAPI document at /api/journal/openapi.json to anyone', async () => {
    const { res, body } = await call('/api/journal/openapi.json');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ openapi: '3.1.0', info: { title: 'MarketSwarm journal' } });
    // Which routes it lists is the route walk's to check (journal-routes.int.spec.ts); here, that it is served whole.
    expect(Object.keys(body['paths'] as object)).toEqual(expect.arrayContaining(['/api/journal/edge', '/api/journal/openapi.json', '/api/logs/{id}/import']));
    // The import is a multipart upload with its file part, the export a file download, not JSON.
    const paths = body['paths'] as Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    expect(Object.keys(paths['/api/logs/{id}/import']?.['post']?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(Object.keys(paths['/api/logs/{id}/export']?.['get']?.responses['200']?.content ?? {})).toEqual(['text/csv; charset=utf-8', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });
});
