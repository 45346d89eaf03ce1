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

/** `<alertId>:<at>`: the same tick seen again (after a crash, by a second instance) gives the same key. */
export function hitKey(alertId: string, at: number): string {
  return `${alertId}:${at}`;
}

export function stageKey(promptAlertId: string, stage: string): string {
  return `prompt:${promptAlertId}:${stage}`;
}

export function fillKey(orderId: string): string {
  return `order:${orderId}`;
}
