import { readUsDateTimeInZone } from './date-formats.js';
import { draftExecution } from './execution-draft.js';
import { importHeaderedCsv } from './headered-csv-import.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { stockInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { equityOptionInstrument, parseOptionSymbol } from './occ-symbol.js';
import { quantitySize, requiredDecimal } from './row-cells.js';
import { BUY, SELL, SELL_TO_OPEN, type TradeAction } from './trade-actions.js';

/**
 * Webull Account → History → Orders → Export (Webull_Orders_Records.csv, and the options file with
 * the same header). Column layout from the export as public parsers and their tests show it: Name,
 * Symbol, Side, Status, Filled, Total Qty, Price (the order's, `@150.00`), Avg Price (the fill's),
 * Time-in-Force, Placed Time, Filled Time, times `12/04/2025 10:00:15 EST`. In the options file a
 * multi-leg order is a summary row (the strategy's Name, no Symbol) followed by one row per leg (no
 * Name, the OCC symbol without padding, `SPXW251219C06000000`); the legs become executions sharing
 * one combo id, and the summary is listed as skipped.
 *
 * Only Filled and Partially Filled orders executed (Filled contracts at the Avg Price); the rest are
 * listed with their status. The export has no fees and no position effect: fees are 0 and a Buy or
 * Sell is 'unknown' (a Short opens). A time with its zone (EST/EDT) is read at that offset; one without
 * in `ImportOptions.timeZone`.
 */
export const WEBULL_COLUMNS = ['Name', 'Symbol', 'Side', 'Status', 'Filled', 'Total Qty', 'Price', 'Avg Price', 'Placed Time', 'Filled Time'] as const;

const BROKER = 'webull';

const SIDES: Readonly<Record<string, TradeAction>> = { BUY, SELL, SHORT: SELL_TO_OPEN };

const EXECUTED = new Set(['Filled', 'Partially Filled']);

export function importWebull(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  // The summary row of the spread whose legs follow, as their combo id.
  let spread: { comboId: string } | null = null;
  return importHeaderedCsv(text, BROKER, ({ read, row, hasher }) => {
    const name = read('Name');
    const symbol = read('Symbol');
    if (!symbol) {
      spread = name ? { comboId: `${name} ${read('Placed Time')}` } : null;
      throw new RowError(name ? `spread order summary "${name}": its legs are the executions` : 'no Symbol');
    }
    const comboId = name ? null : (spread?.comboId ?? null);
    if (name) spread = null;
    const status = read('Status');
    if (!EXECUTED.has(status)) throw new RowError(`order not filled: Status "${status}"`);
    const action = SIDES[read('Side').toUpperCase()];
    if (!action) throw new RowError(`bad Side "${read('Side')}"`);
    const option = parseOptionSymbol(symbol);
    const execution = draftExecution({
      broker: BROKER,
      comboId,
      ...readUsDateTimeInZone(read('Filled Time'), timeZone),
      localTime: read('Filled Time'),
      instrument: option ? equityOptionInstrument(option) : stockInstrument(symbol),
      ...action,
      quantity: quantitySize(read('Filled'), 'Filled'),
      price: requiredDecimal(read('Avg Price'), 'Avg Price'),
      rowHash: hasher.hash(row.cells),
      line: row.line,
    });
    return [execution];
  });
}
