import type { RecoveryAction, RecoveryState } from '@marketswarm/shared/ops';
import type { RecoverySettings } from '@marketswarm/shared/truth';
import type { ServiceObservation, ServiceScore } from './health-score.js';

/** The policy's reading of one cycle: healthy, unhealthy in a way a restart can fix, or not to be judged. */
export type Verdict = { kind: 'healthy' } | { kind: 'unhealthy'; reason: string; cycles: number } | { kind: 'unknown' };

export interface PolicySettings extends RecoverySettings {
  /** Recovery on: when off the watch still reports, and logs once per unhealthy episode that it restarts nothing. */
  enabled: boolean;
}

/**
 * Whether this cycle's observation is something a restart can fix. Only a process pm2 still calls
 * online is judged (pm2 restarts crashed ones itself; a stopped one was stopped by an operator),
 * never one that has not had the grace period to settle — since pm2 started it, or since a Redis it
 * needs came back (its clients reconnect with backoff, its heartbeat lags) — never one whose trouble
 * is a Redis it depends on, and never nginx (no check proves it hung). A redis-server only when allowed.
 */
export function judge(o: ServiceObservation, score: ServiceScore, settledSec: number | null, settings: PolicySettings, unhealthyCycles: number): Verdict {
  if (score.problem === null) return { kind: 'healthy' };
  if (o.processStatus !== 'online' || score.status === 'degraded') return { kind: 'unknown' };
  if (settledSec === null || settledSec < settings.graceSec) return { kind: 'unknown' };
  if (o.kind === 'proxy' || (o.kind === 'redis' && !settings.restartRedis)) return { kind: 'unknown' };
  return { kind: 'unhealthy', reason: score.problem, cycles: unhealthyCycles };
}

export interface Decision {
  action: Extract<RecoveryAction['action'], 'restart' | 'recovered' | 'give-up' | 'skipped'> | null;
  state: RecoveryState;
  /** The state differs from the one given (write it back). */
  changed: boolean;
  reason: string;
}

const none = (state: RecoveryState, reason = ''): Decision => ({ action: null, state, changed: false, reason });

/** Least time after the last attempt before the next one (or the give-up): the cooldown, grown by backoff. */
export function waitAfterAttempt(attempts: number, settings: PolicySettings): number {
  const cooldown = settings.cooldownSec * 1000 * settings.backoff ** Math.max(0, attempts - 1);
  return Math.max(cooldown, settings.graceSec * 1000);
}

/**
 * One step of a service's recovery episode. Unhealthy → restart, at most `maxAttempts` times, each
 * after the (backed-off) cooldown; still unhealthy after the last one had its cooldown → give up and
 * stop until it is healthy again or an operator resets it. Healthy after a restart → `recovered`;
 * the attempts count drops back to 0 only after a cooldown of health, so a service that hangs again
 * at once keeps climbing to give-up instead of restarting forever.
 */
export function decide(state: RecoveryState, verdict: Verdict, now: number, settings: PolicySettings): Decision {
  switch (verdict.kind) {
    case 'unknown':
      return none(state);
    case 'healthy':
      return onHealthy(state, now, settings);
    case 'unhealthy':
      return onUnhealthy(state, verdict, now, settings);
  }
}

function onHealthy(given: RecoveryState, now: number, settings: PolicySettings): Decision {
  // Healthy again: the next unhealthy spell is a new episode, whose skip is logged afresh.
  const state: RecoveryState = given.skippedAt != null ? { ...given, skippedAt: null } : given;
  const changed = state !== given;
  if (state.failed) {
    return { action: 'recovered', state: { attempts: 0, lastAttemptAt: state.lastAttemptAt, failed: false, healthySince: null }, changed: true, reason: 'healthy again after the watch gave up' };
  }
  if (state.attempts === 0) return { ...none(state), changed };
  const since = state.healthySince ?? null;
  if (since === null || (state.lastAttemptAt !== null && since < state.lastAttemptAt)) {
    return { action: 'recovered', state: { ...state, healthySince: now }, changed: true, reason: `healthy after ${state.attempts} restart${state.attempts === 1 ? '' : 's'}` };
  }
  if (now - since >= settings.cooldownSec * 1000) {
    return { action: null, state: { attempts: 0, lastAttemptAt: state.lastAttemptAt, failed: false, healthySince: null }, changed: true, reason: 'episode over' };
  }
  return { ...none(state), changed };
}

function onUnhealthy(state: RecoveryState, verdict: Extract<Verdict, { kind: 'unhealthy' }>, now: number, settings: PolicySettings): Decision {
  if (state.failed) return none(state, 'marked failed');
  // Sick again before the episode ended: the earlier recovery does not count any more.
  const current: RecoveryState = state.healthySince != null ? { ...state, healthySince: null } : state;
  const changed = current !== state;
  if (verdict.cycles < settings.confirmCycles) return { ...none(current), changed };
  if (current.attempts > 0 && current.lastAttemptAt !== null && now - current.lastAttemptAt < waitAfterAttempt(current.attempts, settings)) {
    return { ...none(current, 'cooling down'), changed };
  }
  if (current.attempts >= settings.maxAttempts) {
    return {
      action: 'give-up',
      state: { ...current, failed: true },
      changed: true,
      reason: `${verdict.reason} after ${current.attempts} restart${current.attempts === 1 ? '' : 's'}`,
    };
  }
  if (!settings.enabled) {
    if (current.skippedAt != null) return { ...none(current, 'recovery disabled'), changed };
    return { action: 'skipped', state: { ...current, skippedAt: now }, changed: true, reason: `${verdict.reason}; recovery is disabled` };
  }
  return { action: 'restart', state: { attempts: current.attempts + 1, lastAttemptAt: now, failed: false, healthySince: null }, changed: true, reason: verdict.reason };
}
