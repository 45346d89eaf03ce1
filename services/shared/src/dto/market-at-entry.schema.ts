import { z } from 'zod';

/**
 * What the market was doing when a trade was opened, as the journal stamps it from market Redis.
 * Only a trade opened within the market streams' retention (a live trade, or one imported the same
 * day) can be stamped; any other says so instead of showing numbers it never saw.
 */
export const gexRegimeSchema = z.enum(['positive', 'negative']);
export type GexRegime = z.infer<typeof gexRegimeSchema>;

export const MARKET_AT_ENTRY_UNAVAILABLE_REASONS = ['before-retention', 'no-market-data'] as const;

export const marketAtEntrySchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('recorded'),
    /** The trade's entry time (UTC ms) the values were read at. */
    at: z.number().int(),
    /** The last spot print of the trade's underlying at or before entry; null when it had none. */
    spot: z.number().positive().nullable(),
    vix: z.number().positive().nullable(),
    /** Dealers long gamma (positive: moves damped) or short (negative: moves amplified), from the GEX total. */
    gexRegime: gexRegimeSchema.nullable(),
    /** The strike where net gamma changes sign. */
    gexFlip: z.number().positive().nullable(),
    mode: z.enum(['compression', 'transition', 'expansion']).nullable(),
  }),
  z.object({
    status: z.literal('unavailable'),
    /** `before-retention`: opened before the oldest market event kept; `no-market-data`: no market stream had anything for it. */
    reason: z.enum(MARKET_AT_ENTRY_UNAVAILABLE_REASONS),
  }),
]);
export type MarketAtEntry = z.infer<typeof marketAtEntrySchema>;
