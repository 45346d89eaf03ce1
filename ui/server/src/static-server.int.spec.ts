import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey } from '@marketswarm/shared/heartbeat';
import { loadRepoTruth, repoRoot, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import { rawRequest } from './testing/raw-request.js';

// Runs against the real build: `npx tsc -b tsconfig.build.json && npm run build -w ui`.
const dist = path.join(repoRoot, 'ui/dist');
const BROWSER = 'gzip, deflate, br, zstd';

/** Compares big bodies by digest: a deep equal of 200 KB buffers takes seconds. */
const sha = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function builtFiles(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dist, f)).isFile());
}

describe('the UI build', () => {
  it('exists, so the server has something to serve', () => {
    expect(existsSync(path.join(dist, 'index.html')), 'ui/dist/index.html is missing: run npm run build -w ui').toBe(true);
  });

  it('writes .br and .gz siblings of every text file over 1 KB, and only of those', () => {
    const files = builtFiles();
    const originals = files.filter((f) => !/\.(?:br|gz)$/.test(f));
    const large = originals.filter((f) => /\.(?:js|css|html|svg|json)$/.test(f) && statSync(path.join(dist, f)).size > 1024);
    expect(large.some((f) => f.endsWith('.js'))).toBe(true);
    for (const f of large) {
      expect(files, `${f} has no .br`).toContain(`${f}.br`);
      expect(files, `${f} has no .gz`).toContain(`${f}.gz`);
      expect(sha(brotliDecompressSync(readFileSync(path.join(dist, `${f}.br`))))).toBe(sha(readFileSync(path.join(dist, f))));
    }
    const variants = files.filter((f) => /\.(?:br|gz)$/.test(f)).map((f) => f.slice(0, -3));
    expect(variants.filter((f) => !large.includes(f))).toEqual([]);
  });
});

describe('static server process', () => {
  let redis: RedisTrio;
  let server: ServiceProcess;
  let truthVersion: string;
  let indexHtml: Buffer;
  let scriptPath: string;
  let script: Buffer;

  beforeAll(async () => {
    indexHtml = readFileSync(path.join(dist, 'index.html'));
    // The app's entry: the boot script before it is too small to be precompressed.
    const src = /<script[^>]+src="(\/assets\/index-[^"]+\.js)"/.exec(indexHtml.toString())?.[1];
    if (!src) throw new Error('ui/dist/index.html references no /assets/index-*.js entry script');
    scriptPath = src;
    script = readFileSync(path.join(dist, src));
    redis = await startRedisTrio();
    truthVersion = (await loadRepoTruth(redis.system.client())).version;
    server = await startServiceProcess({ dir: 'ui/server', env: redis.env });
  });

  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  it('answers /health with its name, version, uptime and the loaded truth version', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'static', version: '0.1.0', truthVersion, uptimeSec: expect.any(Number) as unknown });
  });

  it('serves Prometheus metrics', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('ms_process_cpu_user_seconds_total{service="static"}');
  });

  it('writes a heartbeat with its pid and port', async () => {
    const record = JSON.parse((await redis.system.client().get(heartbeatKey('static'))) ?? 'null') as Record<string, unknown> | null;
    expect(record).toMatchObject({ service: 'static', pid: server.child.pid, port: server.port, truthVersion });
  });

  it('serves index.html at / with no-cache and an ETag', async () => {
    const res = await rawRequest(server.url, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache, must-revalidate');
    expect(res.headers['etag']).toMatch(/^W\/".+"$/);
    expect(res.body).toEqual(indexHtml);
  });

  it('serves index.html for client-side routes (GET and HEAD)', async () => {
    const deep = await rawRequest(server.url, '/journal/trades/42?tab=notes');
    expect(deep.status).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-cache, must-revalidate');
    expect(deep.body).toEqual(indexHtml);

    const head = await rawRequest(server.url, '/heatmap', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(head.headers['content-length'])).toBe(indexHtml.length);
    expect(head.body.length).toBe(0);
  });

  it('answers index.html itself with no-cache', async () => {
    const res = await fetch(`${server.url}/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache, must-revalidate');
  });

  it('serves hashed assets immutable for a year', async () => {
    const res = await rawRequest(server.url, scriptPath);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('prefers the brotli variant, labelled with the original type', async () => {
    const res = await rawRequest(server.url, scriptPath, { headers: { 'Accept-Encoding': BROWSER } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length);
    expect(sha(brotliDecompressSync(res.body))).toBe(sha(script));
  });

  it('serves the gzip variant to a client without br, or that ranks gzip higher', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0.5, gzip']) {
      const res = await rawRequest(server.url, scriptPath, { headers: { 'Accept-Encoding': accept } });
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(sha(gunzipSync(res.body))).toBe(sha(script));
    }
  });

  it('serves the original bytes, still with Vary, to a client that accepts no coding', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }] as Record<string, string>[]) {
      const res = await rawRequest(server.url, scriptPath, { headers });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(sha(res.body)).toBe(sha(script));
    }
  });

  it('gives each representation its own ETag and answers a matching If-None-Match with 304', async () => {
    const etags: string[] = [];
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await rawRequest(server.url, scriptPath, { headers: { 'Accept-Encoding': accept } });
      const etag = first.headers['etag'];
      expect(etag, accept).toBeTypeOf('string');
      etags.push(etag!);
      const again = await rawRequest(server.url, scriptPath, { headers: { 'Accept-Encoding': accept, 'If-None-Match': etag! } });
      expect(again.status, accept).toBe(304);
      expect(again.body.length).toBe(0);
    }
    expect(new Set(etags).size).toBe(3);
    const stale = await rawRequest(server.url, scriptPath, { headers: { 'Accept-Encoding': 'identity', 'If-None-Match': etags[0]! } });
    expect(stale.status).toBe(200);
  });

  it('answers a missing asset with the shared 404 body, never with the SPA', async () => {
    const res = await fetch(`${server.url}/assets/nope.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBeNull();
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'no route for GET /assets/nope.js' });
  });

  it('answers backend paths and non-GET methods with 404, never with the SPA', async () => {
    const api = await fetch(`${server.url}/api/nope`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404, message: 'no route for GET /api/nope' });
    const post = await fetch(`${server.url}/journal`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ statusCode: 404, message: 'no route for POST /journal' });
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/%2e%2e%5c%2e%2e%5cpackage.json',
    '/.%2e/server/package.json',
  ])('never serves a file outside the root for %s', async (raw) => {
    for (const accept of ['identity', BROWSER]) {
      const res = await rawRequest(server.url, raw, { headers: { 'Accept-Encoding': accept } });
      expect([400, 403, 404], `${raw} answered ${res.status}`).toContain(res.status);
      expect(res.headers['content-encoding']).toBeUndefined();
      const body = JSON.parse(res.body.toString()) as { statusCode: number; name?: string };
      expect(body.statusCode).toBe(res.status);
      expect(body.name).toBeUndefined();
    }
  });

  it('removes its heartbeat on a clean SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
    expect(await redis.system.client().get(heartbeatKey('static'))).toBeNull();
  });
});
