import type { Redis } from 'ioredis';
import { heartbeatKey, heartbeatState, parseHeartbeat, type HeartbeatState } from '@marketswarm/shared/heartbeat';
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
}

export interface StackStatus {
  truth: { loaded: string | null; loadedAt: string | null; files: string | null; matches: boolean };
  components: ComponentStatus[];
  healthy: boolean;
}

/**
 * Joins pm2's view with the heartbeats. A heartbeat written by a pid that pm2 no longer runs is
 * stale at once: the process that wrote it is gone, whatever its age. A pending restart is a
 * warning, not a failure: the process runs, with the settings it booted with.
 */
export async function collectStatus(truth: PublicTruth, filesVersion: string | null, system: Redis | null, processes: readonly Pm2Process[], now = Date.now()): Promise<StackStatus> {
  const components = Object.values(truth.components);
  const [loaded, loadedTs, ...beats] = system
    ? await system.mget(TRUTH_KEYS.version, TRUTH_KEYS.ts, ...components.map((c) => heartbeatKey(c.id)))
    : [null, null, ...components.map(() => null)];
  const rows = components.map((component, i): ComponentStatus => {
    const proc = processes.find((p) => p.name === component.meta.pm2);
    const record = component.heartbeat ? parseHeartbeat(beats[i] ?? null) : null;
    let heartbeat: ComponentStatus['heartbeat'] = component.heartbeat ? heartbeatState(record, now) : 'none';
    if (heartbeat === 'fresh' && record && proc?.pid !== record.pid) heartbeat = 'stale';
    return {
      id: component.id,
      pm2: component.meta.pm2 ?? null,
      process: proc?.status ?? 'not started',
      pid: proc?.pid ?? null,
      restarts: proc?.restarts ?? 0,
      heartbeat,
      heartbeatAgeSec: record ? Math.max(0, Math.round((now - record.ts) / 100) / 10) : null,
      version: record?.version ?? null,
      restartNeeded: heartbeat === 'fresh' ? (record?.restartNeeded ?? []) : [],
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
