import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { heartbeatKey, parseHeartbeat } from '../heartbeat/index.js';
import { TRUTH_KEYS, writeTruth, type PublicTruth } from '../truth/index.js';
import { loadRepoTruth, registerAccount, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '../testing/index.js';
import type { ServiceHealth } from './boot-service.js';

/**
 * `./admin load-truth` while a service runs: settings marked live reach the running process,
 * the others are reported as "restart needed" (in /health and in the heartbeat that
 * `./admin status` reads) until a load puts them back or the process restarts.
 */
describe('truth:reload in a running service (sse)', () => {
  let redis: RedisTrio;
  let system: Redis;
  let sse: ServiceProcess;
  let cookie: string;

  const sseSettings = (values: Record<string, unknown>) => ({
    patch: (t: PublicTruth) => void Object.assign(t.components['sse']!.settings, values),
  });

  async function health(): Promise<ServiceHealth> {
    return (await (await fetch(`${sse.url}/health`)).json()) as ServiceHealth;
  }

  /** Polls /health until the process has taken in `version` (reloads arrive through pub/sub). */
  async function healthAt(version: string): Promise<ServiceHealth> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const body = await health();
      if (body.truthVersion === version) return body;
      if (Date.now() > deadline) throw new Error(`sse still runs ${body.truthVersion}, expected ${version}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The `retry:` a new stream announces, read from the raw response before anything else arrives. */
  async function announcedRetry(): Promise<number> {
    const abort = new AbortController();
    const res = await fetch(`${sse.url}/sse/market`, { headers: { cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    let text = '';
    try {
      while (!/retry: \d+\n/.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } finally {
      abort.abort();
    }
    return Number(/retry: (\d+)\n/.exec(text)?.[1]);
  }

  beforeAll(async () => {
    redis = await startRedisTrio();
    system = redis.system.client();
    await loadRepoTruth(system);
    sse = await startServiceProcess({ dir: 'services/sse', env: redis.env });
    ({ cookie } = await registerAccount(sse.url, 'reload@example.com'));
  });

  afterAll(async () => {
    await sse?.stop();
    await redis?.stop();
  });

  it('boots with nothing waiting for a restart', async () => {
    expect((await health()).restartNeeded).toEqual([]);
    const retry = await announcedRetry();
    expect(retry).toBeGreaterThanOrEqual(1600);
    expect(retry).toBeLessThanOrEqual(2400);
  });

  it('applies a live setting to the next stream and names the one that needs a restart', async () => {
    const { version } = await loadRepoTruth(system, sseSettings({ retryMs: 30_000, keepaliveMs: 20_000 }));
    expect((await healthAt(version)).restartNeeded).toEqual(['keepaliveMs']);
    const retry = await announcedRetry();
    expect(retry).toBeGreaterThanOrEqual(24_000);
    expect(retry).toBeLessThanOrEqual(36_000);
  });

  it('reports the pending restart in its heartbeat, where ./admin status reads it', async () => {
    const deadline = Date.now() + 5000;
    let record = parseHeartbeat(await system.get(heartbeatKey('sse')));
    while (record?.restartNeeded?.length !== 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      record = parseHeartbeat(await system.get(heartbeatKey('sse')));
    }
    expect(record).toMatchObject({ pid: sse.child.pid, restartNeeded: ['keepaliveMs'] });
  });

  it('names node settings it reads (the session TTL), not those it does not', async () => {
    const { version } = await loadRepoTruth(system, {
      patch: (t) => {
        t.node.sessionTtlSec = 3600;
        t.node.symbols = ['SPX'];
      },
    });
    expect((await healthAt(version)).restartNeeded).toEqual(['node.sessionTtlSec']);
  });

  it('clears "restart needed" when a load restores what the process booted with', async () => {
    const { version } = await loadRepoTruth(system);
    expect((await healthAt(version)).restartNeeded).toEqual([]);
    expect(await announcedRetry()).toBeLessThanOrEqual(2400);
  });

  it('keeps running its truth when a reloaded document carries invalid settings (written around ./admin)', async () => {
    const before = await health();
    const loaded = await loadRepoTruth(system);
    const bad = structuredClone(loaded.truth);
    Object.assign(bad.components['sse']!.settings, { byteBudget: 1, retryMs: 30_000 });
    await writeTruth(system, { ...bad, secrets: {} }, `${loaded.version}-hand-edited`);
    await new Promise((r) => setTimeout(r, 300));
    expect(await system.get(TRUTH_KEYS.version)).toBe(`${loaded.version}-hand-edited`);
    expect(await health()).toMatchObject({ truthVersion: before.truthVersion, restartNeeded: [] });
    expect(await announcedRetry()).toBeLessThanOrEqual(2400);
    expect(sse.output()).toContain('byteBudget: must be at least 16384');
  });
});
