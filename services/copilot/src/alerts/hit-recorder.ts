import type { Logger } from 'pino';
import type { AlertCandidate } from './alert-candidate.js';
import type { AlertMetrics } from './alert-metrics.js';
import type { AlertOutbox } from './alert-outbox.js';
import { forEachLane, lanesBy } from './bounded-concurrency.js';
import { crashHere, type CrashPoint } from './crash-point.js';
import type { FiredAlerts } from './fired-alerts.js';
import { decideHit, decideStage, type HitDecision } from './hit-decision.js';
import type { InternalJournalClient } from './internal-journal.client.js';

export type RecordOutcome = 'published' | 'already-published' | 'dropped' | 'pending';

export interface RecordResult {
  candidate: AlertCandidate;
  outcome: RecordOutcome;
  /** The alert sync entry the journal appended because of this report (see HitDecision). */
  announced: Extract<HitDecision, { action: 'publish' }>['announced'];
  /** A `dropped` one the journal refused because the engine's copy of the alert is behind its own. */
  stale?: boolean;
}

/**
 * Reports in flight at once. The journal answers one in a few milliseconds, and a crossing tick
 * fires dozens: one at a time they queue behind each other for longer than the latency budget.
 */
const DEFAULT_IN_FLIGHT = 16;

/**
 * The exactly-once path of one intended alert event: (1) the outbox holds it, (2) the journal
 * records the hit under its idempotency key (a repeat answers the first hit), (3) the owner's event
 * is published only if its marker is new, atomically with clearing the outbox entry. A crash
 * between any two steps leaves the entry in the outbox; the drain at the next start (or the same
 * tick read again) repeats the steps with the same key and publishes nothing twice.
 *
 * A batch's events are written to the outbox in one command, then settled several at a time (one
 * alert's events in order, each published as soon as the journal accepted it); the batch resolves
 * only when every one of them is settled, so its caller commits its cursor after all of them.
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
    private readonly inFlight = DEFAULT_IN_FLIGHT,
  ) {}

  /** Records a batch's events; rejects (after every started one ended) if one could not be written or settled. */
  async recordAll(candidates: readonly AlertCandidate[]): Promise<RecordResult[]> {
    if (candidates.length === 0) return [];
    await this.outbox.putAll(candidates);
    return this.settleAll(candidates);
  }

  async hasPending(): Promise<boolean> {
    return (await this.outbox.pending()).entries.length > 0;
  }

  /** Settles what an earlier run (this instance's or another's) left in the outbox. */
  async drain(): Promise<RecordResult[]> {
    const { entries, invalid } = await this.outbox.pending();
    for (const field of invalid) {
      this.logger.warn({ field }, 'dropped an outbox entry that no longer parses');
      await this.outbox.drop(field);
    }
    return this.settleAll(entries);
  }

  private async settleAll(candidates: readonly AlertCandidate[]): Promise<RecordResult[]> {
    const results: RecordResult[] = [];
    await forEachLane(lanesBy(candidates, (c) => c.alertId), this.inFlight, async (candidate) => void results.push(await this.settle(candidate)));
    return results;
  }

  private async settle(candidate: AlertCandidate): Promise<RecordResult> {
    const decision = await this.decide(candidate);
    switch (decision.action) {
      case 'retry':
        this.metrics.retries.inc();
        this.logger.warn({ key: candidate.key, reason: decision.reason }, 'alert event left in the outbox for a later drain');
        return { candidate, outcome: 'pending', announced: undefined };
      case 'drop':
        this.metrics.conflicts.inc();
        this.logger.info({ key: candidate.key, reason: decision.reason }, 'alert hit not fired');
        await this.outbox.drop(candidate.key);
        return { candidate, outcome: 'dropped', announced: undefined, stale: decision.stale };
      case 'verify':
        return { candidate, outcome: 'pending', announced: undefined };
      case 'publish': {
        crashHere(this.crash, 'after-hit');
        const hitId = decision.hitId || candidate.key;
        const published = await this.outbox.publishOnce(candidate, hitId, this.now());
        if (!published) return { candidate, outcome: 'already-published', announced: decision.announced };
        this.metrics.fired.inc({ kind: candidate.kind });
        this.fired.emit(
          { userId: candidate.userId, alertId: candidate.alertId, hitId, kind: candidate.kind, message: candidate.message, severity: candidate.severity, value: candidate.value, symbol: candidate.symbol, at: candidate.at },
          (error) => this.logger.error({ err: error }, 'a fired-alert listener failed'),
        );
        return { candidate, outcome: 'published', announced: decision.announced };
      }
    }
  }

  private async decide(candidate: AlertCandidate): Promise<HitDecision> {
    switch (candidate.type) {
      case 'hit': {
        const end = this.metrics.journalCalls.startTimer({ call: 'hit' });
        const answer = await this.journal.postHit(candidate.alertId, { at: candidate.at, message: candidate.message, key: candidate.key, ...(candidate.value !== null && { value: roundMicros(candidate.value) }) });
        end();
        return decideHit(answer);
      }
      case 'stage': {
        const stage = candidate.stage ?? 'accomplished';
        const end = this.metrics.journalCalls.startTimer({ call: 'stage' });
        const answer = await this.journal.postStage(candidate.alertId, stage, candidate.at);
        end();
        const decision = decideStage(answer);
        if (decision.action !== 'verify') return decision;
        // Already at or past it: publish only if it is exactly this stage (ours or another
        // instance's report whose event never went out); the marker keeps it to one event.
        const prompts = await this.journal.promptAlerts(candidate.userId).catch(() => undefined);
        if (prompts === undefined) return { action: 'retry', reason: 'could not read the prompt alert back' };
        const current = prompts.find((p) => p.id === candidate.alertId);
        return current?.stage === stage ? { action: 'publish', hitId: candidate.key, announced: undefined } : { action: 'drop', reason: `the prompt alert is already ${current?.stage ?? 'gone'}`, stale: true };
      }
      case 'fill':
        // The journal filled the order itself; the outbox only guards the one event.
        return { action: 'publish', hitId: candidate.key, announced: undefined };
    }
  }
}

/** The journal stores decimals with at most 6 places. */
export function roundMicros(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
