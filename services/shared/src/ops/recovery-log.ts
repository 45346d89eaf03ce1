import type { Redis } from 'ioredis';
import { OPS_KEYS, parseOpsRecord, RECOVERY_LOG_LIMIT, recoveryActionSchema, recoveryStateSchema, type RecoveryAction, type RecoveryState } from './ops-records.js';

export const INITIAL_RECOVERY_STATE: RecoveryState = { attempts: 0, lastAttemptAt: null, failed: false, healthySince: null };

/** Newest first, trimmed in the same MULTI so the log never grows past its limit (one key: cluster-safe). */
export async function appendRecoveryAction(system: Redis, action: RecoveryAction, limit = RECOVERY_LOG_LIMIT): Promise<void> {
  await system
    .multi()
    .lpush(OPS_KEYS.recoveryLog, JSON.stringify(recoveryActionSchema.parse(action)))
    .ltrim(OPS_KEYS.recoveryLog, 0, limit - 1)
    .exec();
}

/** The newest `count` actions, newest first; records of another shape are skipped. */
export async function readRecoveryLog(system: Redis, count = 20): Promise<RecoveryAction[]> {
  const raw = await system.lrange(OPS_KEYS.recoveryLog, 0, Math.max(0, count - 1));
  return raw.flatMap((r) => {
    const action = parseOpsRecord(recoveryActionSchema, r);
    return action ? [action] : [];
  });
}

export async function readRecoveryStates(system: Redis): Promise<Map<string, RecoveryState>> {
  const raw = await system.hgetall(OPS_KEYS.recoveryState);
  const states = new Map<string, RecoveryState>();
  for (const [service, value] of Object.entries(raw)) {
    const state = parseOpsRecord(recoveryStateSchema, value);
    if (state) states.set(service, state);
  }
  return states;
}

export async function writeRecoveryState(system: Redis, service: string, state: RecoveryState): Promise<void> {
  await system.hset(OPS_KEYS.recoveryState, service, JSON.stringify(recoveryStateSchema.parse(state)));
}

/**
 * An operator's reset: the failed mark and the attempts go, so the watch may try again, and the
 * log says who cleared it. Returns false when the service had no recovery state at all.
 */
export async function resetRecoveryState(system: Redis, service: string, reason: string, now = Date.now()): Promise<boolean> {
  const existed = (await system.hexists(OPS_KEYS.recoveryState, service)) === 1;
  await writeRecoveryState(system, service, INITIAL_RECOVERY_STATE);
  await appendRecoveryAction(system, { ts: now, service, action: 'reset', reason, attempt: 0, ok: true });
  return existed;
}
