import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { componentPort } from '@marketswarm/shared/config';
import { busNames, type BusName } from '@marketswarm/shared/events';
import { readHeartbeats, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import {
  INITIAL_RECOVERY_STATE,
  readGatewayPresences,
  readRecoveryStates,
  readRedisHealth,
  readStreamLags,
  withTimeout,
  writeHealthReport,
  type HealthReport,
  type RecoveryAction,
  type RecoveryState,
  type RedisHealth,
  type ServiceHealth,
} from '@marketswarm/shared/ops';
import type { PublicTruth, WatchSettings } from '@marketswarm/shared/truth';
import { checkHeartbeat, type HeartbeatCheck } from './heartbeat-check.js';
import { overallHealth, scoreService, type ServiceObservation, type ServiceScore } from './health-score.js';
import { httpProbe } from './http-probe.js';
import type { Pm2Client } from './pm2-client.js';
import type { Pm2ProcessFacts } from './pm2-process.js';
import { watchTargets, type WatchTarget } from './process-instances.js';
import { RecoveryExecutor } from './recovery-executor.js';
import { decide, judge } from './recovery-policy.js';
import { busesOf } from './redis-buses.js';
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
 * the next one is scheduled when the previous one ends.
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

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
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
        const observation = await this.observe(target, beat, reachable, timeoutMs);
        let state = states?.get(target.id) ?? INITIAL_RECOVERY_STATE;
        let score = scoreService({ ...observation, failed: state.failed });
        if (states && processes) {
          const cycles = score.problem !== null ? (this.unhealthyCycles.get(target.id) ?? 0) + 1 : 0;
          this.unhealthyCycles.set(target.id, cycles);
          const verdict = judge({ ...observation, failed: state.failed }, score, this.settledSec(target, now), { ...settings.recovery, enabled: settings.enabled }, cycles);
          const decision = decide(state, verdict, now, { ...settings.recovery, enabled: settings.enabled });
          const action = await this.executor.apply(target, decision, now).catch((error: unknown) => {
            logger.warn({ service: target.id, err: (error as Error).message }, 'could not record a recovery decision');
            return null;
          });
          if (action) actions.push(action);
          if (decision.action === 'restart') this.unhealthyCycles.delete(target.id);
          state = decision.state;
          score = scoreService({ ...observation, failed: state.failed });
        }
        services.push(this.serviceHealth(target, observation, beat, score, state));
      }),
    );
    services.sort((a, b) => a.id.localeCompare(b.id));
    const report: HealthReport = { ts: now, intervalMs: settings.intervalMs, overall: overallHealth(services), services, redis };
    if (systemUp) await withTimeout(writeHealthReport(system, report), timeoutMs, 'health report').catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'could not write the health report'));
    this.updateGauges(services, redis);
    if (systemUp) await this.updateLagGauges(truth, now, timeoutMs);
    return { report, actions };
  }

  /** Seconds since pm2 started the process or a Redis it needs came back, whichever is later. */
  private settledSec(target: WatchTarget, now: number): number | null {
    const uptime = target.process?.uptimeSec ?? null;
    if (uptime === null) return null;
    const lastDown = Math.max(0, ...busesOf(target.component).map((bus) => this.busLastDown.get(bus) ?? 0));
    return lastDown === 0 ? uptime : Math.min(uptime, (now - lastDown) / 1000);
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

  private async observe(target: WatchTarget, beat: HeartbeatCheck, reachable: ReadonlyMap<string, boolean>, timeoutMs: number): Promise<Omit<ServiceObservation, 'failed'>> {
    const { component } = target;
    const buses = busesOf(component);
    const online = target.process?.status === 'online';
    const servesHttp = component.listen !== undefined && component.meta.kind !== 'redis' && component.meta.kind !== 'proxy';
    let http: boolean | null = null;
    if (servesHttp) {
      // A second instance listens where its own heartbeat says; the first where truth says.
      const port = beat.own?.port ?? (target.pm2Name === component.meta.pm2 ? componentPort(component, this.deps.env) : undefined);
      const host = !component.listen || component.listen.host === '0.0.0.0' ? '127.0.0.1' : component.listen.host;
      http = port === undefined || port === null ? null : online ? await httpProbe(`http://${host}:${port}/health`, timeoutMs) : false;
    }
    return {
      kind: component.meta.kind,
      processStatus: target.process?.status ?? null,
      redis: buses.length === 0 ? null : buses.every((bus) => reachable.get(bus) === true),
      heartbeat: beat.state,
      http,
    };
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

  private updateGauges(services: readonly ServiceHealth[], redis: readonly RedisHealth[]): void {
    const m = this.deps.metrics;
    for (const gauge of [m.serviceScore, m.heartbeatAge, m.processMemory, m.redisUp, m.redisMemory]) gauge.reset();
    for (const s of services) {
      m.serviceScore.set({ service: s.id }, s.score);
      if (s.checks.heartbeatAgeSec !== null) m.heartbeatAge.set({ service: s.id }, s.checks.heartbeatAgeSec);
      if (s.process?.memoryBytes != null) m.processMemory.set({ service: s.id }, s.process.memoryBytes);
    }
    for (const r of redis) {
      m.redisUp.set({ bus: r.bus }, r.reachable ? 1 : 0);
      if (r.usedMemoryBytes !== null) m.redisMemory.set({ bus: r.bus }, r.usedMemoryBytes);
    }
  }

  private async updateLagGauges(truth: PublicTruth, now: number, timeoutMs: number): Promise<void> {
    try {
      const gateways = await withTimeout(readGatewayPresences(this.deps.redisFor('system'), now), timeoutMs, 'gateway presences');
      const lags = await readStreamLags(this.deps.redisFor, truth, { now, timeoutMs, gateways });
      this.deps.metrics.streamLag.reset();
      for (const view of lags) {
        for (const g of view.gateways) if (g.lagMs !== null) this.deps.metrics.streamLag.set({ stream: view.stream, gateway: g.instance }, g.lagMs / 1000);
      }
    } catch (error) {
      this.deps.logger.debug({ err: (error as Error).message }, 'stream lag not measured this cycle');
    }
  }
}
