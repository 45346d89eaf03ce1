import type { HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import type { ServiceHealth } from '@marketswarm/shared/ops';
import type { WatchTarget } from './process-instances.js';

export interface HeartbeatCheck {
  state: ServiceHealth['checks']['heartbeat'];
  ageSec: number | null;
  /** The record this process wrote (its pid matches), for the port it serves on. */
  own: HeartbeatRecord | null;
}

/**
 * Picks this process's heartbeat among the records it may have written and judges it: stale once
 * older than the threshold, and stale at once when written by a pid pm2 no longer runs for it (the
 * writer is gone, whatever the age). When several processes share a component, a record of
 * another pid proves nothing about this one, so without its own record there is no verdict.
 */
export function checkHeartbeat(target: WatchTarget, records: ReadonlyMap<string, HeartbeatRecord | null>, staleAfterSec: number, now: number): HeartbeatCheck {
  if (!target.component.heartbeat) return { state: 'none', ageSec: null, own: null };
  const candidates = target.heartbeatIds.flatMap((id) => {
    const record = records.get(id);
    return record ? [record] : [];
  });
  const pid = target.process?.pid ?? null;
  const own = pid === null ? null : (candidates.find((r) => r.pid === pid) ?? null);
  const record = own ?? (target.shared ? null : (candidates[0] ?? null));
  if (!record) return { state: target.shared && candidates.length > 0 ? 'none' : 'missing', ageSec: null, own: null };
  const ageSec = Math.max(0, Math.round((now - record.ts) / 100) / 10);
  const stale = now - record.ts > staleAfterSec * 1000 || record.pid !== pid;
  return { state: stale ? 'stale' : 'fresh', ageSec, own };
}
