import { z } from 'zod';

/**
 * An open trade as the journal publishes it on the user's `positions` topic (the snapshot keeps the
 * latest list per user), for the risk graph and the positions panel. Money and prices are decimal
 * numbers in the account currency, converted from the journal's exact micros at publish time.
 */
export const journalPositionLegSchema = z.object({
  kind: z.enum(['stock', 'option', 'future', 'future_option']),
  symbol: z.string().min(1),
  expiry: z.string().nullable(),
  strike: z.number().positive().nullable(),
  right: z.enum(['C', 'P']).nullable(),
  side: z.enum(['buy', 'sell']),
  /** Contracts (or shares) still open. */
  quantity: z.number().positive(),
  openPrice: z.number(),
  multiplier: z.number().positive(),
});
export type JournalPositionLeg = z.infer<typeof journalPositionLegSchema>;

export const journalPositionSchema = z.object({
  id: z.string().min(1),
  logId: z.string().min(1),
  symbol: z.string().min(1),
  strategy: z.string().min(1),
  side: z.string().min(1),
  quantity: z.number().positive(),
  openedAt: z.number().int(),
  legs: z.array(journalPositionLegSchema),
});
export type JournalPosition = z.infer<typeof journalPositionSchema>;
