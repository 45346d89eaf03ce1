import { z } from 'zod';

/**
 * Commentary: short plain-text lines about what the market and the trader's book are doing.
 * Rule-based by default; an optional OpenAI-compatible provider may phrase them (the rules remain
 * the fallback). Served on `/api/commentary/*` and `/ws/commentary`. Text is plain: the SPA
 * renders it as text (or through a sanitising markdown renderer), never as HTML.
 */

export const commentaryKinds = ['mel-state', 'coherence', 'wall-cross', 'flip-cross', 'breakeven', 'alert-fired', 'on-demand'] as const;
export const commentaryKindSchema = z.enum(commentaryKinds, `must be one of ${commentaryKinds.join(', ')}`);
export type CommentaryKind = z.infer<typeof commentaryKindSchema>;

export const COMMENTARY_TEXT_MAX = 1000;

export const commentarySchema = z.object({
  id: z.string(),
  ts: z.number().int().nonnegative(),
  kind: commentaryKindSchema,
  severity: z.enum(['info', 'warning', 'critical']),
  text: z.string().min(1).max(COMMENTARY_TEXT_MAX),
  /** `rules`: written by the rule engine; `provider`: phrased by the configured language model. */
  source: z.enum(['rules', 'provider']),
  symbol: z.string().optional(),
});
export type CommentaryDto = z.infer<typeof commentarySchema>;

export const COMMENTARY_MAX_PER_MINUTE = 30;

/** A user's commentary preferences (stored per user in system Redis). */
export const commentaryConfigSchema = z.strictObject({
  enabled: z.boolean({ error: 'must be true or false' }),
  kinds: z.array(commentaryKindSchema).describe('the triggers this user wants commentary on'),
  maxPerMinute: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(COMMENTARY_MAX_PER_MINUTE, `must be at most ${COMMENTARY_MAX_PER_MINUTE}`),
  useProvider: z.boolean({ error: 'must be true or false' }).describe('phrase with the language model when one is configured'),
});
export type CommentaryConfigDto = z.infer<typeof commentaryConfigSchema>;

export const DEFAULT_COMMENTARY_CONFIG: CommentaryConfigDto = { enabled: true, kinds: [...commentaryKinds], maxPerMinute: 6, useProvider: false };

/** `PUT /api/commentary/config`: any subset of the config. */
export const commentaryConfigPatchSchema = commentaryConfigSchema.partial().refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field', path: [] });
export type CommentaryConfigPatch = z.infer<typeof commentaryConfigPatchSchema>;

export const commentaryListQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
});
export type CommentaryListQuery = z.infer<typeof commentaryListQuerySchema>;

export const commentaryListSchema = z.object({ items: z.array(commentarySchema).describe('newest first') });
export type CommentaryListDto = z.infer<typeof commentaryListSchema>;

/** `POST /api/commentary/trigger`: comment on the market now, optionally on a question. */
export const commentaryTriggerBodySchema = z.strictObject({
  question: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});
export type CommentaryTriggerBody = z.infer<typeof commentaryTriggerBodySchema>;
