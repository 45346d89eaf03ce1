import type { Redis } from 'ioredis';
import { heartbeatKey, heartbeatState, parseHeartbeat, type HeartbeatRecord, type HeartbeatState } from '@marketswarm/shared/heartbeat';
import type { HealthReport, HealthStatus } from '@marketswarm/shared/ops';
import { TRUTH_KEYS, type Component, type PublicTruth } from '@marketswarm/shared/truth';
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

/** The process rows of one component: its pm2 name, plus extra instances `<name>-<n>` (a second gateway). */
function instancesOf(component: Component, processes: readonly Pm2Process[]): Array<{ id: string; name: string | null; proc: Pm2Process | undefined }> {
  const name = component.meta.pm2;
  if (!name) return [{ id: component.id, name: null, proc: undefined }];
  const extra = processes.filter((p) => p.name.startsWith(`${name}-`) && /^\d+$/.test(p.name.slice(name.length + 1))).sort((a, b) => a.name.localeCompare(b.name));
  return [
    { id: component.id, name, proc: processes.find((p) => p.name === name) },
    ...extra.map((p) => ({ id: component.id + p.name.slice(name.length), name: p.name, proc: p })),
  ];
}

/**
 * Joins pm2's view with the heartbeats. A heartbeat written by a pid that pm2 no longer runs is
 * stale at once: the process that wrote it is gone, whatever its age. A pending restart is a
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
  const instances = Object.values(truth.components).flatMap((component) => instancesOf(component, processes).map((instance) => ({ component, ...instance })));
  const beatIds = [...new Set(instances.flatMap((i) => (i.component.heartbeat ? [i.component.id, i.id] : [])))];
  const [loaded, loadedTs, ...beats] = system
    ? // One GET per key: on a Redis Cluster these keys live in different slots, where MGET may not span them.
      await Promise.all([TRUTH_KEYS.version, TRUTH_KEYS.ts, ...beatIds.map((id) => heartbeatKey(id))].map((key) => system.get(key)))
    : [null, null, ...beatIds.map(() => null)];
  const records = new Map<string, HeartbeatRecord | null>(beatIds.map((id, i) => [id, parseHeartbeat(beats[i] ?? null)]));
  const rows = instances.map(({ component, id, name, proc }): ComponentStatus => {
    // Each instance's own key first, then the component's; the record its pid wrote wins.
    const candidates = [...new Set([id, component.id])].flatMap((key) => {
      const record = records.get(key);
      return record ? [record] : [];
    });
    const record = component.heartbeat ? (candidates.find((r) => proc?.pid === r.pid) ?? candidates[0] ?? null) : null;
    let heartbeat: ComponentStatus['heartbeat'] = component.heartbeat ? heartbeatState(record, now) : 'none';
    if (heartbeat === 'fresh' && record && proc?.pid !== record.pid) heartbeat = 'stale';
    const scored = watchReport?.services.find((s) => s.id === id);
    return {
      id,
      pm2: name,
      process: proc?.status ?? 'not started',
      pid: proc?.pid ?? null,
      restarts: proc?.restarts ?? 0,
      heartbeat,
      heartbeatAgeSec: record ? Math.max(0, Math.round((now - record.ts) / 100) / 10) : null,
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
