import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { publishEvents } from '@marketswarm/shared/bus';
import type { TopicName } from '@marketswarm/shared/events';
import { diffHeatmap, heatmapSnapshot, type HeatmapTiles } from '@marketswarm/shared/models';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess, type SignedInAccount } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';

export const INTERNAL_TOKEN = 'alert-engine-spec-token-0123456789';

export interface AlertStreamEvent {
  id: string;
  user: string | undefined;
  type: string;
  data: Record<string, unknown>;
}

/**
 * What the alert engine specs run against: a Redis trio, the repository's truth with the journal's
 * internal token, and the real journal as a process on a free port. Ticks go into market Redis as
 * the producer writes them; the `alerts` stream is read back as the gateway would.
 */
export interface AlertEngineHarness {
  redis: RedisTrio;
  system: Redis;
  market: Redis;
  truth: PublicTruth;
  journal: ServiceProcess;
  /** The real SSE gateway, when asked for (`{ gateway: true }`). */
  gateway: ServiceProcess | undefined;
  account(email: string): Promise<SignedInAccount>;
  call<T = Record<string, unknown>>(who: SignedInAccount, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }>;
  tick(symbol: string, price: number, ts: number): Promise<void>;
  publish(topic: TopicName, data: Record<string, unknown>, ts: number): Promise<void>;
  /** Publishes a heatmap as the market producer does: the model (a diff from `previous` when given) on the stream, the full model in the snapshot. */
  heatmap(symbol: string, version: number, tiles: HeatmapTiles, previous: HeatmapTiles | undefined, ts: number): Promise<void>;
  alertEvents(): Promise<AlertStreamEvent[]>;
  stop(): Promise<void>;
}

export async function startAlertEngineHarness(options: { gateway?: boolean } = {}): Promise<AlertEngineHarness> {
  const redis = await startRedisTrio();
  const system = redis.system.client();
  const market = redis.market.client();
  const { truth } = await loadRepoTruth(system, { secrets: { journal: { internalToken: INTERNAL_TOKEN } } });
  const runDir = await mkdtemp(path.join(tmpdir(), 'ms-alert-engine-'));
  const journal = await startServiceProcess({ dir: 'services/journal', env: { ...redis.env, MS_RUN_DIR: runDir } });
  const gateway = options.gateway ? await startServiceProcess({ dir: 'services/sse', env: redis.env }) : undefined;
  const publish = async (topic: TopicName, data: Record<string, unknown>, ts: number) => {
    const route = truth.topics[topic];
    if (!route) throw new Error(`no route for ${topic}`);
    // Spec payloads have no static type: publishEvents validates them as ./admin publish does.
    await publishEvents(route.bus === 'market' ? market : system, route, [{ topic, type: 'update', ts, data } as never]);
  };
  return {
    redis,
    system,
    market,
    truth,
    journal,
    gateway,
    account: (email) => createSignedInAccount(system, email),
    call: async <T>(who: SignedInAccount, method: string, route: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie: who.cookie };
      if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${journal.url}${route}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    tick: (symbol, price, ts) => publish('spot', { symbol, price }, ts),
    publish,
    heatmap: async (symbol, version, tiles, previous, ts) => {
      const route = truth.topics['heatmap'];
      if (!route) throw new Error('no heatmap route');
      const full = heatmapSnapshot(symbol, version, tiles);
      const streamed = previous ? diffHeatmap(symbol, version - 1, previous, tiles) : full;
      await publishEvents(market, route, [{ topic: 'heatmap', type: streamed.kind, ts, data: { ...streamed, seq: version } }], {
        snapshotOf: () => ({ topic: 'heatmap', type: 'snapshot', ts, data: { ...full, seq: version } }),
      });
    },
    alertEvents: async () => {
      const route = truth.topics['alerts'];
      if (!route) throw new Error('no alerts route');
      const entries = await system.xrange(route.stream, '-', '+');
      return entries.map(([id, fields]) => {
        const event = JSON.parse(fields[1] ?? '{}') as { user?: string; type: string; data: Record<string, unknown> };
        return { id, user: event.user, type: event.type, data: event.data };
      });
    },
    stop: async () => {
      await gateway?.stop();
      await journal.stop();
      await redis.stop();
      await rm(runDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns true (the engine works on its own schedule); fails naming `what`. */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
