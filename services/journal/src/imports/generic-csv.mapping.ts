import { brokerSlugSchema, executionSideSchema, positionEffectSchema } from '@marketswarm/shared/dto';
import { z } from 'zod';

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
 * Saved per user later; the same schema validates a mapping the UI sends.
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

/** Every header the mapping reads: a file is in this format when its header has them all. */
export function mappedColumns(mapping: GenericCsvMapping): string[] {
  const { commission, exchangeFee, clearingFee, ...single } = mapping.columns;
  return [...Object.values(single).filter((c): c is string => typeof c === 'string'), ...commission, ...exchangeFee, ...clearingFee];
}

/**
 * TradeNote's "one row per execution" template (TradeZero-style clearing columns), the generic
 * importer's first user. Side codes: B buy, S sell, SS sell short (opens), BC buy to cover (closes).
 */
export const TRADENOTE_MAPPING: GenericCsvMapping = genericCsvMappingSchema.parse({
  name: 'tradenote',
  columns: {
    account: 'Account',
    date: 'T/D',
    time: 'Exec Time',
    symbol: 'Symbol',
    side: 'Side',
    quantity: 'Qty',
    price: 'Price',
    currency: 'Currency',
    kind: 'Type',
    commission: ['Comm'],
    exchangeFee: ['SEC', 'TAF', 'Nasdaq', 'ECN Remove', 'ECN Add'],
    clearingFee: ['NSCC'],
  },
  dateFormat: 'MM/DD/YYYY',
  sides: {
    B: { side: 'buy', positionEffect: 'unknown' },
    S: { side: 'sell', positionEffect: 'unknown' },
    SS: { side: 'sell', positionEffect: 'open' },
    BC: { side: 'buy', positionEffect: 'close' },
  },
  kinds: { stock: 'stock', future: 'future' },
} satisfies GenericCsvMappingInput);
