import { z } from 'zod';
import { decimalInputSchema, nonNegativeDecimalInputSchema, positiveDecimalInputSchema, timeZoneSchema } from './journal-common.schema.js';
import { importFormatSchema, importSkippedRowSchema, isoDateSchema, optionRightSchema } from './journal-execution.schema.js';
import { inlineMappingFieldSchema } from './journal-import-mapping.schema.js';
import { tradeSchema } from './journal-trade.schema.js';

/**
 * REST contracts of what adds fills to a log: a broker export (`POST /api/logs/:id/import`), trades
 * typed by hand (`POST /api/logs/:id/trades`), and closing or adjusting a trade (`POST
 * /api/trades/:id/close`, `/adjust`). Every one of them becomes executions, and the journal regroups
 * the log's trades from its executions, so a hand-typed trade follows the same rules as an imported one.
 */

/**
 * The largest export accepted, in bytes: a year of heavy trading is well under it (10,000 IBKR Flex
 * rows are about 6 MB). The UI checks it before uploading; nginx lets the multipart envelope around
 * it through (JOURNAL_IMPORT_BODY_LIMIT) and the journal answers 413 past it.
 */
export const JOURNAL_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** What nginx accepts on the import route: the file plus a multipart envelope's headers and boundaries. */
export const JOURNAL_IMPORT_BODY_LIMIT = `${JOURNAL_IMPORT_MAX_BYTES + 64 * 1024}`;

/** `?dryRun=true` previews: the same counts and skipped rows, nothing written. */
export const importQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false'], 'must be "true" or "false"').default('false').transform((value) => value === 'true'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** The multipart fields beside `file`. */
export const importFieldsSchema = z.strictObject({
  broker: importFormatSchema.optional().describe('the export format, over detection by header signature'),
  timeZone: timeZoneSchema
    .optional()
    .describe('the zone the export\'s wall-clock times are in; default the user\'s timeZone setting'),
  mapping: inlineMappingFieldSchema.optional(),
  mappingId: z.uuid('must be a saved mapping\'s id').optional().describe('a mapping saved under /api/journal/import-mappings'),
});
export type ImportFields = z.infer<typeof importFieldsSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  broker: z.string().describe('who executed the trades: thinkorswim, ibkr, tastytrade …'),
  format: importFormatSchema,
  executions: z.number().int().describe('fills new to the log'),
  trades: z.number().int().describe('trades those fills opened or changed'),
  skipped: z.array(importSkippedRowSchema).describe('rows left out, each with its line and why'),
  duplicates: z.number().int().describe('fills the log already held from an earlier import'),
  unmatched: z.array(importSkippedRowSchema).describe('fills stored that close a position the log has no opening for (it was opened before the file): import the earlier export to give them their trade'),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;

/** An instant a client sends: epoch milliseconds, or an ISO 8601 date-time with its offset. */
export const instantInputSchema = z
  .union([z.number().int('must be whole epoch milliseconds'), z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, such as 2026-12-01T14:30:00-05:00' })], 'must be epoch milliseconds or an ISO 8601 date-time')
  .transform((value) => (typeof value === 'number' ? value : Date.parse(value)));

const manualInstrumentSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('stock'), symbol: z.string().trim().min(1).max(20) }),
    z.strictObject({ kind: z.literal('future'), symbol: z.string().trim().min(1).max(20).describe('the contract, e.g. /MESZ6'), underlying: z.string().trim().min(1).max(20).describe('the root, e.g. /MES') }),
    z.strictObject({ kind: z.literal('option'), underlying: z.string().trim().min(1).max(20), expiry: isoDateSchema, strike: positiveDecimalInputSchema, right: optionRightSchema }),
    z.strictObject({ kind: z.literal('future_option'), underlying: z.string().trim().min(1).max(20), expiry: isoDateSchema, strike: positiveDecimalInputSchema, right: optionRightSchema }),
  ],
  'kind must be stock, future, option or future_option',
);
export type ManualInstrument = z.infer<typeof manualInstrumentSchema>;

export const manualFillSchema = z.strictObject({
  executedAt: instantInputSchema,
  instrument: manualInstrumentSchema,
  side: z.enum(['buy', 'sell'], 'must be "buy" or "sell"'),
  positionEffect: z.enum(['open', 'close', 'unknown'], 'must be "open", "close" or "unknown"').default('unknown'),
  quantity: positiveDecimalInputSchema,
  price: decimalInputSchema.describe('per unit before the multiplier (per share, per point)'),
  multiplier: positiveDecimalInputSchema.optional().describe('default: the symbol\'s multiplier from /api/symbols'),
  commission: nonNegativeDecimalInputSchema.default(0).describe('the fill\'s total, as a broker reports it'),
  exchangeFee: decimalInputSchema.default(0).describe('the fill\'s total exchange and regulatory fees'),
  clearingFee: decimalInputSchema.default(0).describe('the fill\'s total; a rebate is negative'),
});
export type ManualFill = z.infer<typeof manualFillSchema>;

/** A trade typed by hand, as the fills that opened (and maybe closed) it. */
export const manualTradeBodySchema = z.strictObject({
  fills: z.array(manualFillSchema).min(1, 'send at least one fill').max(200, 'at most 200 fills'),
});
export type ManualTradeBody = z.infer<typeof manualTradeBodySchema>;

/** Closes every open leg of a trade: one price per open leg, in leg order, or a settlement at expiry. */
export const closeTradeBodySchema = z.strictObject({
  at: instantInputSchema.optional().describe('default now'),
  prices: z.array(decimalInputSchema).min(1, 'send a price for each open leg').max(50).describe('per unit, one per open leg in leg order'),
  commission: nonNegativeDecimalInputSchema.default(0).describe('per contract, per leg'),
});
export type CloseTradeBody = z.infer<typeof closeTradeBodySchema>;

export const ingestResultSchema = z.object({
  executions: z.number().int(),
  trades: z.array(tradeSchema).describe('the trades these fills opened or changed'),
});
export type IngestResultDto = z.infer<typeof ingestResultSchema>;
