import { readUsDateTime, inZone } from './date-formats.js';
import { draftExecution } from './execution-draft.js';
import { importHeaderedCsv } from './headered-csv-import.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { futureInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { quantitySize, requiredDecimal } from './row-cells.js';
import { BUY, SELL } from './trade-actions.js';

/**
 * Tradovate Orders → Export (Orders.csv): one row per order, filled or not. Column layout from
 * the Orders export as public converters write it (dcastillo3/mff-json-to-tradovate-csv
 * `consts/index.js`: orderId, Account, Order ID, B/S, Contract, Product, Product Description,
 * avgPrice, filledQty, Fill Time, Side, Status, Order Time, Quantity, Text, Type, Limit Price, …,
 * Timestamp, Date; times `12/24/2024 10:08:54`). A Filled order is one execution of filledQty at its
 * average price, dated at its Fill Time; any other status (Canceled, Rejected, Working, Expired) is
 * listed as skipped. The export states no fees and no position effect: fees are 0 and the effect is
 * 'unknown', for the trade grouping to decide. Times are in the zone the user's Tradovate settings
 * show (`ImportOptions.timeZone`).
 */
export const TRADOVATE_ORDERS_COLUMNS = ['orderId', 'B/S', 'Contract', 'avgPrice', 'filledQty', 'Fill Time', 'Status'] as const;

const BROKER = 'tradovate';

export function importTradovateOrders(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  return importHeaderedCsv(text, BROKER, ({ read, row, hasher }) => {
    const status = read('Status');
    if (status !== 'Filled') throw new RowError(`order not filled: Status "${status}"`);
    const sideText = read('B/S').toUpperCase();
    if (sideText !== 'BUY' && sideText !== 'SELL') throw new RowError(`bad B/S "${read('B/S')}"`);
    const contract = read('Contract');
    const time = inZone(readUsDateTime(read('Fill Time')), timeZone);
    const orderId = read('orderId') || null;
    const execution = draftExecution({
      broker: BROKER,
      account: read('Account') || null,
      orderId,
      ...time,
      localTime: read('Fill Time'),
      instrument: futureInstrument(contract, `/${contract.toUpperCase()}`, options.multipliers),
      ...(sideText === 'BUY' ? BUY : SELL),
      quantity: quantitySize(read('filledQty'), 'filledQty'),
      price: requiredDecimal(read('avgPrice'), 'avgPrice'),
      rowHash: hasher.hash(row.cells),
      line: row.line,
    });
    return [execution];
  });
}
