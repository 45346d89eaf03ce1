import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect as connectH2, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { connect as connectTcp } from 'node:net';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publishEvents } from '@marketswarm/shared/bus';
import {
  createSignedInAccount,
  freePort,
  loadRepoTruth,
  repoRoot,
  startRedisTrio,
  startServiceProcess,
  type RedisTrio,
  type ServiceProcess,
} from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCert } from '../certs/dev-cert.js';
import { nginxRunDir, renderNginxConfig } from './render-nginx-config.js';

// Two real gateway processes on one Redis trio behind a real nginx rendered from the repo's
// templates, and a real SSE client through nginx: what happens to a client when the gateway it
// reads from is killed. Nothing here knows which gateway nginx picked until it asks their metrics.

const RETRY_MS = 300;
const PUBLISH_EVERY_MS = 20;

let redis: RedisTrio;
let truth: PublicTruth;
let prefix: string;
let nginx: ChildProcess | undefined;
let nginxPort: number;
const gateways: ServiceProcess[] = [];
let cookie: string;

beforeAll(async () => {
  redis = await startRedisTrio();
  ({ truth } = await loadRepoTruth(redis.system.client(), {
    // recentCount 1: a new client gets one earlier item at most (the previous test's last), not fifty.
    patch: (t) => void (t.components['sse']!.settings = { ...t.components['sse']!.settings, keepaliveMs: 1000, retryMs: RETRY_MS, recentCount: 1 }),
  }));
  const [first, second] = await Promise.all([
    startServiceProcess({ dir: 'services/sse', env: redis.env }),
    startServiceProcess({ dir: 'services/sse', env: { ...redis.env, MS_INSTANCE: '2' } }),
  ]);
  gateways.push(first, second);
  cookie = (await createSignedInAccount(redis.system.client(), 'failover@example.com')).cookie;
  prefix = await mkdtemp(path.join(tmpdir(), 'ms-gateways-'));
  // nginx's workers drop root to "nobody"; they must reach the temp folders under the prefix.
  await chmod(prefix, 0o755);
  await startNginx({ MS_SSE_INSTANCES: '2', MS_SSE_PORT: String(first.port), MS_SSE_2_PORT: String(second.port) });
});

afterAll(async () => {
  await stopNginx();
  await Promise.all(gateways.filter((g) => g.child.exitCode === null && g.child.signalCode === null).map((g) => g.stop()));
  await redis?.stop();
  if (prefix) await rm(prefix, { recursive: true, force: true });
});

describe('two gateways behind the nginx upstream', () => {
  it('moves an HTTP/1.1 client cut by a killed gateway to the other one, which resumes it with every event exactly once, in order', async () => {
    await cutAndResume('http/1.1', 0);
  });

  it('does the same for an HTTP/2 client (the browsers\' path) once the killed gateway is back in the upstream', async () => {
    const dead = gateways.findIndex((g) => g.child.exitCode !== null || g.child.signalCode !== null);
    expect(dead).toBeGreaterThanOrEqual(0);
    const { port } = gateways[dead]!;
    gateways[dead] = await startServiceProcess({ dir: 'services/sse', env: { ...redis.env, ...(dead === 1 ? { MS_INSTANCE: '2' } : {}) }, port });
    await cutAndResume('h2', 100_000);
  });
});

/**
 * A client reads a steady stream through nginx; the gateway serving it is killed (SIGKILL); the
 * client must land on the other gateway at its first reconnect and miss nothing.
 */
async function cutAndResume(transport: Transport, firstSeq: number): Promise<void> {
  const client = openResumingStream('/sse/vexy', transport);
  await client.waitFor(() => client.readies.length === 1, 'the first ready');
  const publisher = startPublisher(firstSeq);
  try {
    await client.waitFor(() => client.seqs.filter((seq) => seq >= firstSeq).length >= 25, 'events before the cut');

    const serving = await servingGateway();
    const survivor = gateways.find((g) => g !== serving)!;
    const cutAt = Date.now();
    await serving.kill();
    await client.waitFor(() => client.readies.length === 2 && client.lastSeqAt > cutAt, 'an event after the cut');
    const recoveryMs = client.lastSeqAt - cutAt;

    // The gateway API answers through the survivor alone, with no error from the dead one.
    for (let i = 0; i < 4; i++) expect((await getThroughNginx('/api/health')).status).toBe(200);

    const later = publisher.published() + 25;
    await client.waitFor(() => (client.seqs.at(-1) ?? -1) >= later, 'more events on the survivor');
    const last = await publisher.stop();
    await client.waitFor(() => client.seqs.at(-1) === last, `every event up to ${last}`);

    // Before firstSeq: the item sent on connect (the previous test's last), never again after.
    expect(client.seqs.filter((seq) => seq < firstSeq).length).toBeLessThanOrEqual(1);
    expect(client.seqs.filter((seq) => seq >= firstSeq)).toEqual(Array.from({ length: last - firstSeq + 1 }, (_, i) => firstSeq + i));
    expect(client.statuses).toEqual([200, 200]);
    expect(client.readies[1]).toMatchObject({ resumed: ['vexy'], reset: [] });
    expect(await connectionsOn(survivor)).toBe(1);
    console.info(`gateway failover (${transport}): the client resumed on the other gateway ${recoveryMs} ms after kill -9 (retry ${RETRY_MS} ms ±20 %)`);
  } finally {
    await publisher.stop();
    client.close();
  }
}

/** Publishes vexy items with seq from, from + 1, … every PUBLISH_EVERY_MS until stopped; stop() gives the last seq. */
function startPublisher(from: number): { published(): number; stop(): Promise<number> } {
  const route = truth.topics['vexy']!;
  const intel = redis.intel.client();
  let seq = from;
  let running = true;
  const loop = (async () => {
    while (running) {
      await publishEvents(intel, route, [{ topic: 'vexy', type: 'update', ts: Date.now(), data: { text: `note ${seq}`, seq } }]);
      seq++;
      await new Promise((r) => setTimeout(r, PUBLISH_EVERY_MS));
    }
  })();
  return {
    published: () => seq,
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
      return seq - 1;
    },
  };
}

interface ResumingStream {
  /** `seq` of every vexy event received, across reconnections. */
  readonly seqs: number[];
  /** Data of each `ready` event: one per connection that streamed. */
  readonly readies: Record<string, unknown>[];
  /** HTTP status of each connection attempt. */
  readonly statuses: number[];
  readonly lastSeqAt: number;
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

type Transport = 'http/1.1' | 'h2';

/**
 * An SSE client over TLS through nginx (HTTP/1.1, or HTTP/2 as browsers use) that does what a
 * browser's EventSource does: on a cut it waits the server's `retry:` and reconnects with the last
 * id as Last-Event-ID.
 */
function openResumingStream(pathname: string, transport: Transport): ResumingStream {
  const state = { seqs: [] as number[], readies: [] as Record<string, unknown>[], statuses: [] as number[], lastSeqAt: 0 };
  let lastId = '';
  let retryMs = RETRY_MS;
  let closed = false;
  let current: { destroy(): void } | undefined;

  const onFrame = (block: string) => {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) lastId = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
      else if (line.startsWith('retry: ')) retryMs = Number(line.slice(7));
    }
    if (event === 'ready') state.readies.push(JSON.parse(data) as Record<string, unknown>);
    if (event === 'vexy') {
      state.seqs.push((JSON.parse(data) as { data: { seq: number } }).data.seq);
      state.lastSeqAt = Date.now();
    }
  };
  const reconnect = () => {
    current = undefined;
    if (!closed) setTimeout(connect, retryMs);
  };
  const onChunks = (status: number, source: NodeJS.EventEmitter & { setEncoding(e: BufferEncoding): unknown }) => {
    state.statuses.push(status);
    let buffer = '';
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      buffer += chunk;
      let split: number;
      while ((split = buffer.indexOf('\n\n')) >= 0) {
        onFrame(buffer.slice(0, split));
        buffer = buffer.slice(split + 2);
      }
    });
  };
  const headers = () => ({ cookie, accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) });
  let session: ClientHttp2Session | undefined;
  const connect = () => {
    if (closed) return;
    if (transport === 'h2') {
      if (!session || session.closed || session.destroyed) {
        session = connectH2(`https://127.0.0.1:${nginxPort}`, { rejectUnauthorized: false });
        session.on('error', () => undefined);
      }
      const stream = session.request({ ':path': pathname, ...headers() });
      stream.on('response', (h) => onChunks(Number(h[':status']), stream));
      stream.on('error', () => undefined);
      stream.on('close', reconnect);
      current = { destroy: () => stream.close() };
      return;
    }
    let responded = false;
    const req = httpsRequest({ host: '127.0.0.1', port: nginxPort, path: pathname, headers: headers(), rejectUnauthorized: false, agent: false }, (res) => {
      responded = true;
      onChunks(res.statusCode ?? 0, res);
      res.on('close', reconnect);
    });
    // A refused or reset connect never reaches the response callback: retry it the same way.
    req.on('error', () => undefined);
    req.on('close', () => {
      if (!responded) reconnect();
    });
    req.end();
    current = req;
  };
  connect();
  return {
    get seqs() {
      return state.seqs;
    },
    get readies() {
      return state.readies;
    },
    get statuses() {
      return state.statuses;
    },
    get lastSeqAt() {
      return state.lastSeqAt;
    },
    waitFor: async (predicate, what, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...state, seqs: state.seqs.slice(-5) })}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => {
      closed = true;
      current?.destroy();
      session?.close();
    },
  };
}

/** The gateway that holds the one open stream, by its own metrics. */
async function servingGateway(): Promise<ServiceProcess> {
  const counts = await Promise.all(gateways.map(connectionsOn));
  const serving = gateways.filter((_, i) => counts[i] === 1);
  if (serving.length !== 1 || counts.reduce((a, b) => a + b) !== 1) throw new Error(`expected the stream on exactly one gateway, metrics say ${JSON.stringify(counts)}`);
  return serving[0]!;
}

async function connectionsOn(gateway: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return [...text.matchAll(/^ms_sse_connections\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

function getThroughNginx(pathname: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port: nginxPort, path: pathname, rejectUnauthorized: false, agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}

async function startNginx(env: Record<string, string>): Promise<void> {
  const { certFile, keyFile } = await ensureDevCert(path.join(prefix, 'certs'));
  const dir = nginxRunDir(prefix);
  await mkdir(dir, { recursive: true });
  const errorLog = path.join(dir, 'error.log');
  const conf = path.join(dir, 'nginx.conf');
  nginxPort = await freePort();
  await writeFile(conf, renderNginxConfig({ truth, env: { ...env, MS_NGINX_PORT: String(nginxPort) }, runDir: prefix, certFile, keyFile, template: 'dev', templateDir: path.join(repoRoot, 'nginx') }));
  const child = spawn('nginx', ['-e', errorLog, '-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  process.once('exit', () => child.kill('SIGTERM'));
  nginx = child;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${output}\n${await readFile(errorLog, 'utf8').catch(() => '')}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connectTcp(nginxPort, '127.0.0.1');
      socket.once('connect', () => resolve(socket.destroy() && true)).once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopNginx(): Promise<void> {
  const child = nginx;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
