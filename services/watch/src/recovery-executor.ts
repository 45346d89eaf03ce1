import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { appendRecoveryAction, writeRecoveryState, type RecoveryAction } from '@marketswarm/shared/ops';
import type { Pm2Client } from './pm2-client.js';
import type { WatchTarget } from './process-instances.js';
import type { Decision } from './recovery-policy.js';
import type { WatchMetrics } from './watch-metrics.js';

/**
 * Carries out one decision: the pm2 restart (for `restart`), then the record of it everywhere an
 * operator looks — a log line, the counter, the recovery log and the persisted state — so a restart
 * of the watch itself resumes the episode where it stood.
 */
export class RecoveryExecutor {
  constructor(
    private readonly system: Redis,
    private readonly pm2: Pm2Client,
    private readonly metrics: WatchMetrics,
    private readonly logger: Logger,
  ) {}

  async apply(target: WatchTarget, decision: Decision, now: number): Promise<RecoveryAction | null> {
    if (!decision.action) {
      if (decision.changed) await writeRecoveryState(this.system, target.id, decision.state);
      return null;
    }
    let ok = true;
    let error: string | undefined;
    if (decision.action === 'restart') {
      try {
        if (!target.process) throw new Error('pm2 does not run it');
        await this.pm2.restart(target.process.pmId);
      } catch (e) {
        ok = false;
        error = (e as Error).message;
      }
    }
    const action: RecoveryAction = {
      ts: now,
      service: target.id,
      action: decision.action,
      reason: decision.reason,
      attempt: decision.state.attempts,
      ok,
      ...(error ? { error } : {}),
    };
    const log = { service: target.id, pm2: target.pm2Name, action: action.action, reason: action.reason, attempt: action.attempt, ok, err: error };
    if (action.action === 'recovered') this.logger.info(log, 'service recovered');
    else if (action.action === 'give-up') this.logger.error(log, 'service marked failed: no more restarts until it is healthy or reset');
    else this.logger.warn(log, ok ? 'restarting unhealthy service' : 'restart failed');
    this.metrics.recoveryActions.inc({ service: target.id, action: action.action });
    await appendRecoveryAction(this.system, action);
    await writeRecoveryState(this.system, target.id, decision.state);
    return action;
  }
}
