import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ApiKeyRepository } from '@marketswarm/shared/auth';
import { openRedis } from '@marketswarm/shared/bus';
import { boundPort, closeServer } from '@marketswarm/shared/http';
import { createLogger } from '@marketswarm/shared/logger';
import { freePort, loadRepoTruth } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { createGatewayApp } from '../app.js';
import { createIngestRouter } from './ingest.router.js';

const LIMIT = { ratePerSec: 100, burst: 10, maxBodyBytes: 4096 };

/** A throwaway redis-server (no persistence) that a test can kill and bring back, empty, on the same port. */
class RestartableRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<RestartableRedis> {
    const redis = new RestartableRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      const up = await probe
        .connect()
        .then(() => probe.ping())
        .then((pong) => pong === 'PONG')
        .catch(() => false)
        .finally(() => probe.disconnect());
      if (up) return;
      if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server on ${this.port} did not start`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async kill(): Promise<void> {
    const child = this.child;
    // Killed by a signal, a process has a signalCode and no exitCode.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

const until = async (what: string, ok: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('POST /api/ingest/:topic while a Redis is down', () => {
  let systemServer: RestartableRedis;
  let intelServer: RestartableRedis;
  // Opened as the gateway opens its bus connections: reconnect forever, queue commands meanwhile.
  let system: Redis;
  let intel: Redis;
  let truth: PublicTruth;
  let server: Server;
  let token: string;

  const post = (text: string) =>
    fetch(`http://127.0.0.1:${boundPort(server)}/api/ingest/vexy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ data: { text } }),
      // Without the readiness check the request would wait for Redis to come back.
      signal: AbortSignal.timeout(5000),
    });

  beforeAll(async () => {
    [systemServer, intelServer] = await Promise.all([RestartableRedis.start(), RestartableRedis.start()]);
    const logger = createLogger('ingest-unavailable-test', 'silent');
    system = openRedis(systemServer.url, 'test:system', logger);
    intel = openRedis(intelServer.url, 'test:intel', logger);
    ({ truth } = await loadRepoTruth(system));
    token = (await new ApiKeyRepository(system).create({ name: 'desk', topics: ['vexy'] })).token;
    const registry = new Registry();
    const app = createGatewayApp(
      {
        logger,
        health: () => ({ status: 'ok', service: 'sse', version: '0.0.0', pid: process.pid, uptimeSec: 0, truthVersion: null, restartNeeded: [] }),
        metrics: registry,
        version: '0.0.0',
      },
      {
        cors: { enabled: false, origins: [] },
        api: [['/api/ingest', createIngestRouter({ system, bus: (name) => (name === 'intel' ? intel : system), truth: () => truth, settings: () => LIMIT, registry })]],
      },
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });

  afterAll(async () => {
    if (server) await closeServer(server);
    system?.disconnect();
    intel?.disconnect();
    await Promise.all([systemServer?.kill(), intelServer?.kill()]);
  });

  it("answers 503 with Retry-After at once while the topic's bus is down, and nothing is appended once it is back", async () => {
    expect(truth.topics['vexy']?.bus).toBe('intel');
    const stream = truth.topics['vexy']!.stream;
    expect((await post('before')).status).toBe(201);

    await intelServer.kill();
    await until('the intel connection to notice', () => intel.status !== 'ready');
    const refused = await post('while down');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ code: 'unavailable', message: expect.stringContaining('the intel bus is unreachable') as string });

    await intelServer.restart();
    await until('the intel connection to be ready again', () => intel.status === 'ready');
    // Commands on one connection run in order: after this PING, anything queued while down has run.
    await intel.ping();
    expect(await intel.xlen(stream)).toBe(0);
    expect((await post('after')).status).toBe(201);
    expect(await intel.xlen(stream)).toBe(1);
  });

  it('answers 503 at once while system Redis, which holds the keys, is down', async () => {
    await systemServer.kill();
    await until('the system connection to notice', () => system.status !== 'ready');
    const refused = await post('no keys');
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: 'unavailable', message: expect.stringContaining('system Redis is unreachable') as string });
  });
});
