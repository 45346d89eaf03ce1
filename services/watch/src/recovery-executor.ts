import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { appendRecoveryAction, writeRecoveryState, type RecoveryAction } from '@marketswarm/shared/ops';
import type { Pm2Client } from './pm2-client.js';
import type { Pm2ProcessFacts } from './pm2-process.js';
import type { WatchTarget } from './process-instances.js';
import type { Decision } from './recovery-policy.js';
import type { WatchMetrics } from './watch-metrics.js';

/**
 * Carries out one decision and records it everywhere an operator looks — a log line, the counter,
 * the recovery log and the persisted state — so a restart of the watch itself resumes the episode
 * where it stood. A restart is asked of pm2 and not waited for: pm2 sits out the whole kill_timeout
 * of a hung process, and the cycles (and the health report) must go on meanwhile; later cycles see
 * the new pid, and the recovery. Should pm2 fail it, a second record says so.
 */
export class RecoveryExecutor {
  private readonly restarting = new Map<string, Promise<void>>();

  constructor(
    private readonly system: Redis,
    private readonly pm2: Pm2Client,
    private readonly metrics: WatchMetrics,
    private readonly logger: Logger,
  ) {}

  /** pm2 has not finished restarting this target yet: there is nothing new to judge. */
  isRestarting(targetId: string): boolean {
    return this.restarting.has(targetId);
  }

  /** Settles once every restart asked of pm2 has finished or failed (and been recorded). */
  async settled(): Promise<void> {
    await Promise.all(this.restarting.values());
  }

  async apply(target: WatchTarget, decision: Decision, now: number): Promise<RecoveryAction | null> {
    if (!decision.action) {
      if (decision.changed) await writeRecoveryState(this.system, target.id, decision.state);
      return null;
    }
    const noProcess = decision.action === 'restart' && !target.process;
    const action: RecoveryAction = {
      ts: now,
      service: target.id,
      action: decision.action,
      reason: decision.reason,
      attempt: decision.state.attempts,
      ok: !noProcess,
      ...(noProcess ? { error: 'pm2 does not run it' } : {}),
    };
    const log = { service: target.id, pm2: target.pm2Name, action: action.action, reason: action.reason, attempt: action.attempt, ok: action.ok, err: action.error };
    if (action.action === 'recovered') this.logger.info(log, 'service recovered');
    else if (action.action === 'give-up') this.logger.error(log, 'service marked failed: no more restarts until it is healthy or reset');
    else if (action.action === 'skipped') this.logger.warn(log, 'service unhealthy, not restarted: recovery is disabled');
    else this.logger.warn(log, action.ok ? 'restarting unhealthy service' : 'restart failed');
    this.metrics.recoveryActions.inc({ service: target.id, action: action.action });
    const recorded = (async () => {
      await appendRecoveryAction(this.system, action);
      await writeRecoveryState(this.system, target.id, decision.state);
    })();
    if (decision.action === 'restart' && target.process) this.restart(target, target.process, action, recorded);
    await recorded;
    return action;
  }

  private restart(target: WatchTarget, process: Pm2ProcessFacts, asked: RecoveryAction, recorded: Promise<void>): void {
    const done = this.pm2
      .restart(process)
      .then(() => this.logger.info({ service: target.id, pm2: target.pm2Name, attempt: asked.attempt }, 'pm2 restarted it'))
      .catch(async (e: unknown) => {
        const error = (e as Error).message;
        this.logger.error({ service: target.id, pm2: target.pm2Name, attempt: asked.attempt, err: error }, 'restart failed');
        // After the record of the request, so the log reads in order.
        await recorded.catch(() => undefined);
        await appendRecoveryAction(this.system, { ...asked, ts: Date.now(), reason: `pm2 could not restart it (${asked.reason})`, ok: false, error });
      })
      .catch((e: unknown) => this.logger.warn({ service: target.id, err: (e as Error).message }, 'could not record a failed restart'))
      .finally(() => this.restarting.delete(target.id));
    this.restarting.set(target.id, done);
  }
}
