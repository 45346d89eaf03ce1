import type { Instrument } from '@marketswarm/shared/dto';
import { inZone, readUsDateTime } from './date-formats.js';
import { isZeroDecimal, parseDecimal } from './decimal.js';
import { draftExecution } from './execution-draft.js';
import { importHeaderedCsv } from './headered-csv-import.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { futuresRoot } from './instrument-multipliers.js';
import { futureInstrument, stockInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { equityOptionInstrument, parseOptionSymbol } from './occ-symbol.js';
import { feeCell, quantitySize, requiredDecimal } from './row-cells.js';
import { tradeActionOf } from './trade-actions.js';

/**
 * TradeStation TradeManager → Orders (order history) exported as CSV. No public sample of the file
 * was found: the layout follows the TradeManager order columns as TradeStation's help names them
 * (Order #, Account, Symbol, Type, Side, Qty, Qty Filled, Fill Price, Status, Entered, Filled,
 * Commission, Duration, Routing), times `12/19/2025 9:45:30 AM` in the zone the platform shows
 * (`ImportOptions.timeZone`), options as TradeStation spells them (`SPXW 251219C6000`), futures as
 * the contract (`ESZ25`). The fixture is constructed to that layout.
 *
 * An order with Qty Filled above 0 executed that many at its Fill Price (a cancelled order may have
 * filled in part); any other row is listed with its Status. Buy to Open / Sell to Close / Sell Short /
 * Buy to Cover state the effect; a plain Buy or Sell does not ('unknown', for the trade grouping).
 * Order # is the order and combo id: TradeStation gives the legs of one spread order one number.
 */
export const TRADESTATION_COLUMNS = ['Order #', 'Symbol', 'Type', 'Side', 'Qty Filled', 'Fill Price', 'Filled'] as const;

const BROKER = 'tradestation';

function instrumentOf(symbol: string, options: ImportOptions): Instrument {
  const option = parseOptionSymbol(symbol);
  if (option) return equityOptionInstrument(option);
  // A futures contract ends in its month code and year (ESZ25); a stock ticker has no digits.
  if (futuresRoot(symbol) !== null) return futureInstrument(symbol, symbol.toUpperCase(), options.multipliers);
  return stockInstrument(symbol.toUpperCase());
}

export function importTradestation(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  return importHeaderedCsv(text, BROKER, ({ read, row, hasher }) => {
    const filled = parseDecimal(read('Qty Filled'));
    if (filled === null || isZeroDecimal(filled)) throw new RowError(`order not filled: Status "${read('Status')}", Qty Filled "${read('Qty Filled')}"`);
    const action = tradeActionOf(read('Side'));
    if (!action) throw new RowError(`bad Side "${read('Side')}"`);
    const symbol = read('Symbol');
    if (!symbol) throw new RowError('no Symbol');
    const orderId = read('Order #') || null;
    const execution = draftExecution({
      broker: BROKER,
      account: read('Account') || null,
      orderId,
      comboId: orderId,
      ...inZone(readUsDateTime(read('Filled')), timeZone),
      localTime: read('Filled'),
      instrument: instrumentOf(symbol, options),
      ...action,
      quantity: quantitySize(filled, 'Qty Filled'),
      price: requiredDecimal(read('Fill Price'), 'Fill Price'),
      fees: { commission: feeCell(read('Commission'), 'Commission'), exchangeFee: '0', clearingFee: '0' },
      rowHash: hasher.hash(row.cells),
      line: row.line,
    });
    return [execution];
  });
}
