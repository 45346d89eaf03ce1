import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { publishEvents, validateForPublish } from '@marketswarm/shared/bus';
import type { BusName, TopicName } from '@marketswarm/shared/events';
import type { PublicTruth } from '@marketswarm/shared/truth';
import {
  compileRepoTruthSync,
  loadRepoTruth,
  registerAccount,
  startRedisCluster,
  startRedisTrio,
  startServiceProcess,
  type RedisClusterHandle,
  type RedisTrio,
  type ServiceProcess,
} from '@marketswarm/shared/testing';
import { openStream, range, type TestStream } from './sse-test-client.js';

export interface Account {
  cookie: string;
  userId: string;
}

/**
 * One real gateway process over three real redis-servers, with the repo's truth (sse settings
 * patched per spec file) and two accounts. Each integration spec of the gateway starts its own, so
 * the files run apart and a setting one file needs never leaks into another.
 */
export interface GatewayFixture {
  redis: RedisTrio;
  /** With `cluster: true`: the Redis Cluster serving the system and market buses (intel stays on `redis.intel`). */
  cluster?: RedisClusterHandle;
  truth: PublicTruth;
  /** Replaced when a spec kills and restarts the gateway. */
  gateway: ServiceProcess;
  clients: Record<BusName, Redis>;
  alice: Account;
  bob: Account;
  /** An EventSource on the gateway (or another base URL), closed by closeStreams(). */
  open(path: string, cookie: string, options?: { lastEventId?: string; base?: string }): TestStream;
  /** Appends events exactly as a producer does (validated, XADD + snapshot atomically, at most once). */
  publish(topic: TopicName, payloads: Record<string, unknown>[], user?: string): Promise<void>;
  /** The first number matched by `pattern` in the gateway's /metrics, 0 when absent. */
  metric(pattern: RegExp): Promise<number>;
  closeStreams(): void;
  stop(): Promise<void>;
}

export interface GatewayFixtureOptions {
  /** Laid over the repo's sse settings. */
  settings?: Record<string, unknown>;
  patch?: (truth: PublicTruth) => void;
  /** Runs the system and market buses on one real 3-master Redis Cluster (with a replica each). */
  cluster?: boolean;
}

/**
 * A fixture for the enclosing describe: started before its tests, streams closed after each, all
 * stopped after the last. The object is filled in by beforeAll; use it only inside tests.
 */
export function useGatewayFixture(options: GatewayFixtureOptions = {}): GatewayFixture {
  const fixture = {} as GatewayFixture;
  beforeAll(async () => {
    await startGatewayFixture(options, fixture);
  });
  afterEach(() => fixture.closeStreams());
  afterAll(async () => {
    // Absent when beforeAll failed: the failure is reported there.
    if ('stop' in fixture) await fixture.stop();
  });
  return fixture;
}

/** Starts a fixture, filling `into` when given (so a holder made before the start can be used). */
export async function startGatewayFixture(options: GatewayFixtureOptions = {}, into: Partial<GatewayFixture> = {}): Promise<GatewayFixture> {
  const redis = await startRedisTrio();
  const cluster = options.cluster ? await startRedisCluster({ masters: 3, replicas: 1 }) : undefined;
  const systemClient = cluster ? cluster.client() : redis.system.client();
  const { truth } = await loadRepoTruth(systemClient, {
    patch: (t) => {
      t.components['sse']!.settings = { ...t.components['sse']!.settings, keepaliveMs: 1000, retryMs: 300, recentCount: 5, ...options.settings };
      options.patch?.(t);
    },
  });
  const clients: Record<BusName, Redis> = { system: systemClient, market: cluster ? cluster.client() : redis.market.client(), intel: redis.intel.client() };
  // The compiled repo truth as `./admin build-truth` writes it, in a folder of this fixture: the admin
  // API compares the loaded truth with it, and scripts/truth.json may not exist (a fresh clone).
  const work = await mkdtemp(path.join(tmpdir(), 'ms-gateway-'));
  const truthFile = path.join(work, 'truth.json');
  const compiled = compileRepoTruthSync();
  await writeFile(truthFile, JSON.stringify({ version: compiled.version, ...compiled.truth }));
  const env = { ...(cluster ? { ...redis.env, REDIS_SYSTEM_URL: cluster.url, REDIS_MARKET_URL: cluster.url } : redis.env), MS_TRUTH_FILE: truthFile };
  const gateway = await startServiceProcess({ dir: 'services/sse', env });
  const streams: TestStream[] = [];
  // Methods read `fixture`, not the literal, so a spec that restarts the gateway (fixture.gateway = …) is followed.
  const fixture = into as GatewayFixture;
  const parts: GatewayFixture = {
    redis,
    ...(cluster ? { cluster } : {}),
    truth,
    gateway,
    clients,
    alice: await registerAccount(gateway.url, 'alice@example.com'),
    bob: await registerAccount(gateway.url, 'bob@example.com'),
    open(path, cookie, opts = {}) {
      const stream = openStream(`${opts.base ?? fixture.gateway.url}${path}`, cookie, opts);
      streams.push(stream);
      return stream;
    },
    async publish(topic, payloads, user) {
      const route = truth.topics[topic]!;
      const now = Date.now();
      // Test payloads have no static type: validated first, as ./admin publish does with its JSON.
      await publishEvents(clients[route.bus], route, payloads.map((data) => validateForPublish(route, { topic, type: 'update', ts: now, data, ...(user ? { user } : {}) })));
    },
    async metric(pattern) {
      return Number(pattern.exec(await (await fetch(`${fixture.gateway.url}/metrics`)).text())?.[1] ?? 0);
    },
    closeStreams() {
      for (const s of streams.splice(0)) s.close();
    },
    async stop() {
      fixture.closeStreams();
      await fixture.gateway.stop();
      await cluster?.stop();
      await redis.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
  return Object.assign(fixture, parts);
}

export const vexyItems = (from: number, to: number) => range(from, to).map((seq) => ({ text: `note ${seq}`, seq }));
export const spotTicks = (from: number, to: number, symbol = 'SPX') => range(from, to).map((seq) => ({ symbol, price: 5000 + seq, seq }));
