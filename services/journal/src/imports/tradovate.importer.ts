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
    // The earlier fill opened the pair: bought first is a long, sold first a short. Same second: unknown.
    const effect = (mine: number, other: number): PositionEffect => (mine < other ? 'open' : mine > other ? 'close' : 'unknown');
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
        positionEffect: buy ? effect(bought.executedAt, sold.executedAt) : effect(sold.executedAt, bought.executedAt),
        quantity,
        price: requiredDecimal(read(buy ? 'Buy Price' : 'Sell Price'), buy ? 'Buy Price' : 'Sell Price'),
        currency: read('Currency') || 'USD',
        fees: ZERO_FEES,
        rowHash: hasher.hash([...row.cells, side]),
        line: row.line,
      };
    };
    return [fill('buy'), fill('sell')];
  });
}
