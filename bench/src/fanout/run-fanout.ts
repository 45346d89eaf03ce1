/**
 * `npm run bench:fanout`: our SSE gateway against nchan and a bare node:http broadcaster, side by
 * side on this machine. For every scenario (subscribers × publish rate) each server is started
 * fresh, N idle subscriptions are opened (RSS before/after), events are published at the rate for
 * the duration, and we measure deliveries, server CPU, publish→receive latency and the load
 * generator's own load. See USAGE in options.ts for the knobs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { release, tmpdir, availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProfile, summariseProfiles, type ProfileSummary } from './cpu-profile.js';
import { EventFactory } from './event-payload.js';
import { GATEWAY_MAIN, prepareGatewayEnvironment, startGateways, type GatewayEnvironment } from './gateway-server.js';
import { LoadFleet, type FleetConnectResult } from './load-fleet.js';
import { NCHAN_MODULE, NGINX_BIN, startNchan } from './nchan-server.js';
import { parseOptions, USAGE, type BenchOptions, type Scenario, type ServerKind } from './options.js';
import { cleanupAll, onCleanup } from './processes.js';
import { machineBusySeconds, sample } from './proc-stats.js';
import { publishAtRate } from './publisher.js';
import { waitForQuiet } from './quiet-machine.js';
import { renderStorm, runStorm } from './run-storm.js';
import { CAVEAT, renderReport, writeResults, type RunMeta, type ScenarioResult } from './report.js';
import { startBaseline, type BenchServer } from './servers.js';
import { startTlsFrontedGateways } from './tls-front.js';
import { summariseLatency } from './stats.js';

const RESULTS_DIR = fileURLToPath(new URL('../../results', import.meta.url));
/** fds a server process needs besides its subscribers (listen socket, Redis, stdio, epoll…). */
const FD_RESERVE = 64;
const CONNECT_CONCURRENCY = 400;
const LOADGEN_MAX_CORE_SHARE = 0.85;
const LOADGEN_MAX_LOOP_DELAY_MS = 20;
/** Below this many busy cores (machine-wide, ours idle) a second counts as quiet. */
const QUIET_THRESHOLD_CORES = 0.25;
/** Share of all cores busy above which a run counts as CPU-saturated. */
const SATURATED_SHARE = 0.95;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

function hardNofile(): number {
  try {
    return Number(execFileSync('bash', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim()) || 0;
  } catch {
    return 0;
  }
}

function nginxVersion(): string {
  try {
    return execFileSync(NGINX_BIN, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'nginx';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    return stderr?.trim() || 'nginx (version unknown)';
  }
}

function preflight(options: BenchOptions, hard: number): string {
  const version = execFileSync('bash', ['-c', `${NGINX_BIN} -v 2>&1 || true`], { encoding: 'utf8' }).trim();
  if (options.servers.includes('nchan') || options.tls) {
    if (!existsSync(NGINX_BIN)) throw new Error(`${NGINX_BIN} is missing: apt-get install -y nginx libnginx-mod-nchan`);
    if (!existsSync(NCHAN_MODULE)) throw new Error(`${NCHAN_MODULE} is missing: apt-get install -y libnginx-mod-nchan`);
  }
  if (options.servers.includes('ours') && !existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: run npm run build`);
  if (hard > 0 && options.nofile > hard) throw new Error(`--nofile ${options.nofile} is above the hard limit (ulimit -Hn = ${hard})`);
  return version || nginxVersion();
}

/** Largest subscriber count one server can hold with `nofile` descriptors per process. */
function capacity(kind: ServerKind, nofile: number, options: BenchOptions): { max: number; why: string } {
  const perProcess = nofile - FD_RESERVE;
  switch (kind) {
    case 'baseline':
      return { max: perProcess, why: `capped at ${perProcess} (one process, ulimit -n ${nofile} minus ${FD_RESERVE} reserved fds)` };
    case 'nchan':
      return { max: options.nchanWorkers * perProcess, why: `${options.nchanWorkers} workers × ${perProcess}` };
    case 'ours':
      // Behind nginx every subscriber holds two of a worker's descriptors (client and upstream).
      if (options.tls && options.nchanWorkers * Math.floor(perProcess / 2) < options.gateways * perProcess) {
        return { max: options.nchanWorkers * Math.floor(perProcess / 2), why: `${options.nchanWorkers} nginx workers × ${Math.floor(perProcess / 2)} (two fds per proxied subscriber)` };
      }
      return { max: options.gateways * perProcess, why: `${options.gateways} gateways × ${perProcess}` };
  }
}

async function startServer(kind: ServerKind, options: BenchOptions, env: GatewayEnvironment | undefined, profileDir: string | undefined): Promise<BenchServer> {
  switch (kind) {
    case 'ours':
      if (!env) throw new Error('gateway environment not prepared');
      if (options.tls) return startTlsFrontedGateways(env, { nofile: options.nofile, gateways: options.gateways, workers: options.nchanWorkers, stream: options.oursStream, profileDir });
      return startGateways(env, { nofile: options.nofile, gateways: options.gateways, stream: options.oursStream, profileDir });
    case 'nchan':
      return startNchan(options.nofile, options.nchanWorkers, options.tls);
    case 'baseline':
      return startBaseline(options.nofile);
  }
}

/** Polls the clients until every expected delivery arrived, or nothing arrived for `stallMs`. */
async function drain(fleet: LoadFleet, expected: number, stallMs: number, maxMs: number): Promise<{ delivered: number; at: number }> {
  const started = performance.now();
  let last = -1;
  let lastChange = performance.now();
  for (;;) {
    const { delivered } = await fleet.stats();
    const now = performance.now();
    if (delivered !== last) {
      last = delivered;
      lastChange = now;
    }
    if (delivered >= expected) return { delivered, at: now };
    if (now - lastChange > stallMs || now - started > maxMs) return { delivered, at: lastChange };
    await sleep(50);
  }
}

async function runScenario(
  kind: ServerKind,
  scenario: Scenario,
  ctx: { options: BenchOptions; fleet: LoadFleet; factory: EventFactory; env: GatewayEnvironment | undefined; profileDir: string | undefined },
): Promise<ScenarioResult> {
  const { options, fleet, factory } = ctx;
  const cap = capacity(kind, options.nofile, options);
  const attempted = Math.min(scenario.subscribers, cap.max);
  const base: ScenarioResult = {
    server: kind,
    description: '',
    subscribers: scenario.subscribers,
    attempted,
    cappedBy: attempted < scenario.subscribers ? cap.why : null,
    rate: scenario.rate,
    durationSec: options.durationSec,
    connect: { opened: 0, failed: 0, errors: [], ms: 0, serverCpuMsPerConnection: null },
    published: 0,
    publishFailed: 0,
    expectedDeliveries: 0,
    delivered: 0,
    shortfall: 0,
    lost: 0,
    perConnectionMin: 0,
    perConnectionMax: 0,
    shortConnections: 0,
    windowSec: 0,
    deliveriesPerSec: 0,
    serverCpu: { seconds: 0, perMillion: null, cores: 0, processes: 0 },
    redis: null,
    latency: summariseLatency([]),
    rss: { beforeBytes: 0, afterBytes: 0, perIdleConnectionBytes: null, marginalPerConnectionBytes: null },
    loadgen: { processes: fleet.size, cpuSec: 0, maxCoreShare: 0, loopDelayP99Ms: 0, loopDelayMaxMs: 0, bytesReceived: 0, sampledConnections: 0 },
    publisherCpuSec: 0,
    machine: { busyCores: 0, otherCores: 0, busyBeforeCores: 0, quietWaitSec: 0 },
    check: { allDelivered: false, loadgenHeadroom: false, machineSaturated: false, verdict: 'not run' },
  };
  log(`\n▶ ${kind}: ${scenario.subscribers.toLocaleString('en-US')} subscribers × ${scenario.rate} events/s for ${options.durationSec} s`);
  const server = await startServer(kind, options, ctx.env, ctx.profileDir);
  base.description = server.description;
  log(`  started ${server.description}`);
  try {
    const before = sample(server.pids());
    // Two halves, so the RSS of the second half is what one more connection costs (the marginal
    // figure): the first connections also pay fixed costs — the V8 young generation growing to its
    // working size, JIT code, pools — that a division of the total by N spreads over N.
    const firstHalf = Math.floor(attempted / 2);
    const connectHalf = (total: number): Promise<FleetConnectResult> =>
      fleet.connect({ targets: server.targets, total, readyOn: server.readyOn, latencySamples: Math.max(1, Math.round((options.latencySamples * total) / attempted)), concurrency: CONNECT_CONCURRENCY, timeoutMs: 90_000 });
    const first = await connectHalf(firstHalf);
    await sleep(options.settleSec * 1000);
    const mid = sample(server.pids());
    const second = await connectHalf(attempted - firstHalf);
    const connected = { opened: first.opened + second.opened, failed: first.failed + second.failed, errors: [...first.errors, ...second.errors].slice(0, 5), ms: first.ms + second.ms };
    const afterConnect = sample(server.pids());
    base.connect = {
      opened: connected.opened,
      failed: connected.failed,
      errors: connected.errors,
      ms: connected.ms,
      serverCpuMsPerConnection: connected.opened ? ((afterConnect.cpuSec - before.cpuSec) * 1000) / connected.opened : null,
    };
    log(`  ${connected.opened} subscriptions open in ${connected.ms} ms (server ${base.connect.serverCpuMsPerConnection?.toFixed(3) ?? '—'} CPU-ms each)${connected.failed ? `, ${connected.failed} failed: ${connected.errors.join(' | ')}` : ''}`);
    if (connected.opened === 0) throw new Error(`no subscription opened: ${connected.errors.join(' | ')}`);
    await sleep(options.settleSec * 1000);
    const idle = sample(server.pids());
    base.rss = {
      beforeBytes: before.rssBytes,
      afterBytes: idle.rssBytes,
      perIdleConnectionBytes: (idle.rssBytes - before.rssBytes) / connected.opened,
      marginalPerConnectionBytes: second.opened ? (idle.rssBytes - mid.rssBytes) / second.opened : null,
    };

    const quiet = await waitForQuiet(options.quietWaitSec, QUIET_THRESHOLD_CORES, log);
    await fleet.reset();
    const cpu0 = sample(server.pids());
    const side0 = sample(server.sidePids());
    const load0 = sample(fleet.pids);
    const self0 = process.cpuUsage();
    const machine0 = machineBusySeconds();
    const published = await publishAtRate(server.sink, factory, scenario.rate, options.durationSec);
    const expected = published.published * connected.opened;
    const drained = await drain(fleet, expected, 3000, 30_000);
    const cpu1 = sample(server.pids());
    const side1 = sample(server.sidePids());
    const load1 = sample(fleet.pids);
    const self1 = process.cpuUsage(self0);
    const machine1 = machineBusySeconds();
    const collected = await fleet.collect(published.published);
    await fleet.closeAll();

    const windowSec = Math.max(0.001, (drained.at - published.startedAt) / 1000);
    const serverCpu = cpu1.cpuSec - cpu0.cpuSec;
    const sideCpu = side1.cpuSec - side0.cpuSec;
    const loadCpu = load1.cpuSec - load0.cpuSec;
    const delivered = collected.delivered;
    const result: ScenarioResult = {
      ...base,
      published: published.published,
      publishFailed: published.failed,
      expectedDeliveries: expected,
      delivered,
      shortfall: Math.max(0, expected - delivered),
      lost: collected.lost,
      perConnectionMin: collected.perConnectionMin,
      perConnectionMax: collected.perConnectionMax,
      shortConnections: collected.short,
      windowSec,
      deliveriesPerSec: delivered / windowSec,
      serverCpu: { seconds: serverCpu, perMillion: delivered ? (serverCpu / delivered) * 1e6 : null, cores: serverCpu / windowSec, processes: cpu1.pids.length },
      redis: server.sidePids().length ? { cpuSec: sideCpu, perMillion: delivered ? (sideCpu / delivered) * 1e6 : null } : null,
      latency: summariseLatency(collected.latenciesMs),
      loadgen: {
        processes: fleet.size,
        cpuSec: loadCpu,
        maxCoreShare: Math.max(0, ...load1.cpuByPid.map((cpu, i) => (cpu - (load0.cpuByPid[i] ?? 0)) / windowSec)),
        loopDelayP99Ms: collected.loopDelayP99Ms,
        loopDelayMaxMs: collected.loopDelayMaxMs,
        bytesReceived: collected.bytesReceived,
        sampledConnections: collected.sampledConnections,
      },
      publisherCpuSec: (self1.user + self1.system) / 1e6,
      machine: { busyCores: 0, otherCores: 0, busyBeforeCores: quiet.busyCores, quietWaitSec: quiet.waitedSec },
    };
    // Whatever else ran on the machine meanwhile (other sessions, the kernel's own work): noise.
    const busy = machine1 - machine0;
    const ours = serverCpu + sideCpu + loadCpu + result.publisherCpuSec;
    result.machine = { ...result.machine, busyCores: busy / windowSec, otherCores: Math.max(0, busy - ours) / windowSec };
    const allDelivered = result.shortfall === 0 && result.lost === 0 && published.failed === 0;
    const headroom = result.loadgen.maxCoreShare < LOADGEN_MAX_CORE_SHARE && result.loadgen.loopDelayP99Ms < LOADGEN_MAX_LOOP_DELAY_MS;
    const cores = availableParallelism();
    const saturated = result.machine.busyCores >= SATURATED_SHARE * cores;
    result.check = {
      allDelivered,
      loadgenHeadroom: headroom,
      machineSaturated: saturated,
      verdict:
        `${allDelivered ? 'all delivered' : `SHORTFALL ${result.shortfall}${published.failed ? `, ${published.failed} publishes failed (${published.firstError})` : ''}`}; ` +
        `${headroom ? 'load generator had headroom' : 'LOAD GENERATOR MAY BE THE BOTTLENECK'}` +
        `${saturated ? `; machine saturated (${result.machine.busyCores.toFixed(2)} of ${cores} cores busy): server and load generator competed for CPU` : ''}`,
    };
    log(
      `  published ${published.published}, delivered ${delivered}/${expected} in ${windowSec.toFixed(2)} s; server ${serverCpu.toFixed(2)} CPU-s (${result.serverCpu.perMillion?.toFixed(2) ?? '—'}/M), ` +
        `p50 ${result.latency.p50Ms ?? '—'} ms p99 ${result.latency.p99Ms ?? '—'} ms; RSS/idle conn ${((result.rss.perIdleConnectionBytes ?? 0) / 1024).toFixed(2)} KiB (marginal ${((result.rss.marginalPerConnectionBytes ?? 0) / 1024).toFixed(2)}); load gen busiest ${(result.loadgen.maxCoreShare * 100).toFixed(0)} %`,
    );
    return result;
  } catch (error) {
    await fleet.closeAll().catch(() => undefined);
    return { ...base, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const hard = hardNofile();
  if (options.scenario === 'storm') {
    if (!existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: run npm run build`);
    const profileDir = options.profile ? await mkdtemp(path.join(tmpdir(), 'ms-bench-prof-')) : undefined;
    const { result, file } = await runStorm(options, RESULTS_DIR, profileDir, log);
    process.stdout.write(`${renderStorm(result)}\n\nJSON: ${path.relative(process.cwd(), file)}\n`);
    if (profileDir) {
      // The gateways write their profiles as they exit: the first ones at the restart, the new ones at the end.
      await cleanupAll();
      process.stdout.write(`\n${renderProfile(await summariseProfiles(profileDir))}\nCPU profiles kept in ${profileDir}\n`);
    }
    if (!result.verdict.startsWith('PASS')) process.exitCode = 2;
    return;
  }
  const nginx = preflight(options, hard);
  const factory = new EventFactory(options.payloadBytes);
  const meta: RunMeta = {
    startedAt: new Date().toISOString(),
    host: { cpus: availableParallelism(), node: process.version, nginx, kernel: release(), nofileHard: hard },
    event: factory.sizes(),
    gatewayTruthVersion: null,
  };
  log(`fan-out bench${options.quick ? ' (quick)' : ''}: servers ${options.servers.join(', ')}; scenarios ${options.scenarios.map((s) => `${s.subscribers}×${s.rate}/s`).join(', ')}; ${options.durationSec} s each; ${options.clients} load clients`);
  log(CAVEAT);

  const fleet = LoadFleet.start(options.clients, options.nofile);
  onCleanup(() => fleet.stop());
  const env = options.servers.includes('ours') ? await prepareGatewayEnvironment() : undefined;
  meta.gatewayTruthVersion = env?.truthVersion ?? null;
  const profileDir = options.profile ? await mkdtemp(path.join(tmpdir(), 'ms-bench-prof-')) : undefined;

  const results: ScenarioResult[] = [];
  // Servers take turns within each scenario, so slow drift of the machine spreads over all of them.
  // With --rounds, the whole matrix again: noise from other sessions lands on every server alike.
  for (let round = 1; round <= options.rounds; round++) {
    if (options.rounds > 1) log(`\n=== round ${round} of ${options.rounds}`);
    for (const scenario of options.scenarios) {
      for (const kind of options.servers) results.push({ ...(await runScenario(kind, scenario, { options, fleet, factory, env, profileDir })), round });
    }
  }

  let profile: ProfileSummary | undefined;
  if (profileDir) {
    profile = await summariseProfiles(profileDir);
    log(`\nCPU profiles kept in ${profileDir}`);
  }
  process.stdout.write(`${renderReport(results, options, meta)}\n`);
  if (profile) process.stdout.write(`\n${renderProfile(profile)}\n`);
  const file = await writeResults(RESULTS_DIR, { meta, options, results, ...(profile ? { extra: { profile } } : {}) });
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file)}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`\nfan-out bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
