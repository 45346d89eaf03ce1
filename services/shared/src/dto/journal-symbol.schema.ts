import { z } from 'zod';
import { moneySchema, positiveDecimalInputSchema } from './journal-common.schema.js';

/** REST contracts of contract specs (`/api/symbols`): built-in defaults with the user's own overrides laid over them. */

export const assetClassSchema = z.enum(['stock', 'index_option', 'equity_option', 'future', 'future_option'], 'must be one of stock, index_option, equity_option, future, future_option');

/** A root such as `SPX`, `ES` or `/MES`: the service upper-cases it and drops a futures slash. */
export const symbolRootSchema = z.string().trim().regex(/^\/?[A-Za-z][A-Za-z0-9.]{0,14}$/, 'must be a symbol root such as SPX or /MES');

const specFields = {
  assetClass: assetClassSchema,
  multiplier: positiveDecimalInputSchema.describe('dollars per point per contract (per share for stock)'),
  tickSize: positiveDecimalInputSchema.describe('smallest price step'),
};

export const createSymbolBodySchema = z.strictObject({ symbol: symbolRootSchema, ...specFields });
export type CreateSymbolBody = z.infer<typeof createSymbolBodySchema>;

export const putSymbolBodySchema = z.strictObject(specFields);
export type PutSymbolBody = z.infer<typeof putSymbolBodySchema>;

export const symbolParamsSchema = z.object({ symbol: symbolRootSchema });
export type SymbolParams = z.infer<typeof symbolParamsSchema>;

export const symbolSchema = z.object({
  symbol: z.string(),
  assetClass: assetClassSchema,
  multiplier: moneySchema,
  tickSize: moneySchema,
  source: z.enum(['default', 'user']).describe('a built-in default, or the user\'s own override'),
});
export type SymbolDto = z.infer<typeof symbolSchema>;

export const symbolListSchema = z.object({ symbols: z.array(symbolSchema) });
export type SymbolListDto = z.infer<typeof symbolListSchema>;
