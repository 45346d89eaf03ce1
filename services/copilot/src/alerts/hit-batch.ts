import { ALERT_HIT_BATCH_MAX, alertHitBatchResultSchema, type AlertHitBatchOutcomeDto } from '@marketswarm/shared/dto';
import type { JournalAnswer } from './hit-decision.js';

/**
 * A batch's hits as batch requests: `chains[i]` is a list of requests sent one after another, and
 * chains go out side by side. One alert's hits are never in two requests in flight at once (the
 * journal records a request's hits in order, and a repeating alert's cooldown depends on it): an
 * alert's hits stay in one request, or — past `max` of them — in consecutive requests of one chain.
 */
export function hitBatches<T>(items: readonly T[], alertOf: (item: T) => string, max = ALERT_HIT_BATCH_MAX): T[][][] {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(alertOf(item));
    if (lane) lane.push(item);
    else lanes.set(alertOf(item), [item]);
  }
  const chains: T[][][] = [];
  let open: T[] | undefined;
  for (const lane of lanes.values()) {
    if (lane.length > max) {
      const chain: T[][] = [];
      for (let i = 0; i < lane.length; i += max) chain.push(lane.slice(i, i + max));
      chains.push(chain);
      continue;
    }
    if (open === undefined || open.length + lane.length > max) chains.push([(open = [])]);
    open.push(...lane);
  }
  return chains;
}

export type BatchReading =
  | { kind: 'answered'; outcomes: AlertHitBatchOutcomeDto[] }
  /** No decision for any hit (journal down, overloaded, an answer that does not match): every one stays in the outbox. */
  | { kind: 'retry'; reason: string }
  /** The journal refused the request itself (an older journal without the route, or one bad hit failing the body): each hit goes to the single route, which decides it alone. */
  | { kind: 'one-by-one'; reason: string };

/** What `POST /api/internal/alerts/hits` answered for `sent`, hit by hit, in the order sent. */
export function readBatchAnswer(answer: JournalAnswer, sent: ReadonlyArray<{ alertId: string; key: string }>): BatchReading {
  if (answer.status === 'unreachable') return { kind: 'retry', reason: answer.error };
  if (answer.status === 400 || answer.status === 404) return { kind: 'one-by-one', reason: `the batch route answered ${answer.status}: ${JSON.stringify(answer.body)}` };
  if (answer.status !== 200) return { kind: 'retry', reason: `journal answered ${answer.status}` };
  const parsed = alertHitBatchResultSchema.safeParse(answer.body);
  if (!parsed.success) return { kind: 'retry', reason: `unexpected batch answer: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const { results } = parsed.data;
  const matches = results.length === sent.length && results.every((r, i) => r.key === sent[i]?.key && r.alertId === sent[i]?.alertId);
  return matches ? { kind: 'answered', outcomes: results } : { kind: 'retry', reason: 'the batch answer does not match the hits sent' };
}

/** One hit's outcome as the single route would have answered it (what `decideHit` reads). */
export function outcomeAnswer(outcome: AlertHitBatchOutcomeDto): JournalAnswer {
  return { status: outcome.status, body: outcome.result ?? outcome.error ?? null };
}
