import type { Logger } from 'pino';
import type { AlertCandidate } from './alert-candidate.js';
import type { AlertMetrics } from './alert-metrics.js';
import type { AlertOutbox } from './alert-outbox.js';
import { crashHere, type CrashPoint } from './crash-point.js';
import type { FiredAlerts } from './fired-alerts.js';
import { decideHit, decideStage, type HitDecision } from './hit-decision.js';
import type { InternalJournalClient } from './internal-journal.client.js';

export type RecordOutcome = 'published' | 'already-published' | 'dropped' | 'pending';

/**
 * The exactly-once path of one intended alert event: (1) the outbox holds it, (2) the journal
 * records the hit under its idempotency key (a repeat answers the first hit), (3) the owner's event
 * is published only if its marker is new, atomically with clearing the outbox entry. A crash
 * between any two steps leaves the entry in the outbox; the drain at the next start (or the same
 * tick read again) repeats the steps with the same key and publishes nothing twice.
 */
export class HitRecorder {
  constructor(
    private readonly outbox: AlertOutbox,
    private readonly journal: InternalJournalClient,
    private readonly fired: FiredAlerts,
    private readonly metrics: AlertMetrics,
    private readonly logger: Logger,
    private readonly crash: CrashPoint | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async record(candidate: AlertCandidate): Promise<RecordOutcome> {
    await this.outbox.put(candidate);
    return this.settle(candidate);
  }

  async hasPending(): Promise<boolean> {
    return (await this.outbox.pending()).entries.length > 0;
  }

  /** Settles what an earlier run (this instance's or another's) left in the outbox. */
  async drain(): Promise<void> {
    const { entries, invalid } = await this.outbox.pending();
    for (const field of invalid) {
      this.logger.warn({ field }, 'dropped an outbox entry that no longer parses');
      await this.outbox.drop(field);
    }
    for (const candidate of entries) await this.settle(candidate);
  }

  private async settle(candidate: AlertCandidate): Promise<RecordOutcome> {
    const decision = await this.decide(candidate);
    switch (decision.action) {
      case 'retry':
        this.metrics.retries.inc();
        this.logger.warn({ key: candidate.key, reason: decision.reason }, 'alert event left in the outbox for a later drain');
        return 'pending';
      case 'drop':
        this.metrics.conflicts.inc();
        this.logger.info({ key: candidate.key, reason: decision.reason }, 'alert hit not fired');
        await this.outbox.drop(candidate.key);
        return 'dropped';
      case 'verify':
        return 'pending';
      case 'publish': {
        crashHere(this.crash, 'after-hit');
        const hitId = decision.hitId || candidate.key;
        const published = await this.outbox.publishOnce(candidate, hitId, this.now());
        if (!published) return 'already-published';
        this.metrics.fired.inc({ kind: candidate.kind });
        this.fired.emit(
          { userId: candidate.userId, alertId: candidate.alertId, hitId, kind: candidate.kind, message: candidate.message, severity: candidate.severity, value: candidate.value, symbol: candidate.symbol, at: candidate.at },
          (error) => this.logger.error({ err: error }, 'a fired-alert listener failed'),
        );
        return 'published';
      }
    }
  }

  private async decide(candidate: AlertCandidate): Promise<HitDecision> {
    switch (candidate.type) {
      case 'hit':
        return decideHit(
          await this.journal.postHit(candidate.alertId, { at: candidate.at, message: candidate.message, key: candidate.key, ...(candidate.value !== null && { value: roundMicros(candidate.value) }) }),
        );
      case 'stage': {
        const stage = candidate.stage ?? 'accomplished';
        const decision = decideStage(await this.journal.postStage(candidate.alertId, stage, candidate.at));
        if (decision.action !== 'verify') return decision;
        // Already at or past it: publish only if it is exactly this stage (ours or another
        // instance's report whose event never went out); the marker keeps it to one event.
        const prompts = await this.journal.promptAlerts(candidate.userId).catch(() => undefined);
        if (prompts === undefined) return { action: 'retry', reason: 'could not read the prompt alert back' };
        const current = prompts.find((p) => p.id === candidate.alertId);
        return current?.stage === stage ? { action: 'publish', hitId: candidate.key, removed: false } : { action: 'drop', reason: `the prompt alert is already ${current?.stage ?? 'gone'}` };
      }
      case 'fill':
        // The journal filled the order itself; the outbox only guards the one event.
        return { action: 'publish', hitId: candidate.key, removed: false };
    }
  }
}

/** The journal stores decimals with at most 6 places. */
export function roundMicros(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
