import type { AdminHeartbeat, AdminServiceRow, ServicesView, WatchReportState } from '@marketswarm/shared/dto';
import { ageSec, heartbeatState, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import { healthReportView, type HealthReport, type RecoveryState } from '@marketswarm/shared/ops';

/** A component as the services view lists it: from truth, with whether it declares a heartbeat. */
export interface ServiceComponent {
  id: string;
  pm2: string | null;
  heartbeat: boolean;
}

/** Fresh while the watch keeps writing (the shared rule of `healthReportView`); its scores are shown only then. */
export function watchReportState(report: HealthReport | null, now: number): WatchReportState {
  if (!report) return 'absent';
  return healthReportView(report, now).fresh ? 'fresh' : 'stale';
}

export function heartbeatView(record: HeartbeatRecord | null, now: number): AdminHeartbeat {
  return {
    state: heartbeatState(record, now),
    ageSec: record ? ageSec(record.ts, now) : null,
    version: record?.version ?? null,
    pid: record?.pid ?? null,
    restartNeeded: record?.restartNeeded ?? [],
  };
}

/**
 * Every process component of truth joined with its heartbeat and the watch's last report. Scores
 * and statuses come from a fresh report only; a stale one still gives restarts and memory (marked
 * by `watch.state`), and services the watch reports beyond truth (extra gateway instances) are kept.
 * Whether the watch gave up comes from its recovery state itself, which the report only copies once
 * a cycle (never while the watch is stopped): an operator's reset shows at once.
 */
export function servicesView(
  components: readonly ServiceComponent[],
  heartbeats: ReadonlyMap<string, HeartbeatRecord | null>,
  report: HealthReport | null,
  now: number,
  recoveryStates: ReadonlyMap<string, RecoveryState> = new Map(),
): ServicesView {
  const state = watchReportState(report, now);
  const fresh = state === 'fresh';
  const reported = new Map((report?.services ?? []).map((s) => [s.id, s]));
  const ids = [...components.map((c) => c.id), ...[...reported.keys()].filter((id) => !components.some((c) => c.id === id))];
  const services = ids.map((id): AdminServiceRow => {
    const component = components.find((c) => c.id === id);
    const health = reported.get(id);
    const declaresHeartbeat = component ? component.heartbeat : health?.checks.heartbeat !== 'none';
    return {
      id,
      pm2: component?.pm2 ?? health?.pm2 ?? null,
      score: fresh && health ? health.score : null,
      status: fresh && health ? health.status : 'unknown',
      heartbeat: declaresHeartbeat ? heartbeatView(heartbeats.get(id) ?? null, now) : null,
      restarts: health?.process?.restarts ?? null,
      memoryBytes: health?.process?.memoryBytes ?? null,
      recovery: recoveryRow(recoveryStates.get(id)) ?? health?.recovery ?? null,
    };
  });
  return {
    watch: { state, ts: report?.ts ?? null, overall: fresh && report ? report.overall : null },
    services,
    redis: report?.redis ?? [],
  };
}

function recoveryRow(state: RecoveryState | undefined): AdminServiceRow['recovery'] | undefined {
  return state && { attempts: state.attempts, failed: state.failed, lastAttemptAt: state.lastAttemptAt };
}
