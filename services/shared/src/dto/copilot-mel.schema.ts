import { z } from 'zod';

/**
 * Model effectiveness (MEL): how far the market models can be trusted right now. Five 0–100 scores,
 * each with a state, trend and confidence, and one global integrity: the weighted mean of the five
 * times a coherence multiplier. Served by the copilot on `/api/mel/*` and `/ws/mel`; the SPA's
 * status bar validates what it receives with this same file.
 */

export const melModelIds = ['gamma', 'volumeProfile', 'liquidity', 'volatility', 'session'] as const;
export const melModelIdSchema = z.enum(melModelIds, `must be one of ${melModelIds.join(', ')}`);
export type MelModelId = z.infer<typeof melModelIdSchema>;

/** How much each model weighs in the global integrity (sums to 1). */
export const MEL_WEIGHTS: Readonly<Record<MelModelId, number>> = { gamma: 0.3, volumeProfile: 0.25, liquidity: 0.2, volatility: 0.15, session: 0.1 };

export const melStates = ['VALID', 'DEGRADED', 'REVOKED'] as const;
export const melStateSchema = z.enum(melStates);
export type MelState = z.infer<typeof melStateSchema>;
export const MEL_VALID_FROM = 70;
export const MEL_DEGRADED_FROM = 50;

/** VALID from 70, DEGRADED from 50, REVOKED below. */
export function melStateOf(score: number): MelState {
  if (score >= MEL_VALID_FROM) return 'VALID';
  if (score >= MEL_DEGRADED_FROM) return 'DEGRADED';
  return 'REVOKED';
}

export const melTrendSchema = z.enum(['improving', 'stable', 'degrading']);
export type MelTrend = z.infer<typeof melTrendSchema>;

/** Whether the five models agree over time: the multiplier applied to the weighted mean. */
export const melCoherences = ['stable', 'mixed', 'collapsing', 'recovered'] as const;
export const melCoherenceSchema = z.enum(melCoherences);
export type MelCoherence = z.infer<typeof melCoherenceSchema>;
export const MEL_COHERENCE_MULTIPLIER: Readonly<Record<MelCoherence, number>> = { stable: 1, mixed: 0.85, collapsing: 0.6, recovered: 0.9 };

const score = z.number().min(0).max(100);

export const melModelScoreSchema = z.object({
  model: melModelIdSchema,
  score,
  state: melStateSchema,
  trend: melTrendSchema,
  confidence: z.number().min(0).max(1).describe('how much data the score stands on: 0 (none) to 1 (a full window)'),
  /** The sub-scores the score is made of (0–100 each), named as documented in docs/MEL.md. */
  components: z.record(z.string(), score),
});
export type MelModelScore = z.infer<typeof melModelScoreSchema>;

export const melSnapshotSchema = z.object({
  symbol: z.string(),
  dte: z.number().int().nonnegative(),
  ts: z.number().int().nonnegative(),
  spot: z.number().nullable(),
  models: z.object({
    gamma: melModelScoreSchema,
    volumeProfile: melModelScoreSchema,
    liquidity: melModelScoreSchema,
    volatility: melModelScoreSchema,
    session: melModelScoreSchema,
  }),
  /** The weighted mean of the five scores, before coherence. */
  weighted: score,
  coherence: melCoherenceSchema,
  /** `weighted × MEL_COHERENCE_MULTIPLIER[coherence]`. */
  globalIntegrity: score,
  state: melStateSchema,
});
export type MelSnapshot = z.infer<typeof melSnapshotSchema>;

export const MEL_DTE_MAX = 60;
export const melDteSchema = z.coerce
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(0, 'must be 0 or more')
  .max(MEL_DTE_MAX, `must be at most ${MEL_DTE_MAX}`);

/** `?dte=` of `/api/mel/*` and `/ws/mel`. */
export const melQuerySchema = z.strictObject({ dte: melDteSchema.default(0) });
export type MelQuery = z.infer<typeof melQuerySchema>;

export const MEL_HISTORY_DEFAULT = 100;
export const melHistoryQuerySchema = z.strictObject({
  dte: melDteSchema.default(0),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(2000, 'must be at most 2000').default(MEL_HISTORY_DEFAULT),
});
export type MelHistoryQuery = z.infer<typeof melHistoryQuerySchema>;

export const melHistorySchema = z.object({ dte: z.number().int(), snapshots: z.array(melSnapshotSchema).describe('oldest first') });
export type MelHistoryDto = z.infer<typeof melHistorySchema>;

/** `GET /api/mel/state`: the short form the header shows. */
export const melStateSummarySchema = z.object({
  dte: z.number().int(),
  ts: z.number().int(),
  globalIntegrity: score,
  state: melStateSchema,
  coherence: melCoherenceSchema,
  models: z.record(melModelIdSchema, melStateSchema),
});
export type MelStateSummaryDto = z.infer<typeof melStateSummarySchema>;

export const melModelParamsSchema = z.strictObject({ model: melModelIdSchema });
