import { z } from 'zod';
import { brokerSlugSchema, executionSideSchema, positionEffectSchema } from './journal-execution.schema.js';

/**
 * A column mapping for the generic CSV importer: any "one row per execution" export can be read by
 * naming its columns. A mapping says
 * - `name`: the broker slug stamped on every execution (`tradenote`);
 * - `columns`: which header holds each field. `date` may hold the date and time together, or the
 *   time may have its own `time` column. Fee fields list columns that are added up exactly (the
 *   TradeNote template spreads regulatory fees over SEC, TAF, Nasdaq and ECN columns). Costs are
 *   positive and rebates negative, as in the execution schema.
 * - `dateFormat`: `MM/DD/YYYY` (also `M/D/YY`) or `YYYY-MM-DD`; times are `HH:MM[:SS]` in the
 *   import's time zone.
 * - `sides`: every side code the file uses, as a side and a position effect (`SS` = sell to open).
 * - `kinds`: values of the `kind` column as instrument kinds; without a `kind` column every row is stock.
 * The import wizard builds one from a file's header, the trader saves it by name
 * (`/api/journal/import-mappings`), and an import names it (`mappingId`) or sends it inline (`mapping`).
 */
export const genericCsvMappingSchema = z.strictObject({
  name: brokerSlugSchema,
  columns: z.strictObject({
    date: z.string().min(1),
    time: z.string().min(1).optional(),
    symbol: z.string().min(1),
    side: z.string().min(1),
    quantity: z.string().min(1),
    price: z.string().min(1),
    account: z.string().min(1).optional(),
    orderId: z.string().min(1).optional(),
    currency: z.string().min(1).optional(),
    kind: z.string().min(1).optional(),
    commission: z.array(z.string().min(1)).default([]),
    exchangeFee: z.array(z.string().min(1)).default([]),
    clearingFee: z.array(z.string().min(1)).default([]),
  }),
  dateFormat: z.enum(['MM/DD/YYYY', 'YYYY-MM-DD']),
  sides: z.record(z.string().min(1), z.strictObject({ side: executionSideSchema, positionEffect: positionEffectSchema })),
  kinds: z.record(z.string().min(1), z.enum(['stock', 'future'])).default({}),
});
export type GenericCsvMapping = z.output<typeof genericCsvMappingSchema>;
export type GenericCsvMappingInput = z.input<typeof genericCsvMappingSchema>;

/**
 * A mapping sent inline with an import: a multipart field is text, so it arrives as JSON and is
 * checked field by field, each issue named under `mapping` (`mapping.columns.date`).
 */
export const inlineMappingFieldSchema = z
  .string()
  .max(16_384, 'must be at most 16384 characters')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON column mapping' });
      return z.NEVER;
    }
  })
  .pipe(genericCsvMappingSchema)
  .describe('a generic CSV column mapping as JSON (see /api/journal/import-mappings)');

const mappingName = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

export const importMappingBodySchema = z.strictObject({ name: mappingName, mapping: genericCsvMappingSchema });
export type ImportMappingBody = z.output<typeof importMappingBodySchema>;

export const importMappingSchema = z.object({
  id: z.string(),
  name: z.string(),
  mapping: genericCsvMappingSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ImportMappingDto = z.infer<typeof importMappingSchema>;

export const importMappingListSchema = z.object({ mappings: z.array(importMappingSchema) });
export type ImportMappingListDto = z.infer<typeof importMappingListSchema>;
