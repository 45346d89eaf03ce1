import type { HealthStatus, ServiceHealth } from '@marketswarm/shared/ops';
import type { ComponentKind } from '@marketswarm/shared/truth';

/** What one cycle saw of one process, before any judgement. */
export interface ServiceObservation {
  kind: ComponentKind;
  /** pm2's status of the process (null: pm2 does not run it). */
  processStatus: string | null;
  /** Every bus it uses answered (for a redis component: its own bus); null when it uses none. */
  redis: boolean | null;
  heartbeat: ServiceHealth['checks']['heartbeat'];
  http: boolean | null;
  /** The watch gave up on it. */
  failed: boolean;
}

export interface ServiceScore {
  score: number;
  status: HealthStatus;
  /** Why it is not healthy, for the recovery log (null when healthy). */
  problem: string | null;
}

/**
 * Weights of the checks: a process that runs matters most; the heartbeat and `/health` each prove it
 * is not hung; a dependency is worth least, since restarting this process would not fix it.
 */
const WEIGHTS = { process: 40, heartbeat: 25, http: 25, redis: 10 } as const;

/**
 * 0–100 = the weighted share of the checks that apply and pass. Status, worst first: failed (the
 * watch gave up), down (not running, hung or not answering), degraded (a Redis it needs is gone:
 * its own stale heartbeat follows from that and is not held against it), healthy.
 */
export function scoreService(o: ServiceObservation): ServiceScore {
  const ownRedis = o.kind === 'redis';
  const checks: Array<[weight: number, pass: boolean | null]> = [
    [WEIGHTS.process, o.processStatus === 'online'],
    [WEIGHTS.heartbeat, o.heartbeat === 'none' ? null : o.heartbeat === 'fresh'],
    [WEIGHTS.http, o.http],
    [ownRedis ? WEIGHTS.heartbeat + WEIGHTS.http : WEIGHTS.redis, o.redis],
  ];
  const applicable = checks.filter((c): c is [number, boolean] => c[1] !== null);
  const total = applicable.reduce((sum, [w]) => sum + w, 0);
  const passed = applicable.reduce((sum, [w, pass]) => sum + (pass ? w : 0), 0);
  const score = total === 0 ? 0 : Math.round((passed / total) * 100);

  const problem = problemOf(o, ownRedis);
  let status: HealthStatus = problem === null ? 'healthy' : 'down';
  if (problem !== null && !ownRedis && o.redis === false && o.processStatus === 'online') status = 'degraded';
  if (o.failed) status = 'failed';
  return { score, status, problem };
}

function problemOf(o: ServiceObservation, ownRedis: boolean): string | null {
  if (o.processStatus !== 'online') return o.processStatus === null ? 'pm2 does not run it' : `pm2 status ${o.processStatus}`;
  if (ownRedis && o.redis === false) return 'PING unanswered';
  if (!ownRedis && o.redis === false) return 'a Redis it uses is unreachable';
  if (o.heartbeat === 'stale' || o.heartbeat === 'missing') return `heartbeat ${o.heartbeat}`;
  if (o.http === false) return 'GET /health failed';
  return null;
}

const SEVERITY: Record<HealthStatus, number> = { healthy: 0, degraded: 1, down: 2, failed: 3 };

/** The stack's score is the mean of its processes'; its status is the worst of theirs. */
export function overallHealth(services: ReadonlyArray<Pick<ServiceScore, 'score' | 'status'>>): { score: number; status: HealthStatus } {
  if (services.length === 0) return { score: 0, status: 'down' };
  const score = Math.round(services.reduce((sum, s) => sum + s.score, 0) / services.length);
  const status = services.reduce<HealthStatus>((worst, s) => (SEVERITY[s.status] > SEVERITY[worst] ? s.status : worst), 'healthy');
  return { score, status };
}
