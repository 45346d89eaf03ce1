import { z } from 'zod';
import { marketAtEntrySchema } from './market-at-entry.schema.js';
import { epochMsSchema, journalIdSchema, moneySchema, positiveDecimalInputSchema, timeQuerySchema } from './journal-common.schema.js';

/** REST contracts of trades as read and edited (`/api/trades/:id`, `/api/logs/:id/trades`). */

export const TRADE_NOTES_MAX_LENGTH = 20_000;
export const TRADE_PAGE_MAX = 200;
export const TRADE_PAGE_DEFAULT = 50;

export const tradeStatusSchema = z.enum(['open', 'closed'], 'must be "open" or "closed"');
export type TradeStatusDto = z.infer<typeof tradeStatusSchema>;

/** Newest opened first (`-openedAt`, the default) or oldest first (`openedAt`). */
export const tradeSortSchema = z.enum(['-openedAt', 'openedAt'], 'must be "-openedAt" or "openedAt"');
export type TradeSort = z.infer<typeof tradeSortSchema>;

export const tradeLegFillSchema = z.object({ executionId: z.string(), quantity: z.number() });

export const tradeLegSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  instrumentKind: z.enum(['stock', 'option', 'future', 'future_option']),
  symbol: z.string(),
  expiry: z.string().nullable().describe('YYYY-MM-DD'),
  strike: z.number().nullable(),
  right: z.enum(['C', 'P']).nullable(),
  side: z.enum(['buy', 'sell']),
  quantity: z.number(),
  openPrice: z.number(),
  closePrice: z.number().nullable(),
  multiplier: z.number(),
  fills: z.array(tradeLegFillSchema).describe('the executions (and how much of each) this leg used'),
});
export type TradeLegDto = z.infer<typeof tradeLegSchema>;

export const tradeTagRefSchema = z.object({ id: z.string(), name: z.string() });

export const tradeSchema = z.object({
  id: z.string(),
  logId: z.string(),
  symbol: z.string(),
  strategy: z.string(),
  side: z.string(),
  quantity: z.number(),
  status: tradeStatusSchema,
  openedAt: epochMsSchema,
  closedAt: epochMsSchema.nullable(),
  gross: moneySchema,
  fees: moneySchema,
  net: moneySchema,
  risk: moneySchema.nullable().describe('defined risk; null when unknown'),
  r: z.number().nullable().describe('net / risk; null without a risk'),
  notes: z.string(),
  tags: z.array(tradeTagRefSchema),
  marketAtEntry: marketAtEntrySchema.nullable().describe('spot, VIX, GEX regime and flip, market mode at entry (or why not); null for a trade written before stamping existed'),
  legs: z.array(tradeLegSchema),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type TradeDto = z.infer<typeof tradeSchema>;

export const tradePageSchema = z.object({
  trades: z.array(tradeSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last one'),
});
export type TradePageDto = z.infer<typeof tradePageSchema>;

export const logTradesQuerySchema = z.strictObject({
  from: timeQuerySchema.optional().describe('opened at or after'),
  to: timeQuerySchema.optional().describe('opened before'),
  symbol: z.string().trim().min(1, 'must not be empty').max(40).optional(),
  strategy: z.string().trim().min(1, 'must not be empty').max(40).optional(),
  tag: journalIdSchema.optional().describe('a tag id'),
  status: tradeStatusSchema.optional(),
  sort: tradeSortSchema.default('-openedAt'),
  limit: z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(TRADE_PAGE_MAX, `must be at most ${TRADE_PAGE_MAX}`).default(TRADE_PAGE_DEFAULT),
  cursor: z.string().min(1).max(512).optional(),
});
export type LogTradesQuery = z.infer<typeof logTradesQuerySchema>;

/** A tag on a trade, by the id of one of the user's tags or by name (a new name creates the tag). */
export const tradeTagInputSchema = z.union([z.strictObject({ id: journalIdSchema }), z.strictObject({ name: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters') })], 'must be { id } or { name }');

export const updateTradeBodySchema = z
  .strictObject({
    notes: z.string().max(TRADE_NOTES_MAX_LENGTH, `must be at most ${TRADE_NOTES_MAX_LENGTH} characters`).optional(),
    tags: z.array(tradeTagInputSchema).max(50, 'at most 50 tags').optional().describe('replaces the trade\'s tags'),
    risk: positiveDecimalInputSchema.nullable().optional().describe('defined risk; null clears it'),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of notes, tags, risk');
export type UpdateTradeBody = z.infer<typeof updateTradeBodySchema>;
