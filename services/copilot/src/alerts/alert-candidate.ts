import { z } from 'zod';
import { promptAlertStageSchema } from '@marketswarm/shared/dto';

/**
 * One event the engine intends to send: a hit of an alert, a prompt alert's new stage, or an
 * order fill. It is written to the outbox before the journal hears of it, so this is also the
 * outbox entry's shape (validated when read back: Redis is a boundary).
 */
export const alertCandidateSchema = z.object({
  type: z.enum(['hit', 'stage', 'fill']),
  /** Outbox field, journal idempotency key and (for stages and fills) the hit id. */
  key: z.string().min(1).max(200),
  userId: z.string().min(1),
  /** The alert, prompt alert or order this is about. */
  alertId: z.string().min(1),
  kind: z.enum(['price', 'spread-debit', 'position-pnl', 'greeks', 'trailing-stop', 'prompt-alert', 'order-fill']),
  at: z.number().int().positive(),
  message: z.string().min(1).max(500),
  severity: z.enum(['info', 'warning', 'critical']),
  value: z.number().nullable(),
  symbol: z.string().nullable(),
  stage: promptAlertStageSchema.optional(),
});
export type AlertCandidate = z.infer<typeof alertCandidateSchema>;

/**
 * `<alertId>:<origin>`, where the origin is what fired the hit, named the same every time it is read:
 * - a spot tick or heatmap diff: its stream entry id (`1733515200000-0`), unique even for two ticks
 *   in one millisecond, and the same when the entry is read again (after a crash, by a second instance);
 * - a user's alert or book change that re-marks their positions: the id of that user's last sync or
 *   book stream entry in the batch;
 * - a heatmap model read from the snapshot at resume: `heatmap:<symbol>@<version>`.
 */
export function hitKey(alertId: string, origin: string): string {
  return `${alertId}:${origin}`;
}

export function stageKey(promptAlertId: string, stage: string): string {
  return `prompt:${promptAlertId}:${stage}`;
}

export function fillKey(orderId: string): string {
  return `order:${orderId}`;
}
