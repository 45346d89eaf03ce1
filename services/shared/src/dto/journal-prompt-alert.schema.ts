import { z } from 'zod';
import { epochMsSchema } from './journal-common.schema.js';

/**
 * REST contracts of prompt alerts (`/api/prompt-alerts`): a sentence the trader typed ("alert me if
 * SPX closes above the call wall with VIX under 15"), the rule the journal's deterministic grammar
 * read from it, and the stage the copilot last reported. No language model takes part.
 */

export const PROMPT_ALERT_TEXT_MAX_LENGTH = 300;

/** The symbols a sentence may name (the grammar's vocabulary; anything else is refused, naming this list). */
export const promptAlertSymbols = ['SPX', 'NDX', 'SPY', 'QQQ', 'RUT', 'VIX'] as const;
export type PromptAlertSymbol = (typeof promptAlertSymbols)[number];

/** GEX levels a sentence may target, resolved by the evaluator from the symbol's latest GEX model. */
export const promptAlertLevels = ['call-wall', 'put-wall', 'zero-gamma', 'max-pain'] as const;
export type PromptAlertLevel = (typeof promptAlertLevels)[number];

/** `price`: the last trade; `close`: the session close; `pnl`: the P&L of the user's open positions. */
export const promptAlertMetricSchema = z.enum(['price', 'close', 'pnl']);
/** `crosses`: moves through the target from either side; `reaches`: arrives at it from where it is now. */
export const promptAlertComparatorSchema = z.enum(['above', 'below', 'crosses', 'reaches']);

export const promptAlertTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('level'), level: z.enum(promptAlertLevels) }),
]);
export type PromptAlertTarget = z.infer<typeof promptAlertTargetSchema>;

/**
 * Warning distances: a condition is in `warning` once its subject is within this percentage of the
 * target (on the side it has not crossed yet): 0.25 % for a price or close (SPX 5000 warns from
 * 4987.5), 10 % of the target for P&L (a 500 target warns from 450).
 */
export const PROMPT_ALERT_WARNING_PERCENT = { price: 0.25, close: 0.25, pnl: 10 } as const;

export const promptAlertConditionSchema = z.object({
  /** Null for `pnl`: the user's positions, not a symbol. */
  symbol: z.enum(promptAlertSymbols).nullable(),
  metric: promptAlertMetricSchema,
  comparator: promptAlertComparatorSchema,
  target: promptAlertTargetSchema,
  warnWithinPercent: z.number().describe('the warning distance, in percent of the target'),
});
export type PromptAlertCondition = z.infer<typeof promptAlertConditionSchema>;

/** Every condition must hold at once (joined by "and", "with", "while"). */
export const promptAlertRuleSchema = z.object({ conditions: z.array(promptAlertConditionSchema).min(1) });
export type PromptAlertRule = z.infer<typeof promptAlertRuleSchema>;

/** `watching` → `warning` (within the warning distance) → `accomplished` (every condition holds). */
export const promptAlertStages = ['watching', 'warning', 'accomplished'] as const;
export const promptAlertStageSchema = z.enum(promptAlertStages, 'must be "watching", "warning" or "accomplished"');
export type PromptAlertStage = z.infer<typeof promptAlertStageSchema>;

export const promptAlertTextSchema = z
  .string({ error: 'must be a sentence' })
  .trim()
  .min(1, 'must not be empty')
  .max(PROMPT_ALERT_TEXT_MAX_LENGTH, `must be at most ${PROMPT_ALERT_TEXT_MAX_LENGTH} characters`);

/** `POST /api/prompt-alerts` and `POST /api/prompt-alerts/parse`. */
export const promptAlertBodySchema = z.strictObject({ text: promptAlertTextSchema });
export type PromptAlertBody = z.infer<typeof promptAlertBodySchema>;

export const promptAlertParseSchema = z.object({ text: z.string(), rule: promptAlertRuleSchema });
export type PromptAlertParseDto = z.infer<typeof promptAlertParseSchema>;

export const promptAlertSchema = z.object({
  id: z.string(),
  text: z.string(),
  rule: promptAlertRuleSchema,
  stage: promptAlertStageSchema,
  stageChangedAt: epochMsSchema.nullable(),
  enabled: z.boolean(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type PromptAlertDto = z.infer<typeof promptAlertSchema>;

export const promptAlertListSchema = z.object({ promptAlerts: z.array(promptAlertSchema) });
export type PromptAlertListDto = z.infer<typeof promptAlertListSchema>;

/** `POST /api/internal/prompt-alerts/:id/stage`, from the evaluator. */
export const promptAlertStageBodySchema = z.strictObject({
  stage: promptAlertStageSchema,
  at: z.number({ error: 'must be epoch milliseconds' }).int('must be epoch milliseconds').positive('must be epoch milliseconds').optional().describe('when the evaluator saw it (default: now)'),
});
export type PromptAlertStageBody = z.infer<typeof promptAlertStageBodySchema>;

export const internalPromptAlertSchema = promptAlertSchema.extend({ userId: z.string() });
export type InternalPromptAlertDto = z.infer<typeof internalPromptAlertSchema>;

export const internalPromptAlertPageSchema = z.object({
  promptAlerts: z.array(internalPromptAlertSchema),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last'),
});
export type InternalPromptAlertPageDto = z.infer<typeof internalPromptAlertPageSchema>;
