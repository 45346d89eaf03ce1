import { z } from 'zod';
import { symbolInputSchema } from '../events/symbol.js';
import { decimalInputSchema, epochMsSchema, journalIdSchema, moneySchema, nonNegativeDecimalInputSchema, positiveDecimalInputSchema } from './journal-common.schema.js';
import { isoDateSchema } from './journal-execution.schema.js';
import { instantInputSchema } from './journal-ingest.schema.js';

/**
 * REST contracts of saved what-if positions (`/api/journal/positions`): a spread the trader is
 * considering, kept by the journal so the risk graph shows it in every tab, and logged as a trade
 * when taken. The journal publishes the user's whole list on the `risk-graph` topic after every change.
 *
 * A position is a spread bought `quantity` times: each leg says how many of its option one spread
 * holds (`ratio`, signed), and `entryPrice` is what one spread costs. That is the shape a heatmap tile
 * has (`savedLegsFromTile`), and what the risk graph prices (`savedPositionRiskLegs`).
 */

export const SAVED_POSITION_MAX_LEGS = 8;
export const SAVED_POSITION_MAX_QUANTITY = 10_000;
export const SAVED_POSITION_NAME_MAX_LENGTH = 100;
const MAX_RATIO = 100;

export const savedPositionRightSchema = z.enum(['call', 'put'], 'must be "call" or "put"');
export type SavedPositionRight = z.infer<typeof savedPositionRightSchema>;

/** A date that is on the calendar: the format alone lets 2027-02-30 through (a wrong format is the format's issue alone). */
const calendarDateSchema = isoDateSchema.refine((value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value);
}, 'must be a date on the calendar');

export const savedPositionLegSchema = z.strictObject({
  expiry: calendarDateSchema.describe('YYYY-MM-DD, the expiration date (the option expires at that day\'s close)'),
  strike: positiveDecimalInputSchema,
  right: savedPositionRightSchema,
  ratio: z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
    .int('must be a whole number')
    .refine((ratio) => ratio !== 0, 'must not be 0')
    .refine((ratio) => Math.abs(ratio) <= MAX_RATIO, `must be between -${MAX_RATIO} and ${MAX_RATIO}`)
    .describe('contracts of this option in one spread: positive long, negative short'),
});
export type SavedPositionLeg = z.infer<typeof savedPositionLegSchema>;

/**
 * The legs of a spread, as a saved position and an order take them. One option appears once: two
 * legs of the same contract would be one leg to a broker and to grouping.
 */
export const optionLegsSchema = z
  .array(savedPositionLegSchema)
  .min(1, 'send at least one leg')
  .max(SAVED_POSITION_MAX_LEGS, `at most ${SAVED_POSITION_MAX_LEGS} legs`)
  .superRefine((legs, ctx) => {
    const seen = new Set<string>();
    legs.forEach((leg, i) => {
      // Micros, as the journal stores strikes: 5012.5 and 5012.50000000001 are one option.
      const key = `${leg.expiry}|${Math.round(leg.strike * 1_000_000)}|${leg.right}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'repeats the option of an earlier leg; merge their ratios' });
      seen.add(key);
    });
  });

const nameSchema = z.string().trim().min(1, 'must not be empty').max(SAVED_POSITION_NAME_MAX_LENGTH, `must be at most ${SAVED_POSITION_NAME_MAX_LENGTH} characters`);
const quantitySchema = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
  .int('must be a whole number of spreads')
  .min(1, 'must be at least 1')
  .max(SAVED_POSITION_MAX_QUANTITY, `must be at most ${SAVED_POSITION_MAX_QUANTITY}`);
const entryPriceSchema = decimalInputSchema.describe('per spread, per unit before the multiplier: positive a debit paid, negative a credit received');

/** Where a position came from: the heatmap tile it was made from (its key, `strategy:dte:width:strike`). */
export const savedPositionSourceSchema = z.strictObject({ kind: z.literal('tile'), key: z.string().trim().min(1, 'must not be empty').max(200) });
export type SavedPositionSource = z.infer<typeof savedPositionSourceSchema>;

export const createSavedPositionBodySchema = z.strictObject({
  name: nameSchema,
  symbol: symbolInputSchema.describe('the underlying, e.g. SPX'),
  legs: optionLegsSchema,
  quantity: quantitySchema,
  entryPrice: entryPriceSchema,
  source: savedPositionSourceSchema.optional(),
});
export type CreateSavedPositionBody = z.infer<typeof createSavedPositionBodySchema>;

export const updateSavedPositionBodySchema = z
  .strictObject({
    name: nameSchema.optional(),
    legs: optionLegsSchema.optional().describe('replaces the legs; the position no longer claims a tile as its source'),
    quantity: quantitySchema.optional(),
    entryPrice: entryPriceSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, legs, quantity, entryPrice');
export type UpdateSavedPositionBody = z.infer<typeof updateSavedPositionBodySchema>;

/** Logs a what-if as a trade, entered like a trade typed by hand (`POST /api/logs/:id/trades`). */
export const logSavedPositionBodySchema = z.strictObject({
  logId: journalIdSchema.optional().describe('default: the user\'s default log'),
  prices: z
    .array(nonNegativeDecimalInputSchema)
    .min(1, 'send a price for each leg')
    .max(SAVED_POSITION_MAX_LEGS)
    .optional()
    .describe('per unit, one per leg in leg order; default each leg\'s live mid from the market heatmap'),
  at: instantInputSchema.optional().describe('when it was filled; default now'),
  commission: nonNegativeDecimalInputSchema.default(0).describe('per contract, per leg'),
});
export type LogSavedPositionBody = z.infer<typeof logSavedPositionBodySchema>;

/** One leg as the journal answers it (saved positions, orders). */
export const optionLegResponseSchema = z.object({ expiry: z.string().describe('YYYY-MM-DD'), strike: z.number(), right: savedPositionRightSchema, ratio: z.number().int() });

export const savedPositionSchema = z.object({
  id: z.string(),
  name: z.string(),
  symbol: z.string(),
  legs: z.array(optionLegResponseSchema),
  quantity: z.number().int(),
  entryPrice: moneySchema.describe('per spread; positive a debit, negative a credit'),
  source: z.object({ kind: z.literal('tile'), key: z.string() }).optional(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type SavedPositionDto = z.infer<typeof savedPositionSchema>;

export const savedPositionListSchema = z.object({ positions: z.array(savedPositionSchema) });
export type SavedPositionListDto = z.infer<typeof savedPositionListSchema>;
