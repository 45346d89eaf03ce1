import type { Instrument, JournalExecution } from '@marketswarm/shared/dto';
import { importHeaderedCsv } from './headered-csv-import.js';
import { inZone, readIbkrDateTime, readUsDateTime } from './date-formats.js';
import { addDecimals, isNegativeDecimal } from './decimal.js';
import type { GenericCsvMapping } from './generic-csv.mapping.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { futureInstrument, stockInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE, type WallClock } from './local-time.js';
import { requiredDecimal } from './row-cells.js';

function wallClockOf(text: string, mapping: GenericCsvMapping): WallClock {
  if (mapping.dateFormat === 'MM/DD/YYYY') return readUsDateTime(text);
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) throw new RowError(`bad date "${text}"`);
  const [, date = '', hour = '0', minute = '0', second = '0'] = match;
  return readIbkrDateTime(`${date};${hour.padStart(2, '0')}:${minute}:${second}`);
}

function instrumentOf(kind: 'stock' | 'future', symbol: string, options: ImportOptions): Instrument {
  return kind === 'stock' ? stockInstrument(symbol) : futureInstrument(symbol, symbol, options.multipliers);
}

/** Any "one row per execution" CSV, read through a column mapping (see generic-csv.mapping.ts). */
export function importGenericCsv(text: string, mapping: GenericCsvMapping, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  const { columns } = mapping;
  return importHeaderedCsv(text, mapping.name, ({ read, row, hasher }) => {
    const decimal = (column: string): string => requiredDecimal(read(column), column);
    const fee = (names: readonly string[]) => addDecimals('0', ...names.map((name) => (read(name) === '' ? '0' : decimal(name))));
    const sideCode = read(columns.side);
    const side = mapping.sides[sideCode];
    if (!side) throw new RowError(`unknown side "${sideCode}" (expected ${Object.keys(mapping.sides).join(', ')})`);
    const quantity = decimal(columns.quantity);
    if (isNegativeDecimal(quantity) || quantity === '0') throw new RowError(`quantity must be positive, got ${quantity}`);
    const kindText = columns.kind ? read(columns.kind) : 'stock';
    const kind = columns.kind ? mapping.kinds[kindText] : 'stock';
    if (!kind) throw new RowError(`unsupported ${columns.kind ?? 'kind'} "${kindText}"`);
    const localTime = [read(columns.date), columns.time ? read(columns.time) : ''].filter(Boolean).join(' ');
    const time = inZone(wallClockOf(localTime, mapping), timeZone);
    const execution: JournalExecution = {
      broker: mapping.name,
      account: (columns.account && read(columns.account)) || null,
      orderId: (columns.orderId && read(columns.orderId)) || null,
      comboId: (columns.orderId && read(columns.orderId)) || null,
      executionId: null,
      event: 'fill',
      executedAt: time.executedAt,
      localTime,
      timeZone: time.timeZone,
      instrument: instrumentOf(kind, read(columns.symbol), options),
      ...side,
      quantity,
      price: decimal(columns.price),
      currency: (columns.currency && read(columns.currency)) || 'USD',
      fees: { commission: fee(columns.commission), exchangeFee: fee(columns.exchangeFee), clearingFee: fee(columns.clearingFee) },
      rowHash: hasher.hash(row.cells),
      line: row.line,
    };
    return [execution];
  });
}
