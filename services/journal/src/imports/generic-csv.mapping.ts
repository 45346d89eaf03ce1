import { genericCsvMappingSchema, type GenericCsvMapping, type GenericCsvMappingInput } from '@marketswarm/shared/dto';

// The schema is shared with the import wizard; the importers keep importing it from here.
export { genericCsvMappingSchema, type GenericCsvMapping, type GenericCsvMappingInput };

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
