import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { busNames, type BusName } from '@marketswarm/shared/events';
import { readHeartbeats, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import {
  INITIAL_RECOVERY_STATE,
  readRecoveryStates,
  readRedisHealth,
  withTimeout,
  writeHealthReport,
  type HealthReport,
  type RecoveryAction,
  type RecoveryState,
  type ServiceHealth,
} from '@marketswarm/shared/ops';
import type { PublicTruth, WatchSettings } from '@marketswarm/shared/truth';
import { checkHeartbeat, type HeartbeatCheck } from './heartbeat-check.js';
import { overallHealth, scoreService, type ServiceObservation, type ServiceScore } from './health-score.js';
import { observeTarget } from './observe-target.js';
import type { Pm2Client } from './pm2-client.js';
import type { Pm2ProcessFacts } from './pm2-process.js';
import { watchTargets, type WatchTarget } from './process-instances.js';
import { RecoveryExecutor } from './recovery-executor.js';
import { decide, judge } from './recovery-policy.js';
import { settledSec } from './settled-time.js';
import { updateHealthGauges, updateLagGauges } from './watch-gauges.js';
import type { WatchMetrics } from './watch-metrics.js';

export interface HealthWatchDeps {
  truth: () => PublicTruth;
  /** Read every cycle: the watch's settings are all live. */
  settings: () => WatchSettings;
  redisFor: (bus: BusName) => Redis;
  pm2: Pm2Client;
  metrics: WatchMetrics;
  logger: Logger;
  /** The watch's own component id: it never scores or restarts itself. */
  selfId: string;
  /** For the MS_*_PORT overrides the stack's processes listen on. */
  env: Readonly<Record<string, string | undefined>>;
  now?: () => number;
}

/** One cycle's result: the report written to `ops:health` and the actions taken. */
export interface CycleResult {
  report: HealthReport;
  actions: RecoveryAction[];
}

/**
 * Each cycle: pm2's processes, each Redis, the heartbeats, every `/health` → a score per process,
 * the recovery policy per process, the report in system Redis and the gauges. Cycles never overlap:
 * the next one is scheduled when the previous one ends; a restart does not hold one up.
 */
export class HealthWatch {
  private readonly executor: RecoveryExecutor;
  private readonly unhealthyCycles = new Map<string, number>();
  /** When each bus was last seen unreachable: its clients get the grace period to reconnect. */
  private readonly busLastDown = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private lastPm2Error = '';

  constructor(private readonly deps: HealthWatchDeps) {
    this.executor = new RecoveryExecutor(deps.redisFor('system'), deps.pm2, deps.metrics, deps.logger);
  }

  /** The first cycle after `firstDelayMs`: connections get a moment to open. */
  start(firstDelayMs = 0): void {
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  /** Stops the cycles; a restart pm2 is still doing is left to finish on its own. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Settles once every restart asked of pm2 so far has finished or failed. */
  restartsSettled(): Promise<void> {
    return this.executor.settled();
  }

  async cycle(): Promise<CycleResult> {
    const settings = this.deps.settings();
    const { logger } = this.deps;
    const now = this.deps.now?.() ?? Date.now();
    const truth = this.deps.truth();
    const timeoutMs = settings.httpTimeoutMs;
    const system = this.deps.redisFor('system');

    const processes = await this.listProcesses();
    const targets = watchTargets(truth, processes ?? [], this.deps.selfId);
    const redis = await Promise.all(busNames.map((bus) => readRedisHealth(bus, this.deps.redisFor(bus), timeoutMs)));
    const reachable = new Map<string, boolean>(redis.map((r) => [r.bus, r.reachable]));
    for (const r of redis) if (!r.reachable) this.busLastDown.set(r.bus, now);
    const systemUp = reachable.get('system') === true;
    const records = systemUp ? await this.readHeartbeats(system, targets, timeoutMs) : new Map<string, HeartbeatRecord | null>();
    // Without system Redis nothing can be recorded, so nothing is decided: the report still says why.
    const states = systemUp ? await withTimeout(readRecoveryStates(system), timeoutMs, 'recovery state').catch(() => null) : null;

    const services: ServiceHealth[] = [];
    const actions: RecoveryAction[] = [];
    await Promise.all(
      targets.map(async (target) => {
        const beat = checkHeartbeat(target, records, settings.staleAfterSecByService[target.id] ?? settings.staleAfterSecByService[target.component.id] ?? settings.staleAfterSec, now);
        const observation = await observeTarget(target, beat, reachable, timeoutMs, this.deps.env);
        let state = states?.get(target.id) ?? INITIAL_RECOVERY_STATE;
        if (states && processes && !this.executor.isRestarting(target.id)) {
          const { action, next } = await this.recover(target, observation, state, now, settings);
          if (action) actions.push(action);
          state = next;
        }
        services.push(this.serviceHealth(target, observation, beat, scoreService({ ...observation, failed: state.failed }), state));
      }),
    );
    services.sort((a, b) => a.id.localeCompare(b.id));
    const report: HealthReport = { ts: now, intervalMs: settings.intervalMs, overall: overallHealth(services), services, redis };
    if (systemUp) await withTimeout(writeHealthReport(system, report), timeoutMs, 'health report').catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'could not write the health report'));
    updateHealthGauges(this.deps.metrics, services, redis);
    if (systemUp) await updateLagGauges(this.deps.metrics, this.deps.redisFor, truth, now, timeoutMs, logger);
    return { report, actions };
  }

  /** The recovery policy's step for one target, carried out; the state it leaves. */
  private async recover(
    target: WatchTarget,
    observation: Omit<ServiceObservation, 'failed'>,
    state: RecoveryState,
    now: number,
    settings: WatchSettings,
  ): Promise<{ action: RecoveryAction | null; next: RecoveryState }> {
    const policy = { ...settings.recovery, enabled: settings.enabled };
    const score = scoreService({ ...observation, failed: state.failed });
    const cycles = score.problem !== null ? (this.unhealthyCycles.get(target.id) ?? 0) + 1 : 0;
    this.unhealthyCycles.set(target.id, cycles);
    const verdict = judge({ ...observation, failed: state.failed }, score, settledSec(target, this.busLastDown, now), policy, cycles);
    const decision = decide(state, verdict, now, policy);
    if (decision.action === 'restart') this.unhealthyCycles.delete(target.id);
    const action = await this.executor.apply(target, decision, now).catch((error: unknown) => {
      this.deps.logger.warn({ service: target.id, err: (error as Error).message }, 'could not record a recovery decision');
      return null;
    });
    return { action, next: decision.state };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.cycle()
        .then(() => this.deps.metrics.cycles.inc({ outcome: 'ok' }))
        .catch((error: unknown) => {
          this.deps.metrics.cycles.inc({ outcome: 'error' });
          this.deps.logger.error({ err: (error as Error).message }, 'health cycle failed');
        })
        .finally(() => this.schedule(this.deps.settings().intervalMs));
    }, delayMs);
  }

  private async listProcesses(): Promise<Pm2ProcessFacts[] | null> {
    try {
      const list = await this.deps.pm2.list();
      this.lastPm2Error = '';
      return list;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastPm2Error) this.deps.logger.warn({ err: message }, 'cannot list pm2 processes: scoring without them, restarting nothing');
      this.lastPm2Error = message;
      return null;
    }
  }

  private async readHeartbeats(system: Redis, targets: readonly WatchTarget[], timeoutMs: number): Promise<Map<string, HeartbeatRecord | null>> {
    const ids = targets.flatMap((t) => t.heartbeatIds);
    return withTimeout(readHeartbeats(system, ids), timeoutMs, 'heartbeats').catch(() => new Map<string, HeartbeatRecord | null>());
  }

  private serviceHealth(target: WatchTarget, o: Omit<ServiceObservation, 'failed'>, beat: HeartbeatCheck, score: ServiceScore, state: RecoveryState): ServiceHealth {
    const p = target.process;
    return {
      id: target.id,
      pm2: target.pm2Name,
      score: score.score,
      status: score.status,
      checks: { redis: o.redis, heartbeat: o.heartbeat, heartbeatAgeSec: beat.ageSec, http: o.http },
      process: p
        ? { status: p.status, pid: p.pid, restarts: p.restarts, memoryBytes: p.memoryBytes, cpuPct: p.cpuPct, uptimeSec: p.uptimeSec === null ? null : Math.round(p.uptimeSec) }
        : null,
      recovery: { attempts: state.attempts, failed: state.failed, lastAttemptAt: state.lastAttemptAt },
    };
  }
}
