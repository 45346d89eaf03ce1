import { ageSec, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import { pickHeartbeat, type ServiceHealth } from '@marketswarm/shared/ops';
import type { WatchTarget } from './process-instances.js';

export interface HeartbeatCheck {
  state: ServiceHealth['checks']['heartbeat'];
  ageSec: number | null;
  /** The record this process wrote (its pid matches), for the port it serves on. */
  own: HeartbeatRecord | null;
}

/**
 * Judges this process's heartbeat (see pickHeartbeat): stale once older than the threshold, and
 * stale at once when written by a pid pm2 no longer runs for it (the writer is gone, whatever the
 * age). When several processes share a component, a record of another pid proves nothing about
 * this one, so without its own record there is no verdict.
 */
export function checkHeartbeat(target: WatchTarget, records: ReadonlyMap<string, HeartbeatRecord | null>, staleAfterSec: number, now: number): HeartbeatCheck {
  if (!target.component.heartbeat) return { state: 'none', ageSec: null, own: null };
  const pick = pickHeartbeat(target, records);
  if (pick.kind === 'missing') return { state: 'missing', ageSec: null, own: null };
  if (pick.kind === 'other' && pick.shared) return { state: 'none', ageSec: null, own: null };
  const { record } = pick;
  const stale = pick.kind === 'other' || now - record.ts > staleAfterSec * 1000;
  return { state: stale ? 'stale' : 'fresh', ageSec: ageSec(record.ts, now), own: pick.kind === 'own' ? record : null };
}
