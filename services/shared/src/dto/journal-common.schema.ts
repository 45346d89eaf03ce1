import { z } from 'zod';
import { toMinor } from '../journal/money.js';

/**
 * What every journal route shares. Conventions (docs/API.md, "Journal"): money in JSON is a decimal
 * number in the log's currency (the service stores integer micros and converts at its edge); every
 * instant is epoch milliseconds UTC; ids are UUIDs.
 */

/** An instant in a response: epoch milliseconds, UTC. */
export const epochMsSchema = z.number().int().describe('epoch milliseconds, UTC');

/** Money or a decimal amount in a response, in the account currency (converted from exact micros). */
export const moneySchema = z.number().describe('decimal number in the account currency');

function isExactDecimal(value: number): boolean {
  try {
    toMinor(String(value));
    return true;
  } catch {
    return false;
  }
}

/** A decimal a client sends: finite, at most 6 decimals, so the service stores it exactly as micros. */
export const decimalInputSchema = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
  .refine(isExactDecimal, 'must be a decimal number with at most 6 decimals');

export const nonNegativeDecimalInputSchema = decimalInputSchema.refine((value) => value >= 0, 'must not be negative');
export const positiveDecimalInputSchema = decimalInputSchema.refine((value) => value > 0, 'must be positive');

export const journalIdSchema = z.uuid('must be an id (UUID)');

/** `/…/:id` path parameters. */
export const journalIdParamsSchema = z.object({ id: journalIdSchema });
export type JournalIdParams = z.infer<typeof journalIdParamsSchema>;

const DIGITS = /^-?\d+$/;

/**
 * An instant in a query string: epoch milliseconds (`1764601200000`) or an ISO 8601 date or
 * date-time (`2026-12-01`, `2026-12-01T14:30:00Z`); a date without a zone is midnight UTC.
 */
export const timeQuerySchema = z
  .string()
  .refine((value) => (DIGITS.test(value) ? Number.isSafeInteger(Number(value)) : /^\d{4}-\d{2}-\d{2}/.test(value) && Number.isFinite(Date.parse(value))), 'must be epoch milliseconds or an ISO 8601 date such as 2026-12-01T14:30:00Z')
  .transform((value) => (DIGITS.test(value) ? Number(value) : Date.parse(value)))
  .describe('epoch milliseconds, or an ISO 8601 date or date-time');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone the runtime knows (`America/New_York`), as settings and imports take it. */
export const timeZoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York');
