import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '@marketswarm/shared/metrics';
import { OPS_KEYS, readHealthReport, readRecoveryLog, type RecoveryAction } from '@marketswarm/shared/ops';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import { componentSchema, type PublicTruth, type WatchSettings } from '@marketswarm/shared/truth';
import { HealthWatch } from './health-watch.js';
import { Pm2Daemon } from './pm2-client.js';
import { createWatchMetrics } from './watch-metrics.js';

const run = promisify(execFile);
const pm2Bin = path.join(path.dirname(createRequire(import.meta.url).resolve('pm2/package.json')), 'bin/pm2');

/**
 * A process that writes `<id>:heartbeat` every 250 ms over a bare RESP socket (no dependency, so it
 * runs from a temp folder), or, with NEVER_HEALTHY, never writes one.
 */
const CHILD = `
import net from 'node:net';
if (process.env.NEVER_HEALTHY) setInterval(() => {}, 1000);
else {
  const sock = net.connect(Number(process.env.HB_PORT), '127.0.0.1');
  sock.on('data', () => {});
  const startedAt = Date.now();
  const beat = () => {
    const ts = Date.now();
    const record = JSON.stringify({ service: process.env.HB_ID, version: '1.0.0', pid: process.pid, host: 'h', port: null, startedAt, ts, uptimeSec: 0, intervalMs: 250, truthVersion: null });
    const args = ['SET', process.env.HB_ID + ':heartbeat', record, 'EX', '5'];
    sock.write('*' + args.length + '\\r\\n' + args.map((a) => '$' + Buffer.byteLength(a) + '\\r\\n' + a + '\\r\\n').join(''));
  };
  sock.on('connect', () => { beat(); setInterval(beat, 250); });
}
`;

const producer = (id: string) =>
  componentSchema.parse({ id, meta: { name: id, description: id, kind: 'producer', version: '1.0.0', pm2: `fotw-${id}` }, heartbeat: { intervalMs: 250, ttlSec: 5 } });

const KILL_TIMEOUT_MS = 3000;
const PM2_TIMEOUT_MS = 2000;

const settings: WatchSettings = {
  enabled: true,
  intervalMs: 250,
  staleAfterSec: 1,
  staleAfterSecByService: {},
  httpTimeoutMs: 500,
    // A grace period well past a restarted process's first heartbeat: a slow start is never taken for a second hang.
  recovery: { maxAttempts: 2, cooldownSec: 1, backoff: 1, confirmCycles: 1, graceSec: 3, restartRedis: false },
};

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(HealthWatch.name, () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  let redis: RedisServerHandle;
  let system: Redis;
  let pm2: Pm2Daemon;
  let watch: HealthWatch;
  const metrics = createWatchMetrics(new Registry());
  const pm2Cli = (...args: string[]) => run(process.execPath, [pm2Bin, ...args], { env });
  const jlist = async () => {
    const { stdout } = await pm2Cli('jlist');
    return JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ name: string; pid: number; pm2_env: { restart_time: number } }>;
  };
  const processOf = async (name: string) => (await jlist()).find((p) => p.name === name);
  const actionsOf = async (service: string) => (await readRecoveryLog(system, 100)).filter((a) => a.service === service).reverse();

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'ms-watch-'));
    redis = await startRedisServer();
    system = redis.client();
    env = { ...process.env, PM2_HOME: path.join(work, 'pm2'), HB_PORT: String(redis.port) };
    const script = path.join(work, 'child.mjs');
    await writeFile(script, CHILD);
    // A real kill_timeout: pm2 sits it out in full before it SIGKILLs a hung process, longer than the
    // watch's own pm2 timeout below, as the stack's 12 s is longer than the watch's default 10 s.
    await run(process.execPath, [pm2Bin, 'start', script, '--name', 'fotw-hung', '--kill-timeout', String(KILL_TIMEOUT_MS)], { env: { ...env, HB_ID: 'hung' } });
    await run(process.execPath, [pm2Bin, 'start', script, '--name', 'fotw-never', '--kill-timeout', String(KILL_TIMEOUT_MS)], { env: { ...env, NEVER_HEALTHY: '1' } });
    const truth = {
      components: {
        hung: producer('hung'),
        never: producer('never'),
        watch: componentSchema.parse({ id: 'watch', meta: { name: 'w', description: 'w', kind: 'service', version: '1.0.0', pm2: 'fotw-watch' }, heartbeat: { intervalMs: 250, ttlSec: 5 } }),
      },
      topics: {},
    } as unknown as PublicTruth;
    pm2 = new Pm2Daemon(env['PM2_HOME'], PM2_TIMEOUT_MS);
    watch = new HealthWatch({ truth: () => truth, settings: () => settings, redisFor: () => system, pm2, metrics, logger: pino({ level: 'silent' }), selfId: 'watch', env: {} });
    watch.start();
  }, 60_000);

  afterAll(async () => {
    await watch?.stop();
    await pm2?.close();
    if (env) await pm2Cli('kill').catch(() => undefined);
    system?.disconnect();
    await redis?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  }, 30_000);

  it('restarts a hung process (pm2 online, heartbeat stale) and logs restart then recovered, reporting on while pm2 waits out its kill_timeout', async () => {
    await until('the healthy report', async () => (await readHealthReport(system)).report?.services.find((s) => s.id === 'hung' && s.status === 'healthy'));
    const before = await processOf('fotw-hung');
    if (!before) throw new Error('pm2 does not run fotw-hung');
    process.kill(before.pid, 'SIGSTOP');

    const reports = new Map<number, number | null>();
    const actions = await until(
      'restart and recovered',
      async () => {
        const report = (await readHealthReport(system)).report;
        const hung = report?.services.find((s) => s.id === 'hung');
        if (report && hung) reports.set(report.ts, hung.process?.pid ?? null);
        const log = await actionsOf('hung');
        return log.some((a) => a.action === 'recovered') && log;
      },
      20_000,
    );
    expect(actions.map((a: RecoveryAction) => [a.action, a.reason, a.attempt, a.ok])).toEqual([
      ['restart', 'heartbeat stale', 1, true],
      ['recovered', 'healthy after 1 restart', 1, true],
    ]);
    const restartTs = actions[0]?.ts ?? Infinity;
    const whileHungProcessLived = [...reports].filter(([ts, pid]) => ts > restartTs && pid === before.pid);
    expect(whileHungProcessLived.length).toBeGreaterThanOrEqual(2);
    const after = await processOf('fotw-hung');
    expect(after?.pid).not.toBe(before.pid);
    const report = (await readHealthReport(system)).report;
    expect(report?.services.find((s) => s.id === 'hung')).toMatchObject({ status: 'healthy', checks: { heartbeat: 'fresh' }, process: { pid: after?.pid } });
    expect((await metrics.recoveryActions.get()).values.find((v) => v.labels['service'] === 'hung' && v.labels['action'] === 'restart')?.value).toBe(1);
  });

  it('restarts a process that never becomes healthy exactly maxAttempts times, gives up, and restarts it no more', async () => {
    await until('the give-up', async () => (await actionsOf('never')).some((a) => a.action === 'give-up'), 30_000);
    await watch.restartsSettled();
    const restartsAtGiveUp = (await processOf('fotw-never'))?.pm2_env.restart_time;
    // Several more cycles (and cooldowns) pass without another attempt.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await actionsOf('never')).map((a) => [a.action, a.attempt])).toEqual([
      ['restart', 1],
      ['restart', 2],
      ['give-up', 2],
    ]);
    expect((await processOf('fotw-never'))?.pm2_env.restart_time).toBe(2);
    expect(restartsAtGiveUp).toBe(2);
    const never = (await readHealthReport(system)).report?.services.find((s) => s.id === 'never');
    expect(never).toMatchObject({ status: 'failed', recovery: { attempts: 2, failed: true }, checks: { heartbeat: 'missing' } });
    expect(JSON.parse((await system.hget(OPS_KEYS.recoveryState, 'never')) ?? '{}')).toMatchObject({ failed: true, attempts: 2 });
  });
});
