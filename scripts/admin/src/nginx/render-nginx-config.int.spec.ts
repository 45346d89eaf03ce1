import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect as connectH2, type ClientHttp2Session, type IncomingHttpHeaders as H2Headers, type OutgoingHttpHeaders } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { connect as connectTcp, type AddressInfo, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { compileRepoTruthSync, freePort, repoRoot } from '@marketswarm/shared/testing';
import { SECURITY_HEADERS } from '@marketswarm/shared/http';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureDevCert } from '../certs/dev-cert.js';
import { parseNginxErrorBody, type NginxErrorBody } from './error-body-shape.js';
import { nginxRunDir, renderNginxConfig } from './render-nginx-config.js';

// Real nginx (Debian 1.22) in front of four tiny node:http backends, driven by real HTTP/2 and
// HTTP/1.1 TLS clients: what the rendered config does, not what it says.

const execFileAsync = promisify(execFile);
const templateDir = path.join(repoRoot, 'nginx');
const BACKENDS = ['sse', 'journal', 'copilot', 'static'] as const;
type BackendName = (typeof BACKENDS)[number];

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** nginx's side of the upstream connection: the same port again means a reused keepalive connection. */
  remotePort: number | undefined;
}

interface Backend {
  name: BackendName;
  server: Server;
  port: number;
  seen: SeenRequest[];
}

/** The /sse/x handler waits for the test to say it received the first event before it ends the stream. */
interface SseControl {
  release: () => void;
  released: Promise<void>;
  ended?: { at: number; timedOut: boolean };
  /** /sse/firehose: bytes the backend could write before the stream pushed back, if it did. */
  firehose?: Promise<{ absorbed: number; stalled: boolean }>;
  firehoseDone?: (result: { absorbed: number; stalled: boolean }) => void;
}

const BIG_JSON = JSON.stringify({ trades: Array.from({ length: 60 }, (_, i) => ({ id: i, symbol: 'SPX', side: 'long', note: 'butterfly 5900/5910/5920' })) });
const FIRST_EVENT = `retry: 2000\n\nid: 1\nevent: spot\ndata: ${JSON.stringify({ symbol: 'SPX', pad: 'x'.repeat(2000) })}\n\n`;
const LAST_EVENT = 'id: 2\nevent: spot\ndata: {"last":true}\n\n';
/** The static server's own policy, which nginx passes on untouched. */
const STATIC_CSP = "default-src 'self'; style-src 'self'; frame-ancestors 'none'";
/** More than loopback socket buffers and nginx's in-memory buffers can hold, far less than proxy_max_temp_file_size. */
const FIREHOSE_CAP = 64 * 1024 * 1024;

let truth: PublicTruth;
let prefix: string;
let certFile: string;
let keyFile: string;
let nginx: ChildProcess | undefined;
let nginxPort: number;
let errorLog: string;
let session: ClientHttp2Session;
let sse: SseControl;
const backends = {} as Record<BackendName, Backend>;

beforeAll(async () => {
  truth = compileRepoTruthSync().truth;

  prefix = await mkdtemp(path.join(tmpdir(), 'ms-nginx-'));
  // nginx's workers drop root to "nobody"; they must reach the temp folders under the prefix.
  await chmod(prefix, 0o755);
  const first = await ensureDevCert(path.join(prefix, 'certs'));
  const second = await ensureDevCert(path.join(prefix, 'certs'));
  expect(first.created).toBe(true);
  expect(second).toEqual({ ...first, created: false });
  ({ certFile, keyFile } = first);

  for (const name of BACKENDS) backends[name] = await startBackend(name);
  await startNginx();
  session = await openSession();
});

afterAll(async () => {
  session?.destroy();
  await stopNginx();
  for (const backend of Object.values(backends)) {
    backend.server.closeAllConnections();
    backend.server.close();
  }
  if (prefix) await rm(prefix, { recursive: true, force: true });
});

beforeEach(() => {
  for (const backend of Object.values(backends)) backend.seen.length = 0;
  sse = sseControl();
});

describe('dev nginx config (real nginx, real clients)', () => {
  it('negotiates HTTP/2 over TLS (ALPN h2)', async () => {
    const fresh = await openSession();
    try {
      expect(fresh.alpnProtocol).toBe('h2');
      expect(fresh.encrypted).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('sends /api/health to the gateway with a request id and the forwarded headers', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ backend: 'sse' });
    const seen = only(backends.sse, '/api/health');
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.headers['x-forwarded-proto']).toBe('https');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-host']).toBe('127.0.0.1');
    expect(seen.headers['connection']).toBeUndefined();
  });

  it('gives every request its own id and reuses the upstream connection (HTTP/1.1 keepalive)', async () => {
    expect((await get('/api/health')).status).toBe(200);
    expect((await get('/api/health')).status).toBe(200);
    const [first, second] = backends.sse.seen;
    expect(second?.headers['x-request-id']).not.toBe(first?.headers['x-request-id']);
    expect(first?.remotePort).toBeDefined();
    expect(second?.remotePort).toBe(first?.remotePort);
  });

  it('ignores a client-supplied request id and X-Forwarded-For', async () => {
    await get('/api/health', { 'x-request-id': 'client-chosen-id', 'x-forwarded-for': '6.6.6.6' });
    const seen = only(backends.sse, '/api/health');
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('sends /api/trades to the journal', async () => {
    const res = await get('/api/trades?limit=5');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({ backend: 'journal' });
    expect(only(backends.journal, '/api/trades?limit=5').method).toBe('GET');
    expect(backends.sse.seen).toHaveLength(0);
  });

  it('answers 404 for /api/internal/* without reaching the journal, however the path is spelled', async () => {
    for (const p of ['/api/internal/x', '/api/internal', '/api//internal/x', '/api/trades/../internal/x', '/api/trades/%2e%2e/internal/x', '/api/./internal/x']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
    }
    expect(allSeen()).toEqual([]);
  });

  it('does not expose /metrics', async () => {
    expect((await get('/metrics')).status).toBe(404);
    expect((await get('/metrics/')).status).toBe(404);
    expect(allSeen()).toEqual([]);
  });

  it('answers an unknown API path with a JSON 404 instead of the SPA', async () => {
    expectNginxError(await get('/api/nope'), 404);
    expect(allSeen()).toEqual([]);
  });

  it('streams text/event-stream from /sse/ as it is written, never gzipped', async () => {
    const req = session.request({ ':path': '/sse/x', accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' });
    const [headers] = (await once(req, 'response')) as [H2Headers];
    let text = '';
    let firstAt: number | undefined;
    let firstChunk = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (firstAt === undefined) {
        firstAt = Date.now();
        firstChunk = chunk;
        sse.release();
      }
      text += chunk;
    });
    await once(req, 'end');

    expect(headers[':status']).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
    // The first event reached the client while the backend was still holding the response open.
    expect(sse.ended?.timedOut).toBe(false);
    expect(firstAt).toBeLessThanOrEqual(sse.ended?.at ?? 0);
    expect(firstChunk).toContain('id: 1\n');
    expect(firstChunk).not.toContain('id: 2\n');
    expect(text).toBe(FIRST_EVENT + LAST_EVENT);
    // The gateway is asked for identity, so it cannot compress either.
    expect(only(backends.sse, '/sse/x').headers['accept-encoding']).toBeUndefined();
  });

  it('lets a client that stops reading /sse/ push back on the gateway instead of nginx buffering for it', async () => {
    const req = session.request({ ':path': '/sse/firehose', accept: 'text/event-stream' });
    const [headers] = (await once(req, 'response')) as [H2Headers];
    expect(headers[':status']).toBe(200);
    // The client never reads: HTTP/2 flow control stops nginx, and nginx (unbuffered) stops reading the gateway.
    const result = await (sse.firehose ?? Promise.reject(new Error('no firehose')));
    req.close();
    expect(result.stalled).toBe(true);
    expect(result.absorbed).toBeLessThan(FIREHOSE_CAP / 2);
  });

  it('gzips a JSON response over 1 KB', async () => {
    expect(Buffer.byteLength(BIG_JSON)).toBeGreaterThan(1024);
    const res = await get('/api/trades?big=1', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(BIG_JSON);
  });

  it('passes a WebSocket upgrade on /ws/ through to the copilot', async () => {
    const { statusCode, socket } = await upgrade('/ws/mel');
    try {
      expect(statusCode).toBe(101);
      const seen = only(backends.copilot, '/ws/mel');
      expect(seen.method).toBe('GET');
      expect(seen.headers['upgrade']).toBe('websocket');
      expect(seen.headers['connection']).toMatch(/upgrade/i);
      expect(seen.headers['x-forwarded-proto']).toBe('https');
      // The tunnel carries bytes both ways once upgraded.
      socket.write('ping');
      const [echo] = (await once(socket, 'data')) as [Buffer];
      expect(echo.toString()).toBe('echo:ping');
    } finally {
      socket.destroy();
    }
  });

  it('serves everything else from the static server with the edge security headers and no HSTS', async () => {
    const res = await get('/journal/2026-11-20');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<div id="root">');
    expect(only(backends.static, '/journal/2026-11-20')).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['permissions-policy']).toBe(SECURITY_HEADERS['Permissions-Policy']);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['server']).toBe('nginx');
  });
});

describe('dev nginx config: errors and body limits (real nginx)', () => {
  it('refuses an oversized body to /api/auth/login with a JSON 413 from its Content-Length alone, before reading it', async () => {
    const req = session.request({ ':method': 'POST', ':path': '/api/auth/login', 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) }, { endStream: false });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Not one byte of the 10 MB is sent: only a limit that refuses from the header can answer.
    const [headers] = await within(5000, once(req, 'response') as Promise<[H2Headers]>, 'an answer to an oversized login');
    await once(req, 'end');
    req.close();
    const body = expectNginxError({ status: Number(headers[':status']), headers, body: Buffer.concat(chunks) }, 413);
    expect(body.error).toBe('Payload Too Large');
    expect(backends.sse.seen).toHaveLength(0);
  });

  it("takes a body of exactly the services' 64 KiB JSON limit on their routes and refuses one byte more", async () => {
    for (const route of ['/api/auth/login', '/api/profile', '/api/admin/users', '/api/models/spot', '/api/trades', '/api/journal/entries', '/api/mel/ask']) {
      const taken = await post(route, 64 * 1024);
      expect(taken.status, route).toBe(200);
      expect(JSON.parse(taken.body.toString()), route).toMatchObject({ bytes: 64 * 1024 });
      expectNginxError(await post(route, 64 * 1024 + 1), 413);
    }
  });

  it('refuses a body streamed without Content-Length once it passes the limit', async () => {
    const req = httpsRequest({ host: '127.0.0.1', port: nginxPort, path: '/api/auth/register', method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
    req.on('error', () => undefined);
    for (let i = 0; i < 4; i++) req.write(Buffer.alloc(32 * 1024, 0x20));
    req.end();
    const [res] = (await within(5000, once(req, 'response'), 'an answer to a chunked upload')) as [IncomingMessage];
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expectNginxError({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }, 413);
    expect(backends.sse.seen).toHaveLength(0);
  });

  it("refuses a body over the journal's 64 KiB JSON limit with a JSON 413 from its Content-Length alone, before reading it", async () => {
    // The journal parses JSON with the shared 64 KiB jsonBody(): nginx must not buffer more only for
    // the service to answer 413 after the upload.
    const req = session.request({ ':method': 'POST', ':path': '/api/trades/import', 'content-type': 'application/json', 'content-length': String(64 * 1024 + 1) }, { endStream: false });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Not one byte of the body is sent: only a limit that refuses from the header can answer.
    const [headers] = await within(5000, once(req, 'response') as Promise<[H2Headers]>, 'an answer to an oversized journal upload');
    await once(req, 'end');
    req.close();
    const body = expectNginxError({ status: Number(headers[':status']), headers, body: Buffer.concat(chunks) }, 413);
    expect(body.error).toBe('Payload Too Large');
    expect(backends.journal.seen).toHaveLength(0);
  });

  it('takes no body on a route that needs none', async () => {
    expectNginxError(await post('/api/health', 4096), 413);
    expectNginxError(await post('/sse/market', 4096), 413);
    expect(allSeen()).toEqual([]);
  });

  it('answers a URI longer than its header buffer with a JSON 414', async () => {
    const res = await rawExchange(`GET /api/models/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const body = expectNginxError(res, 414);
    expect(body.error).toBe('URI Too Long');
    expect(allSeen()).toEqual([]);
  });

  it('answers a malformed request with a JSON 400', async () => {
    expectNginxError(await rawExchange('GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n'), 400);
    expect(allSeen()).toEqual([]);
  });

  it('answers headers larger than its buffers with a JSON 431', async () => {
    expectNginxError(await rawExchange(`GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`), 431);
  });

  it('answers plain HTTP sent to the TLS port with a JSON 400', async () => {
    const body = expectNginxError(await rawExchange('GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 'tcp'), 400);
    expect(body.message).toMatch(/HTTPS/);
  });

  it('answers TRACE with a JSON 405', async () => {
    expectNginxError(await get('/api/auth/me', { ':method': 'TRACE' }), 405);
    expect(allSeen()).toEqual([]);
  });

  it('proxies every API prefix without its trailing slash instead of answering a 301', async () => {
    const routes: Record<string, BackendName> = { '/api/admin': 'sse', '/api/auth': 'sse', '/api/models': 'sse', '/api/mel': 'copilot', '/api/adi': 'copilot', '/api/commentary': 'copilot' };
    for (const [route, backend] of Object.entries(routes)) {
      for (const p of [route, `${route}/`]) {
        const res = await get(p);
        expect(res.status, p).toBe(200);
        expect(res.headers['location'], p).toBeUndefined();
        expect(JSON.parse(res.body.toString()), p).toEqual({ backend, url: p, bytes: 0 });
      }
    }
  });

  it('answers /sse, /ws and /api without a trailing slash with a JSON 404, not a redirect', async () => {
    for (const p of ['/sse', '/ws', '/api']) expectNginxError(await get(p), 404);
    expect(allSeen()).toEqual([]);
  });

  it('does not serve its own error pages to a client that asks for them', async () => {
    expectNginxError(await get('/_nginx-error/413'), 404);
  });

  it("passes a service's own JSON errors through unchanged, status and body", async () => {
    for (const status of [400, 404, 413, 502, 503]) {
      const res = await get(`/api/profile?status=${status}`);
      expect(res.status).toBe(status);
      expect(res.body.toString()).toBe(backendErrorBody(status));
    }
  });

  it('answers a JSON 502 while the service behind a route is down', async () => {
    const down = backends.copilot;
    // Stop listening at once; close()'s callback would also wait for the upgraded WebSocket of an earlier test.
    down.server.close();
    down.server.closeAllConnections();
    try {
      const body = expectNginxError(await get('/api/mel/explain'), 502);
      expect(body.message).toMatch(/not reachable/);
    } finally {
      backends.copilot = await startBackend('copilot', down.port);
    }
    expect((await get('/api/mel/explain')).status).toBe(200);
  });

  it('sends the request id it forwarded back as the one X-Request-Id', async () => {
    const res = await get('/api/auth/me');
    const seen = only(backends.sse, '/api/auth/me');
    expect(res.headers['x-request-id']).toBe(seen.headers['x-request-id']);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it("sends the shared security headers on proxied answers and its own errors alike, replacing a backend's copy", async () => {
    for (const res of [await get('/'), await get('/api/auth/me'), await get('/api/nope'), await post('/api/auth/login', 100_000)]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()], `${res.status} ${name}`).toBe(value);
    }
    const page = await get('/');
    expect(page.headers['permissions-policy']).toContain('microphone=()');
    expect(page.headers['x-frame-options']).toBe('DENY');
    // The SPA's own policy passes through untouched, and forbids framing as X-Frame-Options does.
    expect(page.headers['content-security-policy']).toBe(STATIC_CSP);
  });
});

describe('production nginx config', () => {
  it('passes nginx -t with a test certificate and a writable prefix', async () => {
    const runDir = path.join(prefix, 'production');
    const dir = nginxRunDir(runDir);
    await mkdir(dir, { recursive: true });
    const conf = path.join(dir, 'nginx.conf');
    await writeFile(conf, renderNginxConfig({ truth, env: {}, runDir, certFile, keyFile, template: 'production', templateDir }));
    const result = await nginxTest(dir, conf);
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain('syntax is ok');
  });

  it('is checked for real: nginx -t fails when the certificate is missing', async () => {
    const runDir = path.join(prefix, 'production-broken');
    const dir = nginxRunDir(runDir);
    await mkdir(dir, { recursive: true });
    const conf = path.join(dir, 'nginx.conf');
    const missing = path.join(prefix, 'no-such-cert.pem');
    await writeFile(conf, renderNginxConfig({ truth, env: {}, runDir, certFile: missing, keyFile, template: 'production', templateDir }));
    const result = await nginxTest(dir, conf);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('no-such-cert.pem');
  });
});

// ---- harness -----------------------------------------------------------------------------------

function sseControl(): SseControl {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const control: SseControl = { release, released };
  control.firehose = new Promise((resolve) => (control.firehoseDone = resolve));
  return control;
}

async function startBackend(name: BackendName, port = 0): Promise<Backend> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, remotePort: req.socket.remotePort });
    handle(name, req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, remotePort: socket.remotePort });
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    socket.on('data', (data: Buffer) => socket.write(`echo:${data.toString()}`));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { name, server, port: (server.address() as AddressInfo).port, seen };
}

async function handle(name: BackendName, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  if (name === 'sse' && url === '/sse/firehose') {
    const control = sse;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const chunk = `data: ${'x'.repeat(64 * 1024)}\n\n`;
    let absorbed = 0;
    let stalled = false;
    while (absorbed < FIREHOSE_CAP) {
      absorbed += Buffer.byteLength(chunk);
      if (res.write(chunk)) continue;
      const drained = await Promise.race([once(res, 'drain').then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500))]);
      if (!drained) {
        stalled = true;
        break;
      }
    }
    control.firehoseDone?.({ absorbed, stalled });
    res.destroy();
    return;
  }
  if (name === 'sse' && url.startsWith('/sse/')) {
    const control = sse;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(FIRST_EVENT);
    const timedOut = await Promise.race([control.released.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 3000))]);
    control.ended = { at: Date.now(), timedOut };
    res.end(LAST_EVENT);
    return;
  }
  if (name === 'static') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STATIC_CSP, 'x-frame-options': 'SAMEORIGIN', 'permissions-policy': 'camera=(self)' });
    res.end('<!doctype html><title>MarketSwarm</title><div id="root"></div>');
    return;
  }
  let bytes = 0;
  for await (const chunk of req) bytes += (chunk as Buffer).length;
  // Like the real services: echo nginx's request id, send their own copy of the edge headers.
  const headers = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': String(req.headers['x-request-id']), 'x-frame-options': 'SAMEORIGIN', 'permissions-policy': 'camera=(self)' };
  const status = /[?&]status=(\d{3})/.exec(url)?.[1];
  if (status) {
    res.writeHead(Number(status), headers);
    res.end(backendErrorBody(Number(status)));
    return;
  }
  res.writeHead(200, headers);
  res.end(url.includes('big=1') ? BIG_JSON : JSON.stringify({ backend: name, url, bytes }));
}

/** What a backend answers for `?status=NNN`: its own error, which nginx must pass on byte for byte. */
function backendErrorBody(status: number): string {
  return JSON.stringify({ statusCode: status, error: 'from the backend', message: 'the service said so', issues: [{ path: '(body)', message: 'kept' }] });
}

async function startNginx(): Promise<void> {
  const dir = nginxRunDir(prefix);
  await mkdir(dir, { recursive: true });
  errorLog = path.join(dir, 'error.log');
  const conf = path.join(dir, 'nginx.conf');
  for (let attempt = 1; ; attempt++) {
    nginxPort = await freePort();
    const env: Record<string, string> = { [listenEnv('nginx')]: String(nginxPort) };
    for (const name of BACKENDS) env[listenEnv(name)] = String(backends[name].port);
    await writeFile(conf, renderNginxConfig({ truth, env, runDir: prefix, certFile, keyFile, template: 'dev', templateDir }));

    const test = await nginxTest(dir, conf);
    if (!test.ok) throw new Error(`nginx -t failed:\n${test.output}`);

    const child = spawn('nginx', ['-e', errorLog, '-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    process.once('exit', () => child.kill('SIGTERM'));
    if (await listening(child, nginxPort)) {
      nginx = child;
      return;
    }
    const log = await readFile(errorLog, 'utf8').catch(() => '');
    if (attempt >= 3 || !/Address already in use/.test(log + output)) throw new Error(`nginx did not start:\n${output}\n${log}`);
  }
}

async function stopNginx(): Promise<void> {
  const child = nginx;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function listenEnv(id: string): string {
  const env = truth.components[id]?.listen?.env;
  if (!env) throw new Error(`truth component ${id} has no listen.env`);
  return env;
}

/** Waits until the port accepts connections; false if nginx exits first. */
async function listening(child: ChildProcess, port: number): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return child.exitCode === null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function nginxTest(dir: string, conf: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('nginx', ['-t', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', conf]);
    return { ok: true, output: stdout + stderr + (await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '')) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}${log}` || e.message };
  }
}

async function openSession(): Promise<ClientHttp2Session> {
  const client = connectH2(`https://127.0.0.1:${nginxPort}`, { rejectUnauthorized: false });
  client.on('error', () => undefined);
  await once(client, 'connect');
  return client;
}

async function get(pathname: string, extra: OutgoingHttpHeaders = {}): Promise<{ status: number; headers: H2Headers; body: Buffer }> {
  const req = session.request({ ':path': pathname, ...extra });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [headers] = (await once(req, 'response')) as [H2Headers];
  await once(req, 'end');
  return { status: Number(headers[':status']), headers, body: Buffer.concat(chunks) };
}

/** A plain HTTP/1.1 WebSocket handshake over TLS (browsers open WebSockets this way against nginx 1.22). */
async function upgrade(pathname: string): Promise<{ statusCode: number; socket: Socket }> {
  const req = httpsRequest({
    host: '127.0.0.1',
    port: nginxPort,
    path: pathname,
    rejectUnauthorized: false,
    headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') },
  });
  req.end();
  const result = await Promise.race([
    once(req, 'upgrade') as Promise<[IncomingMessage, Socket]>,
    (once(req, 'response') as Promise<[IncomingMessage]>).then(([res]) => {
      throw new Error(`expected 101, got ${res.statusCode}`);
    }),
  ]);
  const [res, socket] = result;
  return { statusCode: res.statusCode ?? 0, socket };
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function only(backend: Backend, url: string): SeenRequest {
  const matching = backend.seen.filter((s) => s.url === url);
  expect(matching, `${backend.name} saw ${JSON.stringify(backend.seen.map((s) => s.url))}`).toHaveLength(1);
  return matching[0] as SeenRequest;
}

function allSeen(): string[] {
  return Object.values(backends).flatMap((b) => b.seen.map((s) => `${b.name} ${s.url}`));
}

/**
 * An answer nginx made itself: JSON in the documented error shape (parseNginxErrorBody), whose
 * requestId is the X-Request-Id nginx sent with it.
 */
function expectNginxError(res: { status: number; headers: Record<string, string | string[] | number | undefined>; body: Buffer }, status: number): NginxErrorBody {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json');
  const body = parseNginxErrorBody(res.body.toString());
  expect(body.statusCode).toBe(status);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

/** An HTTP/2 POST with a body of `size` bytes. */
async function post(pathname: string, size: number): Promise<{ status: number; headers: H2Headers; body: Buffer }> {
  const req = session.request({ ':method': 'POST', ':path': pathname, 'content-type': 'application/json', 'content-length': String(size) });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.end(Buffer.alloc(size, 0x20));
  const [headers] = (await once(req, 'response')) as [H2Headers];
  await once(req, 'end');
  return { status: Number(headers[':status']), headers, body: Buffer.concat(chunks) };
}

/** Bytes sent as they are over a socket (TLS with ALPN http/1.1, or plain TCP), and the answer up to the close. */
async function rawExchange(request: string | Buffer, transport: 'tls' | 'tcp' = 'tls'): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const socket = transport === 'tls' ? connectTls({ host: '127.0.0.1', port: nginxPort, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }) : connectTcp(nginxPort, '127.0.0.1');
  await once(socket, transport === 'tls' ? 'secureConnect' : 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(request);
  await within(5000, once(socket, 'end'), 'the end of a raw answer');
  socket.destroy();
  const raw = Buffer.concat(chunks);
  const split = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(split + 4) };
}
