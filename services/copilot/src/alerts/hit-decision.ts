import { alertHitResultSchema } from '@marketswarm/shared/dto';

/** What the journal answered one call of the evaluator: a status and its JSON, or no answer at all. */
export type JournalAnswer = { status: number; body: unknown } | { status: 'unreachable'; error: string };

/**
 * What to do with an outbox entry after the journal's answer:
 * - `publish`: the journal holds this hit (recorded now, or replayed for the same key) — send the event if nobody has;
 * - `drop`: the journal refused it for good (the alert is gone, disabled, cooling down, or the body is wrong);
 * - `retry`: no decision yet (journal down, overloaded): the entry stays in the outbox for the next drain;
 * - `verify`: a stage the journal already holds: publish only if it is exactly this stage.
 */
export type HitDecision =
  | {
      action: 'publish';
      hitId: string;
      /**
       * The alert sync entry the journal appended because of this answer: `hit`, or `deleted` when a
       * remove-on-hit went; `stage`; none for a replayed key (the first answer announced it).
       */
      announced: 'hit' | 'deleted' | 'stage' | undefined;
    }
  | {
      action: 'drop';
      reason: string;
      /** The journal's copy of the alert disagrees with the one that fired (gone, disabled, cooling down, past the stage): the engine reloads its owner. */
      stale: boolean;
    }
  | { action: 'retry'; reason: string }
  | { action: 'verify' };

/** `POST /api/internal/alerts/:id/hits` with an idempotency key. */
export function decideHit(answer: JournalAnswer): HitDecision {
  if (answer.status === 'unreachable') return { action: 'retry', reason: answer.error };
  if (answer.status === 201 || answer.status === 200) {
    const parsed = alertHitResultSchema.safeParse(answer.body);
    if (!parsed.success) return { action: 'retry', reason: `unexpected hit answer: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    const announced = parsed.data.replayed === true ? undefined : parsed.data.alert === null ? 'deleted' : 'hit';
    return { action: 'publish', hitId: parsed.data.hit.id, announced };
  }
  if (answer.status === 404) return { action: 'drop', reason: 'the alert no longer exists', stale: true };
  if (answer.status === 409) return { action: 'drop', reason: 'the alert is disabled or cooling down', stale: true };
  // A 400 is the evaluator's own bug: retrying the same body cannot help, nor can reloading the alert.
  if (answer.status === 400) return { action: 'drop', reason: `the journal refused the hit: ${JSON.stringify(answer.body)}`, stale: false };
  return { action: 'retry', reason: `journal answered ${answer.status}` };
}

/** `POST /api/internal/prompt-alerts/:id/stage` (stages move forward only, so no key is needed). */
export function decideStage(answer: JournalAnswer): HitDecision {
  if (answer.status === 'unreachable') return { action: 'retry', reason: answer.error };
  if (answer.status === 200) return { action: 'publish', hitId: '', announced: 'stage' };
  if (answer.status === 404) return { action: 'drop', reason: 'the prompt alert no longer exists', stale: true };
  // Already at or past it: ours from before a crash, or another instance's — the marker decides.
  if (answer.status === 409) return { action: 'verify' };
  if (answer.status === 400) return { action: 'drop', reason: `the journal refused the stage: ${JSON.stringify(answer.body)}`, stale: false };
  return { action: 'retry', reason: `journal answered ${answer.status}` };
}
