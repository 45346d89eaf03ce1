import type { ExecutionSide, JournalExecution, PositionEffect } from '@marketswarm/shared/dto';
import { importHeaderedCsv } from './headered-csv-import.js';
import { inZone, readUsDateTime } from './date-formats.js';
import { isNegativeDecimal } from './decimal.js';
import { ZERO_FEES } from './execution-draft.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { futureInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { requiredDecimal } from './row-cells.js';

/**
 * Tradovate's Performance (paired trades) export: one row per buy fill paired with a sell fill.
 * Each row yields both fills, for the paired quantity. The export has no fees; its times are in
 * the zone the user's Tradovate settings show (`ImportOptions.timeZone`).
 */
export const TRADOVATE_PAIRED_COLUMNS = ['Pair ID', 'Buy Fill ID', 'Sell Fill ID', 'Paired Qty', 'Buy Price', 'Sell Price', 'Bought Timestamp', 'Sold Timestamp', 'Contract'] as const;

const BROKER = 'tradovate';


export function importTradovatePaired(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  return importHeaderedCsv(text, BROKER, ({ read, row, hasher }) => {
    const quantity = requiredDecimal(read('Paired Qty'), 'Paired Qty');
    if (isNegativeDecimal(quantity) || quantity === '0') throw new RowError(`quantity must be positive, got ${quantity}`);
    const contract = read('Contract');
    const instrument = futureInstrument(contract, `/${contract.toUpperCase()}`, options.multipliers);
    const bought = inZone(readUsDateTime(read('Bought Timestamp')), timeZone);
    const sold = inZone(readUsDateTime(read('Sold Timestamp')), timeZone);
    // The earlier fill opened the pair: bought first is a long, sold first a short. In the same second
    // the fill ids tell (Tradovate numbers fills in the order they happen); without them, unknown.
    const boughtFirst = openedFirst(bought.executedAt, sold.executedAt, read('Buy Fill ID'), read('Sell Fill ID'));
    const effect = (buy: boolean): PositionEffect => (boughtFirst === undefined ? 'unknown' : boughtFirst === buy ? 'open' : 'close');
    const fill = (side: ExecutionSide): JournalExecution => {
      const buy = side === 'buy';
      const time = buy ? bought : sold;
      return {
        broker: BROKER,
        account: read('Account') || null,
        orderId: null,
        comboId: null,
        executionId: read(buy ? 'Buy Fill ID' : 'Sell Fill ID') || null,
        event: 'fill',
        executedAt: time.executedAt,
        localTime: read(buy ? 'Bought Timestamp' : 'Sold Timestamp'),
        timeZone: time.timeZone,
        instrument,
        side,
        positionEffect: effect(buy),
        quantity,
        price: requiredDecimal(read(buy ? 'Buy Price' : 'Sell Price'), buy ? 'Buy Price' : 'Sell Price'),
        currency: read('Currency') || 'USD',
        fees: ZERO_FEES,
        rowHash: hasher.hash([...row.cells, side]),
        line: row.line,
      };
    };
    // Fills of one second are grouped in the order they are stored: then the opening fill goes first.
    return bought.executedAt === sold.executedAt && boughtFirst === false ? [fill('sell'), fill('buy')] : [fill('buy'), fill('sell')];
  });
}

/** Whether the buy came first: by time, else by fill id; undefined when neither tells. */
function openedFirst(boughtAt: number, soldAt: number, buyFillId: string, sellFillId: string): boolean | undefined {
  if (boughtAt !== soldAt) return boughtAt < soldAt;
  if (!/^\d+$/.test(buyFillId) || !/^\d+$/.test(sellFillId) || buyFillId === sellFillId) return undefined;
  return BigInt(buyFillId) < BigInt(sellFillId);
}
