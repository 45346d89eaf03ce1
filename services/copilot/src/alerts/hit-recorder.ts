import type { Logger } from 'pino';
import type { AlertCandidate } from './alert-candidate.js';
import type { AlertMetrics } from './alert-metrics.js';
import type { AlertOutbox } from './alert-outbox.js';
import { forEachLane, lanesBy } from './bounded-concurrency.js';
import { crashHere, type CrashPoint } from './crash-point.js';
import type { FiredAlerts } from './fired-alerts.js';
import { hitBatches, outcomeAnswer, readBatchAnswer } from './hit-batch.js';
import { decideHit, decideStage, type HitDecision } from './hit-decision.js';
import type { HitRequest, InternalJournalClient } from './internal-journal.client.js';

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
 * Requests in flight at once: hit batches (each up to the journal's batch maximum) and single
 * stage and fill reports. One journal transaction per batch, so a crossing tick's dozens of hits
 * are one round trip; several batches side by side only when a burst exceeds one request.
 */
const DEFAULT_IN_FLIGHT = 16;

/**
 * The exactly-once path of one intended alert event: (1) the outbox holds it, (2) the journal
 * records the hit under its idempotency key (a repeat answers the first hit), (3) the owner's event
 * is published only if its marker is new, atomically with clearing the outbox entry. A crash
 * between any two steps leaves the entry in the outbox; the drain at the next start (or the same
 * tick read again) repeats the steps with the same key and publishes nothing twice.
 *
 * A batch's events are written to the outbox in one command. Its hits then go to the journal's
 * batch route (one alert's hits in order, in one request), its stages and fills one by one; each
 * event is published as soon as the journal's answer for it is read. The batch resolves only when
 * every one of them is settled, so its caller commits its cursor after all of them. A batch request
 * the journal does not answer leaves its hits in the outbox; one it refuses as a whole (400, or an
 * older journal without the route) is reported again hit by hit on the single route.
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
    const hits = candidates.filter((c) => c.type === 'hit');
    const others = candidates.filter((c) => c.type !== 'hit');
    // Hits, stages and fills never share an id (alert, prompt alert, order): the two go side by side.
    await allEnded([
      forEachLane(hitBatches(hits, (c) => c.alertId), this.inFlight, async (batch) => void results.push(...(await this.settleBatch(batch)))),
      forEachLane(lanesBy(others, (c) => c.alertId), this.inFlight, async (candidate) => void results.push(await this.settle(candidate, await this.decide(candidate)))),
    ]);
    return results;
  }

  private async settleBatch(batch: readonly AlertCandidate[]): Promise<RecordResult[]> {
    const end = this.metrics.journalCalls.startTimer({ call: 'hits' });
    const answer = await this.journal.postHits(batch.map((c) => ({ alertId: c.alertId, ...hitRequest(c) })));
    end();
    this.metrics.journalBatchSize.observe(batch.length);
    const reading = readBatchAnswer(answer, batch);
    let decisions: HitDecision[];
    if (reading.kind === 'answered') decisions = reading.outcomes.map((outcome) => decideHit(outcomeAnswer(outcome)));
    else if (reading.kind === 'retry') decisions = batch.map(() => ({ action: 'retry', reason: reading.reason }));
    else {
      this.logger.warn({ reason: reading.reason, hits: batch.length }, 'hit batch refused as a whole; reporting its hits one by one');
      decisions = [];
      for (const candidate of batch) decisions.push(await this.decide(candidate));
    }
    // Published in the order sent: one connection keeps the scripts' order, so one alert's events stay in order.
    return allEnded(batch.map((candidate, n) => this.settle(candidate, decisions[n] ?? { action: 'retry', reason: 'no answer for this hit' })));
  }

  private async settle(candidate: AlertCandidate, decision: HitDecision): Promise<RecordResult> {
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
        const answer = await this.journal.postHit(candidate.alertId, hitRequest(candidate));
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

function hitRequest(candidate: AlertCandidate): HitRequest {
  return { at: candidate.at, message: candidate.message, key: candidate.key, ...(candidate.value !== null && { value: roundMicros(candidate.value) }) };
}

/** Waits for every task to end, then rejects with the first failure: nothing is still running when the caller commits. */
async function allEnded<T>(tasks: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const ended = await Promise.allSettled(tasks);
  const failed = ended.find((e) => e.status === 'rejected');
  if (failed) throw failed.reason;
  return ended.map((e) => (e as PromiseFulfilledResult<T>).value);
}

/** The journal stores decimals with at most 6 places. */
export function roundMicros(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
