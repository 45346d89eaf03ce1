import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { hashPassword } from '../auth/password-hasher.js';
import { UserRepository } from '../auth/user.repository.js';
import { publishEvents, validateForPublish } from '../bus/publish-event.js';
import { GATEWAY_COMPONENT, GATEWAY_INSTANCES_ENV, instancePortEnv } from '../config/gateway-instances.js';
import { busUrls } from '../config/stack-addresses.js';
import type { BusName } from '../events/bus-name.js';
import type { TopicName } from '../events/topics.js';
import type { PublicTruth } from '../truth/compile-truth.js';
import { freePort } from './free-port.js';
import { repoRoot } from './repo-root.js';
import { compileRepoTruthSync } from './repo-truth.js';
import { runAdmin, type AdminRun } from './run-admin.js';

const exec = promisify(execFile);

export interface TestStack {
  env: Record<string, string>;
  ports: Record<string, number>;
  nginxUrl: string;
  /** What `./admin up` printed (URLs, demo login). */
  upOutput: string;
  admin(args: readonly string[], timeoutMs?: number): Promise<AdminRun>;
  pm2(args: readonly string[]): Promise<string>;
  /**
   * Appends events straight into the stack's Redis, exactly as a producer does (validated, one
   * script): milliseconds, where `./admin publish` costs a process start. Returns the stream ids.
   */
  /**
   * Creates an account in the stack's system Redis the way `./admin user add` does (argon2id hash,
   * same store), without a process start. Test suites create their accounts here: sign-ups through
   * the API are limited per address, and every test browser shares 127.0.0.1.
   */
  createAccount(account: { email: string; password: string; role?: 'trader' | 'admin' }): Promise<string>;
  publish(topic: TopicName, payloads: readonly Record<string, unknown>[], options?: { user?: string; type?: string }): Promise<string[]>;
  /** A connection to one of the stack's Redis buses (one per bus and handle; `stop()` closes it). */
  bus(name: BusName): Redis;
  /** The pid and restart count pm2 reports for one of this stack's processes (e.g. `fotw-sse`). */
  pm2Process(name: string): Promise<{ pid: number; restarts: number; status: string } | undefined>;
  logs(): Promise<string>;
  /** Takes the stack down and removes its folder; calling it again does nothing. */
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Gateway processes behind the stack's nginx (fotw-sse, fotw-sse-2, …); default 1. */
  gateways?: number;
}

interface Pm2Row {
  name: string;
  pid: number;
  pm2_env: { status: string; restart_time: number };
}

/**
 * A whole second stack under its own pm2 daemon (PM2_HOME), run folder and free ports, brought up
 * with the real `./admin up` — never the developer's running stack. Used by the end-to-end specs
 * and by `npm run bench:ui`.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const work = await mkdtemp(path.join(tmpdir(), 'ms-stack-'));
  const components = await readdir(path.join(repoRoot, 'truth/components'));
  const ports: Record<string, number> = {};
  const env: Record<string, string> = { MS_RUN_DIR: path.join(work, 'run'), PM2_HOME: path.join(work, 'pm2'), LOG_LEVEL: 'warn' };
  // The kernel may hand the same free port out twice in a row once it is closed again: keep them distinct.
  const taken = new Set<number>();
  const distinctPort = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) return (taken.add(port), port);
    }
  };
  for (const file of components) {
    const component = JSON.parse(await readFile(path.join(repoRoot, 'truth/components', file), 'utf8')) as { id: string; listen?: { env: string } };
    if (!component.listen) continue;
    ports[component.id] = await distinctPort();
    env[component.listen.env] = String(ports[component.id]);
  }
  // Further gateways (fotw-sse-2, …) get free ports too: ports['sse-2'], …
  const gateways = options.gateways ?? 1;
  env[GATEWAY_INSTANCES_ENV] = String(gateways);
  for (let index = 2; index <= gateways; index++) {
    ports[`${GATEWAY_COMPONENT}-${index}`] = await distinctPort();
    env[instancePortEnv('MS_SSE_PORT', index)] = String(ports[`${GATEWAY_COMPONENT}-${index}`]);
  }
  const stack = stackHandle({ work, env, ports }, true);
  const up = await stack.admin(['up', '--no-install', '--timeout', '90'], 180_000);
  if (up.code !== 0) {
    const logs = await stack.logs();
    await stack.stop();
    throw new Error(`./admin up failed (${up.code}):\n${up.stderr}\n${up.stdout}\n${logs}`);
  }
  stack.upOutput = up.stdout;
  return stack;
}

/** What identifies a running test stack, so another test file (or the suite's teardown) can reach it. */
export interface TestStackAddress {
  work: string;
  env: Record<string, string>;
  ports: Record<string, number>;
  upOutput?: string;
}

export function testStackAddress(stack: TestStack): TestStackAddress {
  const work = path.dirname(stack.env['MS_RUN_DIR']!);
  return { work, env: stack.env, ports: stack.ports, upOutput: stack.upOutput };
}

/**
 * A handle on a stack another file started. Its `stop()` only closes this handle's Redis
 * connections: the stack belongs to whoever started it (see `stopTestStackAt`).
 */
export function attachTestStack(address: TestStackAddress): TestStack {
  const stack = stackHandle(address, false);
  stack.upOutput = address.upOutput ?? '';
  return stack;
}

/** Takes down a stack by its address (the suite's teardown for a stack its files shared). */
export async function stopTestStackAt(address: TestStackAddress): Promise<void> {
  await stackHandle(address, true).stop();
}

function stackHandle({ work, env, ports }: TestStackAddress, owned: boolean): TestStack {
  const pm2Bin = path.join(repoRoot, 'node_modules/pm2/bin/pm2');
  let stopping: Promise<void> | undefined;
  let compiled: PublicTruth | undefined;
  const repoTruth = (): PublicTruth => (compiled ??= compileRepoTruthSync().truth);
  const buses = new Map<BusName, Redis>();
  const busFor = (bus: BusName): Redis => {
    let redis = buses.get(bus);
    if (!redis) {
      redis = new Redis(busUrls(repoTruth(), env)[bus], { maxRetriesPerRequest: 2 });
      redis.on('error', () => undefined);
      buses.set(bus, redis);
    }
    return redis;
  };
  const stack: TestStack = {
    env,
    ports,
    nginxUrl: `https://127.0.0.1:${ports['nginx']}`,
    upOutput: '',
    admin: (args, timeoutMs) => runAdmin(args, env, { timeoutMs: timeoutMs ?? 60_000 }),
    pm2: async (args) => (await exec(process.execPath, [pm2Bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })).stdout,
    createAccount: async ({ email, password, role = 'trader' }) => {
      const user = await new UserRepository(busFor('system')).create({ email, passwordHash: await hashPassword(password), role });
      return user.id;
    },
    publish: async (topic, payloads, options = {}) => {
      const route = repoTruth().topics[topic];
      if (!route) throw new Error(`truth declares no stream for topic "${topic}"`);
      const ts = Date.now();
      const envelopes = payloads.map((data) => ({ topic, type: options.type ?? 'update', ts, data, ...(options.user ? { user: options.user } : {}) }));
      // Test payloads have no static type: validated here, as ./admin publish does with its JSON.
      return publishEvents(busFor(route.bus), route, envelopes.map((e) => validateForPublish(route, e)));
    },
    bus: busFor,
    pm2Process: async (name) => {
      const rows = JSON.parse(await stack.pm2(['jlist'])) as Pm2Row[];
      const row = rows.find((r) => r.name === name);
      return row ? { pid: row.pid, restarts: row.pm2_env.restart_time, status: row.pm2_env.status } : undefined;
    },
    logs: async () => {
      const dir = path.join(env['MS_RUN_DIR']!, 'logs');
      const files = await readdir(dir).catch(() => []);
      const parts = await Promise.all(files.map(async (f) => `--- ${f}\n${(await readFile(path.join(dir, f), 'utf8')).slice(-3000)}`));
      return parts.join('\n');
    },
    stop: () =>
      (stopping ??= (async () => {
        for (const redis of buses.values()) redis.disconnect();
        if (!owned) return;
        const down = await runAdmin(['down', '--kill'], env, { timeoutMs: 60_000 });
        // Its folder holds PM2_HOME: removed under a daemon that did not stop, nothing could find it again.
        if (down.code !== 0) {
          process.stderr.write(`test stack ${work}: ./admin down --kill failed (${String(down.code)}); its folder is kept\n${down.stderr}\n`);
          return;
        }
        await rm(work, { recursive: true, force: true });
      })()),
  };
  return stack;
}

/** Debian's Chromium; Playwright's own browsers are never installed here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Options for Playwright's `chromium.launch()` (kept free of Playwright types so this package does
 * not depend on it). `http1` disables HTTP/2: the same nginx then serves HTTP/1.1 over TLS.
 */
export function chromiumLaunchOptions(options: { http1?: boolean } = {}): { executablePath: string; headless: boolean; args: string[] } {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (options.http1) args.push('--disable-http2');
  return { executablePath: CHROMIUM_PATH, headless: true, args };
}
