/**
 * `npm run bench:fanout -- --scenario storm`: the reconnect storm of issue 16. N clients that
 * behave like browsers (storm-client.ts) follow a steady numbered stream through our gateways;
 * the gateways restart under them as pm2 restarts a process; every client waits the server's
 * `retry:` (jittered by the gateway) and reconnects with its Last-Event-ID. Measured: the time from
 * the restart until every client is live again, and per client the events it missed or got twice.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { EventFactory, nowMs } from './event-payload.js';
import { createSessionCookies, prepareGatewayEnvironment, startGateways } from './gateway-server.js';
import type { BenchOptions } from './options.js';
import { onCleanup } from './processes.js';
import { listenDrops, machineBusySeconds, sample } from './proc-stats.js';
import { publishAtRate } from './publisher.js';
import { waitForQuiet } from './quiet-machine.js';
import { summariseLatency, type LatencySummary } from './stats.js';
import { StormFleet } from './storm-fleet.js';

const CONNECT_CONCURRENCY = 400;
const RESUME_TIMEOUT_MS = 60_000;
/** The issue's targets for the storm. */
export const STORM_TARGETS = { clients: 10_000, allResumedWithinMs: 10_000, gaps: 0, duplicates: 0 } as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface StormResult {
  startedAt: string;
  loadAverageAtStart: number[];
  gateways: number;
  stream: string;
  sessions: number;
  clients: { requested: number; opened: number; failed: number; errors: string[]; connectMs: number };
  /** Server CPU per subscription on the first connect (auth, snapshot, ready). */
  connectCpuMsPerSubscription: number | null;
  restart: { signal: string; stoppedAfterMs: number; healthyAfterMs: number };
  /** Clients live again after the restart, and the ms from the restart signal (client clocks). */
  resumed: number;
  allResumed: boolean;
  timeToAllResumedMs: number | null;
  resumeMs: LatencySummary;
  /** Per client: from its own drop to its `ready` on the new gateway. */
  downMs: LatencySummary;
  retryMsSent: { min: number; max: number };
  /** Server CPU (new gateway processes) from their start until every client was back, per resumed client. */
  resumeCpuMsPerClient: number | null;
  gatewayBootCpuSec: number;
  /** Machine-wide count of connections dropped at a full listen queue, from the restart until all resumed. */
  listenDrops: number;
  /** The gateways' NODE_OPTIONS (BENCH_GATEWAY_NODE_OPTIONS), when set. */
  gatewayNodeOptions: string | null;
  /** From the start of publishing to the end: the storm clients' CPU and the three Redis servers'. */
  loadgenCpuSec: number;
  redisCpuSec: number;
  published: number;
  received: number;
  gaps: number;
  duplicates: number;
  clientsWithGaps: number;
  clientsWithDuplicates: number;
  maxGapsOneClient: number;
  resets: number;
  attempts: number;
  refusedConnects: number;
  badStatus: number;
  badStatusSample: string[];
  machine: { busyCores: number; otherCores: number; quietWaitSec: number; cores: number };
  verdict: string;
}

export async function runStorm(options: BenchOptions, resultsDir: string, profileDir: string | undefined, log: (line: string) => void): Promise<{ result: StormResult; file: string }> {
  const storm = options.storm;
  const startedAt = new Date().toISOString();
  const load = loadavg().map((v) => Math.round(v * 100) / 100);
  log(`reconnect storm: ${storm.clients.toLocaleString('en-US')} clients on ${options.gateways} gateway(s) (${options.oursStream}), ${storm.rate} events/s for ${storm.durationSec} s, restart (${storm.signal}) at ${storm.restartAfterSec} s; load average ${load.join(' ')}`);
  const env = await prepareGatewayEnvironment();
  const server = await startGateways(env, { nofile: options.nofile, gateways: options.gateways, stream: options.oursStream, profileDir });
  onCleanup(() => server.stop());
  log(`  started ${server.description}`);
  const fleet = StormFleet.start(options.clients, options.nofile);
  onCleanup(() => fleet.stop());
  const factory = new EventFactory(options.payloadBytes);

  const cookies = storm.sessions > 1 ? await createSessionCookies(env, storm.sessions) : [];
  if (cookies.length) log(`  ${cookies.length} sessions made`);
  const cpu0 = sample(server.pids());
  const connected = await fleet.connect(server.targets, storm.clients, CONNECT_CONCURRENCY, 120_000, cookies);
  const cpu1 = sample(server.pids());
  const connectCpuMsPerSubscription = connected.opened ? ((cpu1.cpuSec - cpu0.cpuSec) * 1000) / connected.opened : null;
  log(`  ${connected.opened} clients live in ${connected.ms} ms (server ${connectCpuMsPerSubscription?.toFixed(3) ?? '—'} CPU-ms each)${connected.failed ? `, ${connected.failed} failed: ${connected.errors.join(' | ')}` : ''}`);
  if (connected.opened === 0) throw new Error(`no client connected: ${connected.errors.join(' | ')}`);

  const quiet = await waitForQuiet(options.quietWaitSec, 0.25, log);
  const machine0 = machineBusySeconds();
  const ours0 = oursCpu([...server.pids(), ...server.sidePids(), ...fleet.pids]);
  const fleet0 = oursCpu(fleet.pids);
  const redis0 = oursCpu(server.sidePids());
  const publishing = publishAtRate(server.sink, factory, storm.rate, storm.durationSec);
  await sleep(storm.restartAfterSec * 1000);

  const drops0 = listenDrops();
  const restartAt = nowMs();
  await fleet.mark(restartAt);
  if (!server.restart) throw new Error('the gateway server cannot restart');
  // Measured from the moment the old processes are gone: everything the new ones spend is the
  // boot plus the storm of reconnects.
  const restarting = server.restart(storm.signal);
  const restarted = await restarting;
  const boot = sample(server.pids());
  log(`  gateways stopped ${Math.round(restarted.stoppedAt - restartAt)} ms after ${storm.signal}, healthy again after ${Math.round(restarted.healthyAt - restartAt)} ms (boot ${boot.cpuSec.toFixed(2)} CPU-s)`);

  const deadline = performance.now() + RESUME_TIMEOUT_MS;
  let stats = await fleet.stats();
  while (stats.resumed < connected.opened && performance.now() < deadline) {
    await sleep(100);
    stats = await fleet.stats();
  }
  const afterResume = sample(server.pids());
  const drops1 = listenDrops();
  log(`  ${stats.resumed} of ${connected.opened} clients resumed (${stats.live} live)`);

  const published = await publishing;
  // Until every client has the last event, or nothing moves for 5 s.
  let lastMin = -2;
  let lastMove = performance.now();
  for (;;) {
    stats = await fleet.stats();
    if (stats.minLastSeq >= published.published - 1) break;
    if (stats.minLastSeq !== lastMin) {
      lastMin = stats.minLastSeq;
      lastMove = performance.now();
    } else if (performance.now() - lastMove > 5000) break;
    await sleep(100);
  }
  const windowSec = (nowMs() - (restartAt - storm.restartAfterSec * 1000)) / 1000;
  const busy = machineBusySeconds() - machine0;
  const ours = oursCpu([...server.pids(), ...server.sidePids(), ...fleet.pids]) - ours0 + boot.cpuSec;
  const loadgenCpuSec = oursCpu(fleet.pids) - fleet0;
  const redisCpuSec = oursCpu(server.sidePids()) - redis0;
  const collected = await fleet.collect(published.published);
  await fleet.close();

  const resumeMs = summariseLatency(collected.resumeMs);
  const allResumed = collected.resumed === connected.opened;
  const timeToAllResumedMs = allResumed ? resumeMs.maxMs : null;
  const pass = allResumed && collected.gaps === 0 && collected.duplicates === 0 && timeToAllResumedMs !== null && timeToAllResumedMs <= STORM_TARGETS.allResumedWithinMs && collected.badStatus === 0;
  const result: StormResult = {
    startedAt,
    loadAverageAtStart: load,
    gateways: options.gateways,
    stream: options.oursStream,
    sessions: storm.sessions,
    clients: { requested: storm.clients, opened: connected.opened, failed: connected.failed, errors: connected.errors, connectMs: connected.ms },
    connectCpuMsPerSubscription,
    restart: { signal: storm.signal, stoppedAfterMs: Math.round(restarted.stoppedAt - restartAt), healthyAfterMs: Math.round(restarted.healthyAt - restartAt) },
    resumed: collected.resumed,
    allResumed,
    timeToAllResumedMs,
    resumeMs,
    downMs: summariseLatency(collected.downMs),
    retryMsSent: collected.retryMs,
    resumeCpuMsPerClient: collected.resumed ? ((afterResume.cpuSec - boot.cpuSec) * 1000) / collected.resumed : null,
    gatewayBootCpuSec: boot.cpuSec,
    loadgenCpuSec,
    redisCpuSec,
    listenDrops: drops1.drops - drops0.drops,
    gatewayNodeOptions: process.env['BENCH_GATEWAY_NODE_OPTIONS'] ?? null,
    published: published.published,
    received: collected.received,
    gaps: collected.gaps,
    duplicates: collected.duplicates,
    clientsWithGaps: collected.clientsWithGaps,
    clientsWithDuplicates: collected.clientsWithDuplicates,
    maxGapsOneClient: collected.maxGaps,
    resets: collected.resets,
    attempts: collected.attempts,
    refusedConnects: collected.refusedConnects,
    badStatus: collected.badStatus,
    badStatusSample: collected.badStatusSample,
    machine: { busyCores: busy / windowSec, otherCores: Math.max(0, busy - ours) / windowSec, quietWaitSec: quiet.waitedSec, cores: availableParallelism() },
    verdict: `${pass ? 'PASS' : 'FAIL'}: ${collected.resumed}/${connected.opened} resumed${timeToAllResumedMs !== null ? ` in ${(timeToAllResumedMs / 1000).toFixed(2)} s (target ≤ ${STORM_TARGETS.allResumedWithinMs / 1000} s)` : ''}, ${collected.gaps} gaps, ${collected.duplicates} duplicates${collected.resets ? `, ${collected.resets} resets` : ''}${collected.badStatus ? `, ${collected.badStatus} answers other than 200` : ''}`,
  };
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `storm-${startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ result, options, targets: STORM_TARGETS }, null, 2)}\n`);
  return { result, file };
}

function oursCpu(pids: readonly number[]): number {
  return sample(pids).cpuSec;
}

export function renderStorm(r: StormResult): string {
  const ms = (v: number | null): string => (v === null ? '—' : `${Math.round(v).toLocaleString('en-US')} ms`);
  const rows: [string, string][] = [
    ['clients live before the restart', `${r.clients.opened.toLocaleString('en-US')} of ${r.clients.requested.toLocaleString('en-US')} (${r.gateways} gateway${r.gateways === 1 ? '' : 's'}, /sse/${r.stream}, ${r.sessions.toLocaleString('en-US')} session${r.sessions === 1 ? '' : 's'})`],
    ['first connect: server CPU per subscription', r.connectCpuMsPerSubscription === null ? '—' : `${r.connectCpuMsPerSubscription.toFixed(3)} ms`],
    ['restart', `${r.restart.signal}; old processes gone after ${ms(r.restart.stoppedAfterMs)}, new ones healthy after ${ms(r.restart.healthyAfterMs)}`],
    ['retry: sent (jittered)', `${r.retryMsSent.min}–${r.retryMsSent.max} ms`],
    ['time to all resumed (target ≤ 10 s)', `${ms(r.timeToAllResumedMs)}${r.allResumed ? '' : ` — only ${r.resumed} resumed`}`],
    ['resumed after restart: p50 / p90 / p99 / max', `${ms(r.resumeMs.p50Ms)} / ${ms(r.resumeMs.p90Ms)} / ${ms(r.resumeMs.p99Ms)} / ${ms(r.resumeMs.maxMs)}`],
    ['per client, drop → ready: p50 / p99 / max', `${ms(r.downMs.p50Ms)} / ${ms(r.downMs.p99Ms)} / ${ms(r.downMs.maxMs)}`],
    ['reconnect attempts · refused (gateway down)', `${r.attempts.toLocaleString('en-US')} · ${r.refusedConnects.toLocaleString('en-US')}`],
    ['server CPU per resumed client (boot apart)', `${r.resumeCpuMsPerClient === null ? '—' : `${r.resumeCpuMsPerClient.toFixed(3)} ms`} (boot ${r.gatewayBootCpuSec.toFixed(2)} CPU-s)`],
    ['SYNs dropped at a full listen queue (machine-wide)', `${r.listenDrops.toLocaleString('en-US')}${r.gatewayNodeOptions ? ` (gateways ran with NODE_OPTIONS=${r.gatewayNodeOptions})` : ''}`],
    ['storm clients · Redis CPU over the run', `${r.loadgenCpuSec.toFixed(2)} · ${r.redisCpuSec.toFixed(2)} CPU-s`],
    ['events published · received by all clients', `${r.published} · ${r.received.toLocaleString('en-US')}`],
    ['gaps · duplicates (target 0 · 0)', `${r.gaps} · ${r.duplicates} (clients with gaps ${r.clientsWithGaps}, with duplicates ${r.clientsWithDuplicates}, worst client ${r.maxGapsOneClient})`],
    ['resets · answers other than 200', `${r.resets} · ${r.badStatus}${r.badStatusSample.length ? ` (${r.badStatusSample.join(' | ')})` : ''}`],
    ['machine: busy cores · used by others', `${r.machine.busyCores.toFixed(2)} · ${r.machine.otherCores.toFixed(2)} of ${r.machine.cores}; load average at start ${r.loadAverageAtStart.join(' ')}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return ['', 'Reconnect storm', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), '', r.verdict].join('\n');
}
