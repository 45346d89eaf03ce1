import { z } from 'zod';

/**
 * A ticker as every part of the stack spells it: upper case, starting with a letter, up to 12
 * characters, with `.`, `^` and `/` after the first (BRK.B, EUR/USD; an index is spelt VIX, not ^VIX).
 * Payloads, settings, REST paths, SSE routes and recordings all check against this one pattern, so a
 * symbol one of them accepts is never refused by another.
 */
export const SYMBOL_PATTERN = /^[A-Z][A-Z0-9.^/]{0,11}$/;

export const SYMBOL_MESSAGE = 'must be an upper-case ticker such as SPX';

export const symbolSchema = z.string().regex(SYMBOL_PATTERN, SYMBOL_MESSAGE);

/** A symbol a person typed (URL path or query): upper-cased before the check, so `spx` is SPX. */
export const symbolInputSchema = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(symbolSchema);

export function isSymbol(value: unknown): value is string {
  return typeof value === 'string' && SYMBOL_PATTERN.test(value);
}
