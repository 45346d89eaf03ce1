import { z } from 'zod';
import { symbolInputSchema } from '../events/symbol.js';
import { decimalInputSchema, epochMsSchema, journalIdSchema, positiveDecimalInputSchema } from './journal-common.schema.js';

/**
 * REST contracts of alerts (`/api/alerts`): what the trader defines, the journal stores and the
 * copilot evaluates. One discriminated union on `kind`; every kind shares a label, a behaviour on
 * hit and the bookkeeping (`hitCount`, `lastFiredAt`). Levels, targets and values are decimals the
 * journal stores exactly as micros.
 */

export const ALERT_LABEL_MAX_LENGTH = 120;
export const ALERT_SOURCE_REF_MAX_LENGTH = 200;
export const ALERT_HIT_MESSAGE_MAX_LENGTH = 500;
export const ALERT_HIT_KEY_MAX_LENGTH = 200;
/** A repeating alert waits at least this long between two hits, so a price hovering on a level cannot flood the user. */
export const ALERT_MIN_COOLDOWN_SEC = 10;
export const ALERT_DEFAULT_COOLDOWN_SEC = 60;
export const ALERT_HISTORY_MAX = 200;

export const alertKinds = ['price', 'spread-debit', 'position-pnl', 'greeks', 'trailing-stop'] as const;
export const alertKindSchema = z.enum(alertKinds, `must be one of ${alertKinds.join(', ')}`);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const alertDirectionSchema = z.enum(['above', 'below', 'cross'], 'must be "above", "below" or "cross"');
export type AlertDirection = z.infer<typeof alertDirectionSchema>;

export const alertPriceSourceSchema = z.enum(['manual', 'chart-level', 'gex-wall', 'breakeven'], 'must be "manual", "chart-level", "gex-wall" or "breakeven"');
export const alertGreekSchema = z.enum(['delta', 'gamma', 'theta', 'vega'], 'must be "delta", "gamma", "theta" or "vega"');
export const alertComparatorSchema = z.enum(['above', 'below'], 'must be "above" or "below"');
export const alertTrailUnitSchema = z.enum(['points', 'percent'], 'must be "points" or "percent"');
export const alertSideSchema = z.enum(['long', 'short'], 'must be "long" or "short"');

/** `once`: disabled after its first hit; `repeat`: fires again after `cooldownSec`; `remove-on-hit`: removed by its hit (its hit stays in the user's recent hits). */
export const alertBehaviourSchema = z.enum(['once', 'repeat', 'remove-on-hit'], 'must be "once", "repeat" or "remove-on-hit"');
export type AlertBehaviour = z.infer<typeof alertBehaviourSchema>;

const labelSchema = z.string().trim().min(1, 'must not be empty').max(ALERT_LABEL_MAX_LENGTH, `must be at most ${ALERT_LABEL_MAX_LENGTH} characters`);
const cooldownSchema = z
  .number({ error: 'must be a whole number of seconds' })
  .int('must be a whole number of seconds')
  .min(ALERT_MIN_COOLDOWN_SEC, `must be at least ${ALERT_MIN_COOLDOWN_SEC} seconds`)
  .max(86_400, 'must be at most 86400 seconds (a day)');

/** What each kind watches; shared by the body a client sends and the alert the journal answers. */
const priceShape = {
  kind: z.literal('price'),
  symbol: symbolInputSchema,
  level: positiveDecimalInputSchema,
  direction: alertDirectionSchema,
  source: alertPriceSourceSchema.default('manual'),
  sourceRef: z.string().trim().min(1, 'must not be empty').max(ALERT_SOURCE_REF_MAX_LENGTH, `must be at most ${ALERT_SOURCE_REF_MAX_LENGTH} characters`).optional().describe('what the level came from: a chart drawing id, a wall strike, a position id'),
};
const spreadDebitShape = {
  kind: z.literal('spread-debit'),
  positionId: journalIdSchema.describe('a saved position of the user'),
  target: decimalInputSchema.describe('the spread price (debit) to watch'),
  direction: alertDirectionSchema,
};
const positionPnlShape = {
  kind: z.literal('position-pnl'),
  positionId: journalIdSchema.optional().describe('a saved position of the user (or tradeId)'),
  tradeId: journalIdSchema.optional().describe('an open trade of the user (or positionId)'),
  target: decimalInputSchema.describe('P&L in the account currency'),
  direction: alertDirectionSchema,
};
const greeksShape = {
  kind: z.literal('greeks'),
  positionId: journalIdSchema.optional().describe('a saved position of the user (or tradeId)'),
  tradeId: journalIdSchema.optional().describe('an open trade of the user (or positionId)'),
  greek: alertGreekSchema,
  op: alertComparatorSchema,
  value: decimalInputSchema,
};
const trailingStopShape = {
  kind: z.literal('trailing-stop'),
  symbol: symbolInputSchema,
  side: alertSideSchema,
  trail: positiveDecimalInputSchema.describe('distance from the best price since the alert was armed'),
  trailUnit: alertTrailUnitSchema,
};
const commonBodyShape = {
  label: labelSchema.optional(),
  behaviour: alertBehaviourSchema.default('once'),
  cooldownSec: cooldownSchema.optional().describe(`repeat only: seconds between two hits (default ${ALERT_DEFAULT_COOLDOWN_SEC})`),
  enabled: z.boolean({ error: 'must be true or false' }).default(true),
};

/** Exactly one of positionId and tradeId, and a cooldown only on a repeating alert. */
function checkBody(body: Record<string, unknown> & { kind: AlertKind; behaviour: AlertBehaviour }, ctx: z.RefinementCtx): void {
  if ((body.kind === 'position-pnl' || body.kind === 'greeks') && (body['positionId'] === undefined) === (body['tradeId'] === undefined)) {
    ctx.addIssue({ code: 'custom', path: [body['positionId'] === undefined ? 'positionId' : 'tradeId'], message: 'give exactly one of positionId and tradeId' });
  }
  if (body['cooldownSec'] !== undefined && body.behaviour !== 'repeat') {
    ctx.addIssue({ code: 'custom', path: ['cooldownSec'], message: 'only a repeating alert has a cooldown' });
  }
  if (body.kind === 'trailing-stop' && body['trailUnit'] === 'percent' && typeof body['trail'] === 'number' && body['trail'] >= 100) {
    ctx.addIssue({ code: 'custom', path: ['trail'], message: 'must be under 100 percent' });
  }
}

/** `POST /api/alerts`. */
export const alertBodySchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...priceShape, ...commonBodyShape }),
      z.strictObject({ ...spreadDebitShape, ...commonBodyShape }),
      z.strictObject({ ...positionPnlShape, ...commonBodyShape }),
      z.strictObject({ ...greeksShape, ...commonBodyShape }),
      z.strictObject({ ...trailingStopShape, ...commonBodyShape }),
    ],
    { error: `must be one of ${alertKinds.join(', ')}` },
  )
  .superRefine(checkBody);
export type AlertBody = z.infer<typeof alertBodySchema>;
export type AlertBodyInput = z.input<typeof alertBodySchema>;

/**
 * `PATCH /api/alerts/:id`: any field of the alert's own kind (never `kind` itself). The service
 * merges it into the stored alert and checks the result as a whole body, so a field of another
 * kind, or a merged alert that breaks a rule, is refused naming that field.
 */
export const alertPatchSchema = z
  .strictObject({
    label: labelSchema.nullable().optional().describe('null removes the label'),
    behaviour: alertBehaviourSchema.optional(),
    cooldownSec: cooldownSchema.nullable().optional(),
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
    symbol: symbolInputSchema.optional(),
    level: positiveDecimalInputSchema.optional(),
    direction: alertDirectionSchema.optional(),
    source: alertPriceSourceSchema.optional(),
    sourceRef: z.string().trim().min(1, 'must not be empty').max(ALERT_SOURCE_REF_MAX_LENGTH).nullable().optional(),
    positionId: journalIdSchema.nullable().optional(),
    tradeId: journalIdSchema.nullable().optional(),
    target: decimalInputSchema.optional(),
    greek: alertGreekSchema.optional(),
    op: alertComparatorSchema.optional(),
    value: decimalInputSchema.optional(),
    side: alertSideSchema.optional(),
    trail: positiveDecimalInputSchema.optional(),
    trailUnit: alertTrailUnitSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field', path: [] });
export type AlertPatch = z.infer<typeof alertPatchSchema>;

const bookkeepingShape = {
  id: z.string(),
  label: z.string().nullable(),
  behaviour: alertBehaviourSchema,
  cooldownSec: z.number().int().nullable().describe('seconds between two hits of a repeating alert; null otherwise'),
  enabled: z.boolean(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  lastFiredAt: epochMsSchema.nullable(),
  hitCount: z.number().int(),
};
const nullableRef = { positionId: z.string().nullable(), tradeId: z.string().nullable() };

/** An alert as the journal answers it. */
export const alertSchema = z.discriminatedUnion('kind', [
  z.object({ ...bookkeepingShape, kind: z.literal('price'), symbol: z.string(), level: z.number(), direction: alertDirectionSchema, source: alertPriceSourceSchema, sourceRef: z.string().nullable() }),
  z.object({ ...bookkeepingShape, kind: z.literal('spread-debit'), positionId: z.string(), target: z.number(), direction: alertDirectionSchema }),
  z.object({ ...bookkeepingShape, kind: z.literal('position-pnl'), ...nullableRef, target: z.number(), direction: alertDirectionSchema }),
  z.object({ ...bookkeepingShape, kind: z.literal('greeks'), ...nullableRef, greek: alertGreekSchema, op: alertComparatorSchema, value: z.number() }),
  z.object({ ...bookkeepingShape, kind: z.literal('trailing-stop'), symbol: z.string(), side: alertSideSchema, trail: z.number(), trailUnit: alertTrailUnitSchema }),
]);
export type AlertDto = z.infer<typeof alertSchema>;

export const alertListSchema = z.object({ alerts: z.array(alertSchema) });
export type AlertListDto = z.infer<typeof alertListSchema>;

/** `GET /api/alerts` filters. */
export const alertListQuerySchema = z.strictObject({
  enabled: z.enum(['true', 'false'], 'must be "true" or "false"').transform((value) => value === 'true').optional().describe('only enabled (true) or disabled (false) alerts'),
  kind: alertKindSchema.optional(),
  symbol: symbolInputSchema.optional().describe('alerts on this symbol (price and trailing-stop)'),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

/** One recorded hit. */
export const alertHitSchema = z.object({
  id: z.string(),
  alertId: z.string(),
  at: epochMsSchema,
  message: z.string(),
  value: z.number().nullable().describe('what the evaluator saw (price, P&L, greek) when the alert fired'),
});
export type AlertHitDto = z.infer<typeof alertHitSchema>;

export const alertHistorySchema = z.object({ hits: z.array(alertHitSchema) });
export type AlertHistoryDto = z.infer<typeof alertHistorySchema>;

export const ALERT_RECENT_HITS_DEFAULT = 50;

/** `GET /api/alerts/hits`. */
export const alertRecentHitsQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(ALERT_HISTORY_MAX, `must be at most ${ALERT_HISTORY_MAX}`)
    .default(ALERT_RECENT_HITS_DEFAULT)
    .describe(`how many hits, newest first (default ${ALERT_RECENT_HITS_DEFAULT})`),
});
export type AlertRecentHitsQuery = z.infer<typeof alertRecentHitsQuerySchema>;

/** One hit in the user's recent hits, with what its alert was: the alert itself may be gone (a remove-on-hit alert). */
export const alertRecentHitSchema = alertHitSchema.extend({
  label: z.string().nullable().describe("the alert's label, as last saved"),
  kind: alertKindSchema,
});
export type AlertRecentHitDto = z.infer<typeof alertRecentHitSchema>;

export const alertRecentHitsSchema = z.object({ hits: z.array(alertRecentHitSchema) });
export type AlertRecentHitsDto = z.infer<typeof alertRecentHitsSchema>;

const hitKeySchema = z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(ALERT_HIT_KEY_MAX_LENGTH, `must be at most ${ALERT_HIT_KEY_MAX_LENGTH} characters`);
const hitShape = {
  at: z.number({ error: 'must be epoch milliseconds' }).int('must be epoch milliseconds').positive('must be epoch milliseconds'),
  message: z.string().trim().min(1, 'must not be empty').max(ALERT_HIT_MESSAGE_MAX_LENGTH, `must be at most ${ALERT_HIT_MESSAGE_MAX_LENGTH} characters`),
  value: decimalInputSchema.optional(),
};

/** `POST /api/internal/alerts/:id/hits`, from the evaluator. */
export const alertHitBodySchema = z.strictObject({
  ...hitShape,
  key: hitKeySchema.optional().describe('idempotency key: the same key again (within 7 days) answers 200 with the first answer and `replayed: true`, recording nothing'),
});
export type AlertHitBody = z.infer<typeof alertHitBodySchema>;

/**
 * What a recorded hit did to its alert: `alert` is null when the hit removed it (remove-on-hit).
 * `replayed: true` when a keyed hit had already been recorded and this is its first answer again
 * (the alert as it was right after that hit).
 */
export const alertHitResultSchema = z.object({
  hit: alertHitSchema,
  alert: alertSchema.nullable(),
  replayed: z.boolean().optional().describe('true when the key had already been recorded: nothing was recorded this time'),
});
export type AlertHitResultDto = z.infer<typeof alertHitResultSchema>;

/** At most this many hits in one `POST /api/internal/alerts/hits`: well above the ~90 one tick fires. */
export const ALERT_HIT_BATCH_MAX = 200;

/** One hit of a batch: the single route's body plus the alert it is for; `key` is required, so a retried batch records nothing twice. */
export const alertHitBatchItemSchema = z.strictObject({
  alertId: journalIdSchema,
  ...hitShape,
  key: hitKeySchema.describe('idempotency key, as on the single route: the same key again (within 7 days) answers status 200 with the first answer and `replayed: true`'),
});
export type AlertHitBatchItem = z.infer<typeof alertHitBatchItemSchema>;

/** `POST /api/internal/alerts/hits`: one tick's hits, recorded in order in one request. */
export const alertHitBatchBodySchema = z.strictObject({
  hits: z.array(alertHitBatchItemSchema).min(1, 'must hold at least one hit').max(ALERT_HIT_BATCH_MAX, `must hold at most ${ALERT_HIT_BATCH_MAX} hits`),
});
export type AlertHitBatchBody = z.infer<typeof alertHitBatchBodySchema>;

/** The error body the single route would have answered for a refused hit (its `issues` name that route's fields: `id` is the hit's alertId). */
export const alertHitBatchErrorSchema = z.object({
  code: z.enum(['not-found', 'conflict']),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AlertHitBatchErrorDto = z.infer<typeof alertHitBatchErrorSchema>;

/** What the single route would have answered for one hit of the batch: `status` and either its `result` (201, 200 replayed) or its `error` (404, 409). */
export const alertHitBatchOutcomeSchema = z.object({
  alertId: z.string(),
  key: z.string(),
  status: z.union([z.literal(201), z.literal(200), z.literal(404), z.literal(409)]).describe('201 recorded, 200 replayed (key already recorded), 404 no such alert, 409 refused'),
  result: alertHitResultSchema.optional().describe('with 201 and 200'),
  error: alertHitBatchErrorSchema.optional().describe('with 404 and 409'),
});
export type AlertHitBatchOutcomeDto = z.infer<typeof alertHitBatchOutcomeSchema>;

export const alertHitBatchResultSchema = z.object({ results: z.array(alertHitBatchOutcomeSchema).describe('one per hit, in the order sent') });
export type AlertHitBatchResultDto = z.infer<typeof alertHitBatchResultSchema>;

export const INTERNAL_PAGE_DEFAULT = 500;
export const INTERNAL_PAGE_MAX = 1000;

/** `GET /api/internal/alerts` and `/api/internal/prompt-alerts`: one user's, or everyone's by cursor. */
export const internalListQuerySchema = z.strictObject({
  user: z.string().min(1, 'must not be empty').max(200).optional().describe('only this user\'s (enabled) items'),
  cursor: z.string().min(1, 'must not be empty').max(200).optional().describe('the nextCursor of the previous page'),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(INTERNAL_PAGE_MAX, `must be at most ${INTERNAL_PAGE_MAX}`).default(INTERNAL_PAGE_DEFAULT),
});
export type InternalListQuery = z.infer<typeof internalListQuerySchema>;

/** An alert as the evaluator reads it: with its owner. */
export const internalAlertSchema = z.intersection(alertSchema, z.object({ userId: z.string() }));
export type InternalAlertDto = z.infer<typeof internalAlertSchema>;

export const internalAlertPageSchema = z.object({
  alerts: z.array(internalAlertSchema),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last'),
});
export type InternalAlertPageDto = z.infer<typeof internalAlertPageSchema>;
