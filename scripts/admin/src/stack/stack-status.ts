import type { Redis } from 'ioredis';
import { ageSec, heartbeatState, readHeartbeats, type HeartbeatRecord, type HeartbeatState } from '@marketswarm/shared/heartbeat';
import { pickHeartbeat, processInstances, type HealthReport, type HealthStatus } from '@marketswarm/shared/ops';
import { TRUTH_KEYS, type PublicTruth } from '@marketswarm/shared/truth';
import type { Pm2Process } from '../pm2/pm2-cli.js';

export interface ComponentStatus {
  id: string;
  pm2: string | null;
  process: string;
  pid: number | null;
  restarts: number;
  heartbeat: HeartbeatState | 'none';
  heartbeatAgeSec: number | null;
  version: string | null;
  /** Loaded settings the process runs without until it restarts (from its heartbeat). */
  restartNeeded: string[];
  /** Resident memory as pm2 reports it (null: not running). */
  memoryBytes: number | null;
  /** The watch's score and status of this process (null: no fresh watch report names it). */
  score: number | null;
  watchStatus: HealthStatus | null;
}

export interface StackStatus {
  truth: { loaded: string | null; loadedAt: string | null; files: string | null; matches: boolean };
  components: ComponentStatus[];
  healthy: boolean;
}

/**
 * Joins pm2's view with the heartbeats, picking each process's record as the watch does
 * (pickHeartbeat). A heartbeat written by a pid that pm2 no longer runs is stale at once: the
 * process that wrote it is gone, whatever its age. When several processes run one component, a
 * record of another instance's pid gives this one no verdict. A pending restart is a
 * warning, not a failure: the process runs, with the settings it booted with. The watch's scores
 * are shown when its report is given (and fresh), but health stays pm2's and the heartbeats' verdict.
 */
export async function collectStatus(
  truth: PublicTruth,
  filesVersion: string | null,
  system: Redis | null,
  processes: readonly Pm2Process[],
  now = Date.now(),
  watchReport: HealthReport | null = null,
): Promise<StackStatus> {
  const instances = Object.values(truth.components).flatMap((component) => processInstances(component, processes));
  const beatIds = instances.flatMap((i) => (i.component.heartbeat ? i.heartbeatIds : []));
  // One GET per key: on a Redis Cluster these keys live in different slots, where MGET may not span them.
  const [loaded, loadedTs, records] = system
    ? await Promise.all([system.get(TRUTH_KEYS.version), system.get(TRUTH_KEYS.ts), readHeartbeats(system, beatIds)])
    : [null, null, new Map<string, HeartbeatRecord | null>()];
  const rows = instances.map((instance): ComponentStatus => {
    const { component, id, pm2Name: name, process: proc } = instance;
    const pick = component.heartbeat ? pickHeartbeat(instance, records) : null;
    // Another instance's record says nothing of this one; a gone pid's record means it has not beaten since.
    const record = pick && pick.kind !== 'missing' && !(pick.kind === 'other' && pick.shared) ? pick.record : null;
    let heartbeat: ComponentStatus['heartbeat'] = !pick || (pick.kind === 'other' && pick.shared) ? 'none' : heartbeatState(record, now);
    if (heartbeat === 'fresh' && pick?.kind === 'other') heartbeat = 'stale';
    const scored = watchReport?.services.find((s) => s.id === id);
    return {
      id,
      pm2: name,
      process: proc?.status ?? 'not started',
      pid: proc?.pid ?? null,
      restarts: proc?.restarts ?? 0,
      heartbeat,
      heartbeatAgeSec: record ? ageSec(record.ts, now) : null,
      version: record?.version ?? null,
      restartNeeded: heartbeat === 'fresh' ? (record?.restartNeeded ?? []) : [],
      memoryBytes: proc?.status === 'online' ? (proc.memoryBytes ?? null) : null,
      score: scored?.score ?? null,
      watchStatus: scored?.status ?? null,
    };
  });
  const healthy =
    system !== null &&
    loaded !== null &&
    rows.every((r) => r.process === 'online' && (r.heartbeat === 'fresh' || r.heartbeat === 'none'));
  return {
    truth: {
      loaded: loaded ?? null,
      loadedAt: loadedTs ? new Date(Number(loadedTs)).toISOString() : null,
      files: filesVersion,
      matches: loaded !== null && loaded === filesVersion,
    },
    components: rows,
    healthy,
  };
}
