import { describe, expect, it } from 'vitest';
import type { RecoveryState } from '@marketswarm/shared/ops';
import { scoreService, type ServiceObservation } from './health-score.js';
import { decide, judge, waitAfterAttempt, type PolicySettings, type Verdict } from './recovery-policy.js';

const settings: PolicySettings = { enabled: true, maxAttempts: 3, cooldownSec: 30, backoff: 1, confirmCycles: 2, graceSec: 15, restartRedis: true };
const fresh: RecoveryState = { attempts: 0, lastAttemptAt: null, failed: false, healthySince: null };
const hung: Verdict = { kind: 'unhealthy', reason: 'heartbeat stale', cycles: 2 };
const healthy: Verdict = { kind: 'healthy' };
const T = 1_800_000_000_000;
const sec = (n: number) => n * 1000;

describe(decide.name, () => {
  it('restarts a hung service once it was unhealthy for the confirming cycles', () => {
    expect(decide(fresh, { ...hung, cycles: 1 }, T, settings).action).toBeNull();
    expect(decide(fresh, hung, T, settings)).toEqual({
      action: 'restart',
      state: { attempts: 1, lastAttemptAt: T, failed: false, healthySince: null },
      changed: true,
      reason: 'heartbeat stale',
    });
  });

  it('waits the cooldown after an attempt before the next one', () => {
    const after1 = decide(fresh, hung, T, settings).state;
    expect(decide(after1, hung, T + sec(29), settings).action).toBeNull();
    expect(decide(after1, hung, T + sec(30), settings)).toMatchObject({ action: 'restart', state: { attempts: 2, lastAttemptAt: T + sec(30) } });
  });

  it('grows the wait by the backoff factor per attempt, never below the grace period', () => {
    const s = { ...settings, backoff: 2 };
    expect([1, 2, 3].map((n) => waitAfterAttempt(n, s))).toEqual([sec(30), sec(60), sec(120)]);
    expect(waitAfterAttempt(1, { ...settings, cooldownSec: 1, graceSec: 15 })).toBe(sec(15));
  });

  it('gives up after maxAttempts restarts, once the last one had its cooldown, then does nothing more', () => {
    let state = fresh;
    const actions: Array<string | null> = [];
    for (let t = T; t <= T + sec(300); t += sec(10)) {
      const decision = decide(state, hung, t, settings);
      actions.push(decision.action);
      state = decision.state;
    }
    expect(actions.filter((a) => a === 'restart')).toHaveLength(3);
    expect(actions.filter((a) => a === 'give-up')).toHaveLength(1);
    expect(actions.lastIndexOf('restart')).toBeLessThan(actions.indexOf('give-up'));
    expect(actions.indexOf('give-up')).toBe(9); // restarts at 0 s, 30 s, 60 s; give-up 30 s after the third
    expect(state).toMatchObject({ attempts: 3, failed: true });
  });

  it('says recovered when the service is healthy after a restart, once', () => {
    const restarted = decide(fresh, hung, T, settings).state;
    const first = decide(restarted, healthy, T + sec(20), settings);
    expect(first).toMatchObject({ action: 'recovered', reason: 'healthy after 1 restart', state: { attempts: 1, healthySince: T + sec(20) } });
    expect(decide(first.state, healthy, T + sec(22), settings)).toMatchObject({ action: null, changed: false });
  });

  it('ends the episode (attempts back to 0) after a cooldown of health', () => {
    const recovered = decide(decide(fresh, hung, T, settings).state, healthy, T + sec(20), settings).state;
    expect(decide(recovered, healthy, T + sec(50), settings)).toEqual({ action: null, state: { ...fresh, lastAttemptAt: T }, changed: true, reason: 'episode over' });
  });

  it('keeps counting attempts when a recovered service hangs again within the episode, so a flapping one reaches give-up', () => {
    const recovered = decide(decide(fresh, hung, T, settings).state, healthy, T + sec(20), settings).state;
    const again = decide(recovered, hung, T + sec(35), settings);
    expect(again).toMatchObject({ action: 'restart', state: { attempts: 2, healthySince: null } });
  });

  it('leaves a failed service alone while it stays unhealthy, and clears the mark once it is healthy', () => {
    const failed: RecoveryState = { attempts: 3, lastAttemptAt: T, failed: true, healthySince: null };
    expect(decide(failed, hung, T + sec(3600), settings)).toMatchObject({ action: null, changed: false });
    expect(decide(failed, healthy, T + sec(3600), settings)).toMatchObject({ action: 'recovered', state: { attempts: 0, failed: false } });
  });

  it('restarts nothing while recovery is disabled, and says so once per unhealthy episode', () => {
    const off = { ...settings, enabled: false };
    const skipped = decide(fresh, hung, T, off);
    expect(skipped).toEqual({ action: 'skipped', state: { ...fresh, skippedAt: T }, changed: true, reason: 'heartbeat stale; recovery is disabled' });
    expect(decide(skipped.state, hung, T + sec(10), off)).toMatchObject({ action: null, changed: false, reason: 'recovery disabled' });
    const healthyAgain = decide(skipped.state, healthy, T + sec(20), off);
    expect(healthyAgain).toMatchObject({ action: null, changed: true, state: { skippedAt: null } });
    expect(decide(healthyAgain.state, hung, T + sec(30), off)).toMatchObject({ action: 'skipped', state: { skippedAt: T + sec(30) } });
  });

  it('does not say it skipped before the unhealthy spell is confirmed', () => {
    expect(decide(fresh, { ...hung, cycles: 1 }, T, { ...settings, enabled: false })).toMatchObject({ action: null, changed: false });
  });

  it('does nothing on a cycle it cannot judge', () => {
    expect(decide(fresh, { kind: 'unknown' }, T, settings)).toEqual({ action: null, state: fresh, changed: false, reason: '' });
  });
});

describe(judge.name, () => {
  const online: ServiceObservation = { kind: 'service', processStatus: 'online', redis: true, heartbeat: 'stale', http: false, failed: false };
  const verdict = (o: ServiceObservation, uptimeSec: number | null = 60, s = settings) => judge(o, scoreService(o), uptimeSec, s, 2);

  it('finds a hung service that pm2 still calls online unhealthy', () => {
    expect(verdict(online)).toEqual({ kind: 'unhealthy', reason: 'heartbeat stale', cycles: 2 });
  });

  it('does not judge a process that has had less than the grace period to settle (new, or its Redis just came back)', () => {
    expect(verdict(online, 14).kind).toBe('unknown');
    expect(verdict(online, 15).kind).toBe('unhealthy');
  });

  it('leaves crashed or stopped processes to pm2 and the operator', () => {
    expect(verdict({ ...online, processStatus: 'errored' }).kind).toBe('unknown');
    expect(verdict({ ...online, processStatus: 'stopped' }).kind).toBe('unknown');
    expect(verdict({ ...online, processStatus: null }, null).kind).toBe('unknown');
  });

  it('does not restart a service for a Redis it depends on', () => {
    expect(verdict({ ...online, redis: false }).kind).toBe('unknown');
  });

  it('restarts a hung redis-server only when allowed, and never nginx', () => {
    const redis: ServiceObservation = { kind: 'redis', processStatus: 'online', redis: false, heartbeat: 'none', http: null, failed: false };
    expect(verdict(redis)).toMatchObject({ kind: 'unhealthy', reason: 'PING unanswered' });
    expect(verdict(redis, 60, { ...settings, restartRedis: false }).kind).toBe('unknown');
    expect(verdict({ kind: 'proxy', processStatus: 'online', redis: null, heartbeat: 'none', http: false, failed: false }).kind).toBe('unknown');
  });

  it('finds a healthy service healthy, also one marked failed', () => {
    const ok: ServiceObservation = { ...online, heartbeat: 'fresh', http: true };
    expect(verdict(ok)).toEqual({ kind: 'healthy' });
    expect(verdict({ ...ok, failed: true })).toEqual({ kind: 'healthy' });
  });
});
