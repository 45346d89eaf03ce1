import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { hashPassword, SESSION_COOKIE, SessionRepository, UserRepository } from '@marketswarm/shared/auth';
import { publishEvents } from '@marketswarm/shared/bus';
import { freePort, loadRepoTruth, repoRoot, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { onCleanup, spawnLimited, type BenchProcess } from './processes.js';
import { nowMs } from './event-payload.js';
import { redisSink } from './publisher.js';
import { httpOk, waitUntil, type BenchServer } from './servers.js';

export const GATEWAY_MAIN = path.join(repoRoot, 'services/sse/dist/main.js');
/** The streams a subscriber of ours can follow: vexy alone, or every topic multiplexed (the HTTP/1.1 browser path). */
export const OURS_STREAMS = { vexy: '/sse/vexy', all: '/sse/all' } as const;
export type OursStream = keyof typeof OURS_STREAMS;

/** What every gateway scenario shares: three Redis instances with truth loaded, and a signed-in user. */
export interface GatewayEnvironment {
  trio: RedisTrio;
  route: TopicRoute;
  /** Publishing connection on the intel Redis. */
  intel: Redis;
  cookie: string;
  truthVersion: string;
  /** The system Redis, where accounts and sessions live. */
  system: Redis;
  /** Hash of a random password, shared by every bench account (argon2 is slow on purpose). */
  passwordHash: string;
}

const MAX_STREAM_CAP = 100_000;
/** `kill_timeout` of ecosystem.config.cjs: how long pm2 waits for a stopping process before SIGKILL. */
const PM2_KILL_TIMEOUT_MS = 12_000;

export async function prepareGatewayEnvironment(): Promise<GatewayEnvironment> {
  const trio = await startRedisTrio();
  onCleanup(() => trio.stop());
  const system = trio.system.client();
  // Every load-client connection uses one session, as no browser would: the per-session and per-user
  // stream caps (24 and 32 by default) are lifted to the most the schema allows.
  const { truth, version } = await loadRepoTruth(system, {
    patch: (t) => {
      t.components['sse']!.settings = { ...t.components['sse']!.settings, maxStreamsPerSession: MAX_STREAM_CAP, maxStreamsPerUser: MAX_STREAM_CAP };
    },
  });
  const route = truth.topics['vexy'];
  if (!route) throw new Error('truth has no route for topic vexy');
  if (route.bus !== 'intel') throw new Error(`topic vexy is on the ${route.bus} bus, expected intel`);
  // An account and a session made the way the gateway's own auth makes them.
  const passwordHash = await hashPassword(randomBytes(16).toString('hex'));
  const user = await new UserRepository(system).create({
    email: `bench-${Date.now()}@example.test`,
    passwordHash,
    role: 'trader',
    displayName: 'fan-out bench',
  });
  const session = await new SessionRepository(system, { ttlSec: 6 * 3600 }).create({ id: user.id, role: user.role }, randomBytes(16).toString('base64url'));
  return { trio, route, intel: trio.intel.client(), cookie: `${SESSION_COOKIE}=${session.id}`, truthVersion: version, system, passwordHash };
}

/**
 * `count` session cookies, `perUser` sessions to an account, as `count` browsers would hold: each
 * connect then costs the gateway a real session lookup (one shared cookie would let any per-cookie
 * shortcut hide that cost). Accounts hold few sessions because creating one prunes the account's
 * whole session index.
 */
export async function createSessionCookies(env: GatewayEnvironment, count: number, perUser = 20): Promise<string[]> {
  const users = new UserRepository(env.system);
  const sessions = new SessionRepository(env.system, { ttlSec: 6 * 3600 });
  const stamp = Date.now();
  const cookies: string[][] = await Promise.all(
    Array.from({ length: Math.ceil(count / perUser) }, async (_, u) => {
      const user = await users.create({ email: `storm-${stamp}-${u}@example.test`, passwordHash: env.passwordHash, role: 'trader', displayName: `storm ${u}` });
      const mine: string[] = [];
      for (let k = 0; k < perUser && u * perUser + k < count; k++) {
        const session = await sessions.create({ id: user.id, role: user.role }, randomBytes(16).toString('base64url'));
        mine.push(`${SESSION_COOKIE}=${session.id}`);
      }
      return mine;
    }),
  );
  return cookies.flat();
}

/**
 * Our gateway: `gateways` processes (the gateway is stateless, so this is how it uses more cores),
 * each on its own port, reading the same Redis streams. The vexy stream is cut to exactly one entry first,
 * so every scenario starts from the same state: a new subscriber gets a one-item `recent` snapshot
 * (the normal connect path; an empty stream would add an XINFO per connection) and then `ready`.
 */
export async function startGateways(env: GatewayEnvironment, options: { nofile: number; gateways: number; stream: OursStream; profileDir: string | undefined }): Promise<BenchServer> {
  if ((await env.intel.xlen(env.route.stream)) === 0) {
    await publishEvents(env.intel, env.route, [{ topic: 'vexy', type: 'comment', ts: Date.now(), data: { text: 'fan-out bench warm-up', seq: 0 } }]);
  }
  await env.intel.xtrim(env.route.stream, 'MAXLEN', 1);
  const procs: BenchProcess[] = [];
  const ports: number[] = [];
  const spawnOne = (i: number, port: number): BenchProcess => {
    const profile = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir, '--cpu-prof-name', `gateway-${i + 1}-${Date.now()}.cpuprofile`] : [];
    return spawnLimited(`gateway-${i + 1}`, [process.execPath, ...profile, GATEWAY_MAIN], {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'] ?? '',
        ...env.trio.env,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // e.g. --perf-basic-prof, to read a `perf record` of a gateway with JS symbols
        ...(process.env['BENCH_GATEWAY_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_GATEWAY_NODE_OPTIONS'] } : {}),
      },
      nofile: options.nofile,
    });
  };
  const healthy = (): Promise<unknown> => Promise.all(procs.map((proc, i) => waitUntil('health answer', () => httpOk(`http://127.0.0.1:${ports[i]}/health`), proc)));
  try {
    for (let i = 0; i < options.gateways; i++) {
      const port = await freePort();
      procs.push(spawnOne(i, port));
      ports.push(port);
    }
    await healthy();
  } catch (error) {
    await Promise.all(procs.map((p) => p.stop('SIGKILL')));
    throw error;
  }
  return {
    kind: 'ours',
    description: `SSE gateway, ${options.gateways} process${options.gateways === 1 ? '' : 'es'} (pids ${procs.map((p) => p.pid).join(', ')}), ports ${ports.join(', ')}, ${OURS_STREAMS[options.stream]}`,
    targets: ports.map((port) => ({ host: '127.0.0.1', port, path: OURS_STREAMS[options.stream], headers: { Cookie: env.cookie } })),
    readyOn: 'ready',
    sink: redisSink(env.intel, env.route),
    pids: () => procs.map((p) => p.pid),
    sidePids: () => [env.trio.system.pid, env.trio.market.pid, env.trio.intel.pid],
    stop: async () => {
      // SIGTERM lets each gateway close cleanly (and write its CPU profile when profiling).
      await Promise.all(procs.map((p) => p.stop('SIGTERM', 10_000)));
    },
    // As pm2 restarts a process: the signal, the exit (SIGKILL after the kill_timeout of
    // ecosystem.config.cjs, 12 s), then a new process on the same port.
    restart: async (signal) => {
      await Promise.all(procs.map((p) => p.stop(signal, PM2_KILL_TIMEOUT_MS)));
      const stoppedAt = nowMs();
      for (let i = 0; i < procs.length; i++) procs[i] = spawnOne(i, ports[i]!);
      await healthy();
      return { stoppedAt, healthyAt: nowMs() };
    },
  };
}
