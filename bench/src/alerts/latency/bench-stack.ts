import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { CSRF_COOKIE, hashPassword, newCsrfToken, SESSION_COOKIE, SessionRepository, UserRepository } from '@marketswarm/shared/auth';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';

/** The journal's internal API token for this throwaway stack (truth secret `journal.internalToken`). */
const INTERNAL_TOKEN = 'bench-alerts-internal-token';

export interface Account {
  userId: string;
  cookie: string;
}

/** Three redis-server with the repository's truth loaded, and a temp folder; the services come later. */
export interface BenchStack {
  trio: RedisTrio;
  system: Redis;
  market: Redis;
  spotRoute: TopicRoute;
  alertsRoute: TopicRoute;
  /** The run folder the journal resolves its SQLite path under (MS_RUN_DIR). */
  runDir: string;
  /** Where the journal opens its database in this stack (truth's default sqlitePath under runDir). */
  journalFile: string;
  processes: ServiceProcess[];
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const work = await mkdtemp(path.join(tmpdir(), 'ms-bench-alerts-'));
  const trio = await startRedisTrio();
  const system = trio.system.client();
  const { truth } = await loadRepoTruth(system, { secrets: { journal: { internalToken: INTERNAL_TOKEN } } });
  const spotRoute = truth.topics['spot'];
  const alertsRoute = truth.topics['alerts'];
  if (!spotRoute || !alertsRoute) throw new Error('truth has no route for spot or alerts');
  const sqlitePath = (truth.components['journal']?.settings as { sqlitePath?: string } | undefined)?.sqlitePath ?? 'data/journal.sqlite';
  const runDir = path.join(work, 'run');
  const journalFile = path.resolve(runDir, sqlitePath);
  await mkdir(path.dirname(journalFile), { recursive: true });
  const processes: ServiceProcess[] = [];
  let stopped = false;
  return {
    trio,
    system,
    market: trio.market.client(),
    spotRoute,
    alertsRoute,
    runDir,
    journalFile,
    processes,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await Promise.all(processes.map((p) => p.stop().catch(() => null)));
      await trio.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Accounts with live sessions written as the gateway's sign-in writes them; one argon2 hash shared (its cost is not what is measured). */
export async function createAccounts(system: Redis, count: number, tag: string): Promise<Account[]> {
  const users = new UserRepository(system);
  const sessions = new SessionRepository(system, { ttlSec: 6 * 3600 });
  const passwordHash = await hashPassword('bench alerts password');
  const accounts: Account[] = [];
  for (let n = 0; n < count; n++) {
    const user = await users.create({ email: `bench-alerts-${tag}-${n}@example.test`, passwordHash, role: 'trader' });
    const session = await sessions.create({ id: user.id, role: user.role }, newCsrfToken());
    accounts.push({ userId: user.id, cookie: `${SESSION_COOKIE}=${session.id}; ${CSRF_COOKIE}=${session.csrf}` });
  }
  return accounts;
}

export async function startJournal(stack: BenchStack): Promise<ServiceProcess> {
  const env: Record<string, string> = { ...stack.trio.env, MS_RUN_DIR: stack.runDir };
  Object.assign(env, profiling());
  const journal = await startServiceProcess({ dir: 'services/journal', env, timeoutMs: 60_000 });
  stack.processes.push(journal);
  return journal;
}

export async function startGateway(stack: BenchStack): Promise<ServiceProcess> {
  const gateway = await startServiceProcess({ dir: 'services/sse', env: { ...stack.trio.env, NODE_ENV: 'production' }, timeoutMs: 60_000 });
  stack.processes.push(gateway);
  return gateway;
}

/** The real copilot (services/copilot/dist/main.js) with `MS_COPILOT_ALERT_INDEX`; it must run the alert engine. */
export async function startCopilot(stack: BenchStack, journalUrl: string, index: 'sorted' | 'linear'): Promise<ServiceProcess> {
  const env: Record<string, string> = { ...stack.trio.env, MS_RUN_DIR: stack.runDir, MS_JOURNAL_URL: journalUrl, MS_COPILOT_ALERT_INDEX: index };
  // To see why an engine does not load or fire: BENCH_ALERTS_COPILOT_LOG_LEVEL=info.
  const logLevel = process.env['BENCH_ALERTS_COPILOT_LOG_LEVEL'];
  if (logLevel) env['LOG_LEVEL'] = logLevel;
  Object.assign(env, profiling());
  const copilot = await startServiceProcess({ dir: 'services/copilot', env, timeoutMs: 60_000 });
  stack.processes.push(copilot);
  if ((await metricValue(copilot.url, 'ms_copilot_alerts_leader', '')) === null) throw new Error('the copilot exposes no ms_copilot_alerts_leader: its AppModule runs no alert engine');
  return copilot;
}

/** With BENCH_ALERTS_PROFILE_DIR set, the journal and the copilot each write a CPU profile there when stopped (see cpu-profile.ts). */
function profiling(): Record<string, string> {
  const dir = process.env['BENCH_ALERTS_PROFILE_DIR'];
  if (!dir) return {};
  return { NODE_OPTIONS: `--import ${new URL('./cpu-profile.js', import.meta.url).href}`, BENCH_CPU_PROFILE_DIR: path.resolve(dir) };
}

/**
 * A counter or gauge from the service's Prometheus text: the sample of `name` whose labels include
 * every `k="v"` pair of `labels` (the registry adds its own, e.g. `service`); null when absent.
 */
export async function metricValue(url: string, name: string, labels: string): Promise<number | null> {
  const res = await fetch(`${url}/metrics`);
  const wanted = labels === '' ? [] : labels.split(',');
  for (const line of (await res.text()).split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    const match = /^(?:\{([^}]*)\})? (\S+)$/.exec(rest);
    if (!match) continue;
    const have = (match[1] ?? '').split(',');
    if (wanted.every((pair) => have.includes(pair))) return Number(match[2]);
  }
  return null;
}
