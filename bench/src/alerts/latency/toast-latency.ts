import type { CrossingEntry } from '@marketswarm/copilot/dist/alerts/index/crossing-index.js';
import { publishEvents } from '@marketswarm/shared/bus';
import { cpuSeconds } from '../../fanout/proc-stats.js';
import { summariseLatency, type LatencySummary } from '../../fanout/stats.js';
import { benchId } from '../../journal/random.js';
import type { EvaluatorName } from '../cpu-per-tick.js';
import { BENCH_SYMBOLS } from '../market.js';
import type { Tick } from '../tick-stream.js';
import { createAccounts, metricValue, startBenchStack, startCopilot, startGateway, startJournal, type BenchStack } from './bench-stack.js';
import type { ExpectedFire } from './expected-fires.js';
import type { MidSession } from './mid-session.js';
import { seedJournalAlerts } from './seed-journal.js';
import { openAlertClients, type FiredReceipt } from './sse-alert-clients.js';

export interface LatencyRun {
  evaluator: EvaluatorName;
  ticks: number;
  /** Ticks that crossed at least one alert, and the most alerts one tick crossed (all users). */
  crossingTicks: number;
  largestBurst: number;
  /** How long the journal took to answer one batch hit request, mean ms, as the copilot waited (`ms_copilot_alerts_journal_call_seconds{call="hits"}`). */
  journalBatchMs: number | null;
  /** Hits per batch request, mean (`ms_copilot_alerts_journal_batch_hits`). */
  hitsPerBatch: number | null;
  /** Alerts of the watched users that had to fire, what their SSE clients received, and the difference. */
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  /** Events for an alert that should not have fired yet or at all, or delivered to someone else. */
  strays: number;
  /** publish of the crossing tick → the owner's SSE client read the `alerts` event, every watched fire. */
  latency: LatencySummary;
  /** The same, only for alerts crossed by ordinary ticks, and only for those crossed by a gap. */
  ordinary: LatencySummary;
  gaps: LatencySummary;
  /** Every user's hits the copilot says it published (`ms_copilot_alerts_fired_total{kind="price"}`) against all expected. */
  publishedAll: number | null;
  expectedAll: number;
  /** The copilot's CPU from the first tick to the last receipt, % of one core. */
  copilotCpuPercent: number | null;
  /** First tick published → last event received (the engine's backlog drained), seconds. */
  drainSec: number;
  loadSec: number;
}

export interface LatencyResult {
  description: string;
  runs: LatencyRun[];
  notes: string[];
}

export interface LatencyPlan {
  session: MidSession;
  earlierTicks: number;
  users: number;
  ticks: readonly Tick[];
  expected: readonly ExpectedFire[];
  rate: number;
  /** Users with an SSE client: owners of alerts that fire, spread over the population. */
  watchUsers: number;
  log(line: string): void;
}

const journalAlertId = (alert: CrossingEntry): string => benchId(1, Number(alert.id.slice(alert.id.indexOf('-') + 1)));
const userIndex = (userId: string): number => Number(userId.slice(userId.indexOf('-') + 1));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Owners of alerts that fire during the run, every k-th by user number, at most `count`. */
function watchedUsers(expected: readonly ExpectedFire[], count: number): string[] {
  const owners = [...new Set(expected.map((fire) => fire.alert.userId))].sort((a, b) => userIndex(a) - userIndex(b));
  if (owners.length <= count) return owners;
  const step = owners.length / count;
  return Array.from({ length: count }, (_, n) => owners[Math.floor(n * step)]!);
}

async function waitForLoaded(copilotUrl: string, count: number, timeoutMs: number, output: () => string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const loaded = await metricValue(copilotUrl, 'ms_copilot_alerts_loaded', 'kind="price"').catch(() => null);
    if (loaded === count) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`the copilot holds ${loaded ?? 'no'} of ${count} price alerts after ${timeoutMs / 1000} s; its output:\n${output().slice(-3000)}`);
    await sleep(250);
  }
}

/**
 * One evaluator through the real path: fresh Redis trio, the journal on a SQLite file seeded with
 * every alert, the SSE gateway, and the copilot with `MS_COPILOT_ALERT_INDEX=<evaluator>`. Once the
 * copilot holds every alert and the watched users' `/sse/alerts` streams are ready, the ticks are
 * appended to the spot stream with `publishEvents` at the rate, each stamped with its publish time;
 * every `fired` event read by an owner's client is matched to the tick that crossed its alert.
 */
async function runOne(evaluator: EvaluatorName, plan: LatencyPlan, watched: readonly string[]): Promise<LatencyRun> {
  const log = (line: string): void => plan.log(line);
  const { active, firedEarlier, prices } = plan.session;
  const stack: BenchStack = await startBenchStack();
  try {
    log(`part B (${evaluator}): accounts for ${watched.length} watched users, seeding ${(active.length + firedEarlier.length).toLocaleString('en-US')} alerts…`);
    const accounts = await createAccounts(stack.system, watched.length, evaluator);
    const accountOf = new Map(watched.map((userId, n) => [userId, accounts[n]!]));
    const ownerOf = (alert: CrossingEntry): string => accountOf.get(alert.userId)?.userId ?? benchId(2, userIndex(alert.userId));
    await seedJournalAlerts(stack.journalFile, active, firedEarlier, journalAlertId, ownerOf);
    // The prices where the session stands, in the spot snapshot: the engine starts from them.
    await publishEvents(
      stack.market,
      stack.spotRoute,
      BENCH_SYMBOLS.map((s) => ({ topic: 'spot' as const, type: 'tick', ts: Date.now(), data: { symbol: s.symbol, price: prices.get(s.symbol) ?? s.price } })),
    );
    const journal = await startJournal(stack);
    const gateway = await startGateway(stack);
    const copilot = await startCopilot(stack, journal.url, evaluator);
    log(`part B (${evaluator}): waiting for the copilot to load every alert…`);
    const loadSec = await waitForLoaded(copilot.url, active.length, 90_000, () => copilot.output());

    const fireOf = new Map(plan.expected.map((fire) => [journalAlertId(fire.alert), fire]));
    const watchedSet = new Set(watched);
    const expectedWatched = plan.expected.filter((fire) => watchedSet.has(fire.alert.userId));
    const publishedAt = new Float64Array(plan.ticks.length).fill(Number.NaN);
    const seen = new Set<string>();
    const samples: number[] = [];
    const ordinary: number[] = [];
    const gaps: number[] = [];
    let duplicates = 0;
    let strays = 0;
    let lastReceipt = performance.now();
    const onFired = (receipt: FiredReceipt): void => {
      lastReceipt = receipt.receivedAt;
      const fire = fireOf.get(receipt.alertId);
      // receipt.userId is the population's user the connection signed in as (its account is accountOf's).
      if (!fire || fire.alert.userId !== receipt.userId || Number.isNaN(publishedAt[fire.tick]!)) {
        strays++;
        return;
      }
      if (seen.has(receipt.alertId)) {
        duplicates++;
        return;
      }
      seen.add(receipt.alertId);
      const ms = receipt.receivedAt - publishedAt[fire.tick]!;
      samples.push(ms);
      (plan.ticks[fire.tick]!.gap ? gaps : ordinary).push(ms);
    };
    log(`part B (${evaluator}): opening ${watched.length} SSE clients…`);
    const clients = await openAlertClients(gateway.url, watched.map((userId) => ({ userId, cookie: accountOf.get(userId)!.cookie })), onFired);
    try {
      log(`part B (${evaluator}): publishing ${plan.ticks.length} ticks at ${plan.rate}/s…`);
      const cpu0 = cpuSeconds(copilot.child.pid ?? 0);
      const start = performance.now();
      for (let n = 0; n < plan.ticks.length; n++) {
        const due = start + (n * 1000) / plan.rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const tick = plan.ticks[n]!;
        publishedAt[n] = performance.now();
        await publishEvents(stack.market, stack.spotRoute, [{ topic: 'spot', type: 'tick', ts: Date.now(), data: { symbol: tick.symbol, price: tick.price } }]);
      }
      // The engine may still be working through a gap's burst: wait until every watched fire
      // arrived, or nothing has arrived for 15 s.
      while (seen.size < expectedWatched.length && performance.now() - lastReceipt < 15_000) await sleep(200);
      const end = Math.max(lastReceipt, performance.now() - 15_000 * Number(seen.size < expectedWatched.length));
      const cpuUsed = cpuSeconds(copilot.child.pid ?? 0) - cpu0;
      const publishedAll = await metricValue(copilot.url, 'ms_copilot_alerts_fired_total', 'kind="price"').catch(() => null);
      const batchSeconds = await metricValue(copilot.url, 'ms_copilot_alerts_journal_call_seconds_sum', 'call="hits"').catch(() => null);
      const batchCount = await metricValue(copilot.url, 'ms_copilot_alerts_journal_call_seconds_count', 'call="hits"').catch(() => null);
      const batchHits = await metricValue(copilot.url, 'ms_copilot_alerts_journal_batch_hits_sum', '').catch(() => null);
      const perTick = new Map<number, number>();
      for (const fire of plan.expected) perTick.set(fire.tick, (perTick.get(fire.tick) ?? 0) + 1);
      if (clients.problems.length > 0) log(`part B (${evaluator}): ${clients.problems.length} SSE problems, e.g. ${clients.problems[0]}`);
      return {
        evaluator,
        ticks: plan.ticks.length,
        crossingTicks: perTick.size,
        largestBurst: Math.max(0, ...perTick.values()),
        journalBatchMs: batchSeconds !== null && batchCount ? Math.round((batchSeconds / batchCount) * 10_000) / 10 : null,
        hitsPerBatch: batchHits !== null && batchCount ? Math.round((batchHits / batchCount) * 10) / 10 : null,
        expected: expectedWatched.length,
        received: seen.size,
        missing: expectedWatched.length - seen.size,
        duplicates,
        strays: strays + clients.problems.length,
        latency: summariseLatency(samples),
        ordinary: summariseLatency(ordinary),
        gaps: summariseLatency(gaps),
        publishedAll,
        expectedAll: plan.expected.length,
        copilotCpuPercent: Math.round((cpuUsed / Math.max((end - start) / 1000, 1e-9)) * 1000) / 10,
        drainSec: Math.round(end - start) / 1000,
        loadSec: Math.round(loadSec * 10) / 10,
      };
    } finally {
      clients.close();
    }
  } finally {
    await stack.stop();
  }
}

export async function toastLatency(plan: LatencyPlan, evaluators: readonly EvaluatorName[]): Promise<LatencyResult> {
  const { session } = plan;
  const watched = watchedUsers(plan.expected, plan.watchUsers);
  const runs: LatencyRun[] = [];
  for (const evaluator of evaluators) runs.push(await runOne(evaluator, plan, watched));
  const gapTicks = plan.ticks.filter((tick) => tick.gap).length;
  return {
    description:
      `${session.active.length.toLocaleString('en-US')} enabled alerts (behaviour once) over ${plan.users.toLocaleString('en-US')} users in the journal's SQLite, beside ${session.firedEarlier.length.toLocaleString('en-US')} ` +
      `fired by the session's first ${plan.earlierTicks} ticks; ${plan.ticks.length} spot ticks at ${plan.rate}/s (${gapTicks} gaps) appended with publishEvents; ` +
      `${watched.length} owners of firing alerts hold /sse/alerts through the gateway; a fresh stack per evaluator`,
    runs,
    notes: [
      'latency = the crossing tick\'s publish (before XADD) → its owner\'s client read the `alerts` event: stream read, evaluation, outbox, the journal\'s hit (HTTP + SQLite), publish, gateway fan-out.',
      gapTicks > 0
        ? 'a gap fires hundreds or thousands of alerts in one tick; the copilot reports them in batch requests of up to 200 (16 in flight) and the journal records each batch in one transaction, so "gap" shows that backlog and "ordinary" the ticks around it.'
        : 'no gaps in this walk (--gaps keeps them): each one fires thousands of alerts at once.',
    ],
  };
}
