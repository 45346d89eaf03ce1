/**
 * `npm run bench:alerts`: the copilot's crossing alerts (issue 14, "Benchmark"). Part A evaluates
 * 100k price alerts over 10k users against a seeded 6-symbol tick stream with the sorted
 * CrossingIndex and the LinearCrossingScan side by side, in process: µs and CPU per tick, fired per
 * tick, and a check that both fired the very same alerts. Part B runs the real stack (three
 * redis-server, journal seeded with the alerts, copilot, SSE gateway) once per evaluator and
 * measures publish → the owner's SSE `alerts` event. Prints the table, writes
 * bench/results/alerts-<iso>.json.
 */
import { cpus, loadavg, release, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForQuiet } from '../journal/measure.js';
import { alertPopulation } from './alert-population.js';
import { cpuPerTick, type CpuPerTickResult } from './cpu-per-tick.js';
import { expectedFires } from './latency/expected-fires.js';
import { midSession } from './latency/mid-session.js';
import { toastLatency, type LatencyResult } from './latency/toast-latency.js';
import { parseOptions, USAGE } from './options.js';
import { renderReport, writeResults, type AlertsRunMeta } from './report.js';
import { DEFAULT_GAP_EVERY, DEFAULT_TICK_SIGMA_BP, tickStream } from './tick-stream.js';

const RESULTS_DIR = fileURLToPath(new URL('../../results', import.meta.url));
const log = (line: string): void => void process.stderr.write(`${line}\n`);
/** Part B: a minute of the walk is played before measuring; what it fires is the session's history (see mid-session.ts). */
const EARLIER_TICKS = 3000;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const cpuList = cpus();
  const meta: AlertsRunMeta = {
    startedAt: new Date().toISOString(),
    host: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      kernel: release(),
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      loadAverage: loadavg(),
    },
  };

  let cpu: CpuPerTickResult | null = null;
  if (options.parts.includes('cpu')) {
    const population = alertPopulation(options.alerts, options.users, options.seed);
    const ticks = tickStream(options.warmupTicks + options.ticks, options.seed + 1);
    log(`part A: waiting up to ${options.quietWaitSec} s for a quiet machine…`);
    await waitForQuiet(options.quietWaitSec);
    cpu = cpuPerTick(population, ticks, options.warmupTicks, options.blockTicks, log);
  }

  let latency: LatencyResult | null = null;
  if (options.parts.includes('latency')) {
    const measured = Math.round(options.rate * options.durationSec);
    const walk = tickStream(EARLIER_TICKS + measured, options.seed + 1, DEFAULT_TICK_SIGMA_BP, options.gaps ? DEFAULT_GAP_EVERY : Number.POSITIVE_INFINITY);
    const session = midSession(options.alerts, options.users, options.seed, walk.slice(0, EARLIER_TICKS));
    const ticks = walk.slice(EARLIER_TICKS);
    const expected = expectedFires(session.active, ticks);
    log(`part B: ${expected.length.toLocaleString('en-US')} alerts will fire on ${ticks.length} ticks (${session.firedEarlier.length.toLocaleString('en-US')} fired earlier in the session)`);
    await waitForQuiet(options.quietWaitSec);
    latency = await toastLatency({ session, users: options.users, ticks, expected, rate: options.rate, watchUsers: options.watch, earlierTicks: EARLIER_TICKS, log }, options.evaluators);
  }

  process.stdout.write(`${renderReport(options, meta, cpu, latency)}\n`);
  const written = await writeResults(RESULTS_DIR, { meta, options, cpu, latency });
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), written)}\n`);
  if (cpu && !cpu.same) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:alerts failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
