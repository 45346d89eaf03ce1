import { z } from 'zod';

/**
 * One broker execution as every journal importer returns it, whatever the export it came from.
 * The journal stores these (immutable) and builds trades from them; the UI previews an import with
 * the same schema. Money and quantities are decimal strings so a fee of 0.0125 survives exactly:
 * a float would turn 0.1 + 0.2 into 0.30000000000000004 before it ever reached a sum.
 */

/** A canonical decimal: optional minus, digits, optional fraction without trailing zeros (`-0.0125`, `22`, `5050.5`). */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

export const decimalStringSchema = z
  .string()
  .regex(DECIMAL_PATTERN, 'must be a canonical decimal string such as "1.25" or "-0.0125"')
  .refine((value) => value !== '-0', 'zero has no sign');
export type DecimalString = z.infer<typeof decimalStringSchema>;

export const positiveDecimalStringSchema = decimalStringSchema.refine((value) => !value.startsWith('-') && value !== '0', 'must be positive');

/**
 * The export formats the journal reads: every one but `generic-csv` is recognised by its header
 * signature; `generic-csv` is any CSV read through a column mapping the import names or sends.
 */
export const IMPORT_FORMATS = [
  'thinkorswim',
  'ibkr-flex-xml',
  'ibkr-flex-csv',
  'tastytrade',
  'tradovate-paired',
  'tradovate-orders',
  'schwab',
  'etrade',
  'fidelity',
  'webull',
  'tradestation',
  'tradenote',
  'generic-csv',
] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
/** The formats a header signature names (a refused file's 422 lists them); a generic CSV needs its mapping. */
export const DETECTABLE_IMPORT_FORMATS: readonly ImportFormat[] = IMPORT_FORMATS.filter((format) => format !== 'generic-csv');
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** Who executed the trade: `thinkorswim`, `ibkr`, `tastytrade`, `tradovate`, or a generic mapping's own name. */
export const brokerSlugSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case slug such as "ibkr"');

/** `YYYY-MM-DD`, the expiration date of an option (or a future, when the export states it). */
export const isoDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date such as 2026-03-20');

export const optionRightSchema = z.enum(['C', 'P']);
export type OptionRight = z.infer<typeof optionRightSchema>;

const instrumentBase = {
  /** The stock, index or futures root the instrument derives from: `NVDA`, `SPX`, `/MESU4`. */
  underlying: z.string().min(1),
  /** The instrument itself: the ticker, the futures contract (`/CLJ4`) or the OCC option symbol. */
  symbol: z.string().min(1),
  /** Dollars per point per contract: 1 for stock, 100 for SPX options, 5 for /MES, 1000 for /CL. */
  multiplier: positiveDecimalStringSchema,
};

export const instrumentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stock'), ...instrumentBase, expiry: z.null(), strike: z.null(), right: z.null() }),
  z.object({ kind: z.literal('future'), ...instrumentBase, expiry: isoDateSchema.nullable(), strike: z.null(), right: z.null() }),
  z.object({ kind: z.literal('option'), ...instrumentBase, expiry: isoDateSchema, strike: positiveDecimalStringSchema, right: optionRightSchema }),
  z.object({ kind: z.literal('future_option'), ...instrumentBase, expiry: isoDateSchema, strike: positiveDecimalStringSchema, right: optionRightSchema }),
]);
export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentKind = Instrument['kind'];

export const executionSideSchema = z.enum(['buy', 'sell']);
export type ExecutionSide = z.infer<typeof executionSideSchema>;

export const positionEffectSchema = z.enum(['open', 'close', 'unknown']);
export type PositionEffect = z.infer<typeof positionEffectSchema>;

/** A fill, or a position the broker removed at expiration, assignment or exercise (price 0, or the strike). */
export const executionEventSchema = z.enum(['fill', 'expiration', 'assignment', 'exercise']);
export type ExecutionEvent = z.infer<typeof executionEventSchema>;

/** Costs are positive, rebates negative, all in the execution's currency. */
export const executionFeesSchema = z.object({
  commission: decimalStringSchema,
  /** Exchange, regulatory (SEC, TAF, NFA) and ECN fees. */
  exchangeFee: decimalStringSchema,
  clearingFee: decimalStringSchema,
});
export type ExecutionFees = z.infer<typeof executionFeesSchema>;

export const journalExecutionSchema = z.object({
  broker: brokerSlugSchema,
  account: z.string().min(1).nullable(),
  /** The broker's order id, when the export has one; partial fills of one order share it. */
  orderId: z.string().min(1).nullable(),
  /** Legs executed together: thinkorswim's spread (its REF # or its exec time), IBKR's and tastytrade's order. */
  comboId: z.string().min(1).nullable(),
  /** The broker's id of this very execution (IBKR ibExecID, Tradovate fill id), when it has one. */
  executionId: z.string().min(1).nullable(),
  event: executionEventSchema,
  /** UTC epoch milliseconds. */
  executedAt: z.number().int(),
  /** The time as the export wrote it, and the zone it was read in (an IANA name, or a `+01:00` offset the text carried). */
  localTime: z.string().min(1),
  timeZone: z.string().min(1),
  instrument: instrumentSchema,
  side: executionSideSchema,
  positionEffect: positionEffectSchema,
  quantity: positiveDecimalStringSchema,
  /** Per unit of the instrument (per share, per point), before the multiplier. */
  price: decimalStringSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  fees: executionFeesSchema,
  /** sha256 hex of the broker and the normalised source row (and its occurrence among identical rows): re-importing adds nothing. */
  rowHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** 1-based line of the source row in the file. */
  line: z.number().int().positive(),
});
export type JournalExecution = z.infer<typeof journalExecutionSchema>;

/** A row the importer left out, with why: the import preview lists these. */
export const importSkippedRowSchema = z.object({ line: z.number().int().nonnegative(), reason: z.string().min(1) });
export type ImportSkippedRow = z.infer<typeof importSkippedRowSchema>;
