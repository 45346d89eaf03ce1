import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, healthPayload, listen, SECURITY_HEADERS } from '@marketswarm/shared/http';
import { createLogger } from '@marketswarm/shared/logger';
import { createMetricsRegistry } from '@marketswarm/shared/metrics';
import { SPA_CONTENT_SECURITY_POLICY } from './spa-content-security-policy.js';
import { createStaticApp } from './static-app.js';
import { rawRequest } from './testing/raw-request.js';

// The app in-process over a fixture root, for the cases the real build does not contain
// (large HTML, a gzip-only variant, dotfiles).
const bigHtml = `<!doctype html><html><head><title>MarketSwarm</title></head><body>${'<p>shell</p>'.repeat(200)}</body></html>`;
const appCss = 'body{color:#e6edf3}'.repeat(100);

describe(createStaticApp.name, () => {
  let root: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ms-static-app-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), bigHtml);
    await writeFile(path.join(root, 'index.html.br'), brotliCompressSync(bigHtml));
    await writeFile(path.join(root, 'index.html.gz'), gzipSync(bigHtml));
    await writeFile(path.join(root, 'assets/app-1a2b3c.css'), appCss);
    await writeFile(path.join(root, 'assets/app-1a2b3c.css.gz'), gzipSync(appCss));
    await writeFile(path.join(root, 'assets/logo-9f8e.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(root, '.env'), 'SECRET=1');
    await writeFile(path.join(root, '.secrets.json'), '{"SECRET":1}');
    const app = createStaticApp({
      root,
      logger: createLogger('static', 'silent'),
      metrics: createMetricsRegistry('static'),
      health: () => ({ ...healthPayload('static', '0.0.0-test', Date.now(), 'v-test'), restartNeeded: [] }),
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await closeServer(server);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('serves the SPA fallback precompressed when index.html has variants', async () => {
    const res = await rawRequest(url, '/positions/open', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache, must-revalidate');
    expect(brotliDecompressSync(res.body).toString()).toBe(bigHtml);
  });

  it('falls back to the variant that exists when br is missing', async () => {
    const res = await rawRequest(url, '/assets/app-1a2b3c.css', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.body).toString()).toBe(appCss);
    const brOnly = await rawRequest(url, '/assets/app-1a2b3c.css', { headers: { 'Accept-Encoding': 'br' } });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.toString()).toBe(appCss);
  });

  it('adds no Vary to files that have no variants', async () => {
    const res = await rawRequest(url, '/assets/logo-9f8e.png', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toBeUndefined();
  });

  it('makes unhashed root files revalidate', async () => {
    const res = await rawRequest(url, '/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('never serves dotfiles', async () => {
    for (const raw of ['/.secrets.json', '/%2esecrets.json', '/assets/../.secrets.json']) {
      const res = await rawRequest(url, raw);
      expect(res.status, raw).toBe(404);
      expect(res.body.toString()).not.toContain('SECRET');
    }
    // No extension: a client-side route, so the SPA answers rather than the file.
    const env = await rawRequest(url, '/.env');
    expect(env.body.toString()).not.toContain('SECRET');
  });

  it('answers a file request by its variant path name only when that file exists', async () => {
    const res = await rawRequest(url, '/assets/app-1a2b3c.css.br', { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('sends security headers fit for plain HTTP behind nginx', async () => {
    const res = await rawRequest(url, '/');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends the shared security headers and the SPA policy on pages, assets and errors alike', async () => {
    for (const [raw, status] of [['/', 200], ['/assets/app-1a2b3c.css', 200], ['/assets/missing-0000.js', 404]] as const) {
      const res = await rawRequest(url, raw);
      expect(res.status, raw).toBe(status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()], `${raw} ${name}`).toBe(value);
      expect(res.headers['content-security-policy'], raw).toBe(SPA_CONTENT_SECURITY_POLICY);
    }
  });

  it("forbids framing in both headers, and allows no 'unsafe-inline' style", async () => {
    const res = await rawRequest(url, '/');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(/(?:^|;\s*)style-src ([^;]*)/.exec(csp)?.[1]).not.toMatch(/'unsafe-inline'|https:/);
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it('counts the files it serves under the route static in /metrics', async () => {
    await rawRequest(url, '/assets/app-1a2b3c.css');
    const metrics = (await rawRequest(url, '/metrics')).body.toString();
    expect(metrics).toMatch(/ms_http_requests_total\{[^}]*route="static"[^}]*status="200"[^}]*\} [1-9]/);
    expect(metrics).not.toContain('route="unmatched"');
  });
});
