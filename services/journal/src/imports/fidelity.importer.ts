import { inZone, readUsDateTime } from './date-formats.js';
import { draftExecution } from './execution-draft.js';
import { importHeaderedCsv } from './headered-csv-import.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { stockInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { optionFromSymbol } from './occ-symbol.js';
import { feeCell, quantitySize, requiredDecimal } from './row-cells.js';
import { BUY, BUY_TO_CLOSE, BUY_TO_OPEN, closingBySign, SELL, SELL_TO_CLOSE, SELL_TO_OPEN, type TradeAction } from './trade-actions.js';

/**
 * Fidelity Accounts → Activity & Orders → History → Download (Accounts_History.csv). Column layout
 * from the export as beancount-reds-importers (`fidelity`) and hledger rules read it: Run Date,
 * Action, Symbol, Security Description, Security Type, Quantity, Price ($), Commission ($), Fees ($),
 * Accrued Interest ($), Amount ($), Settlement Date; blank lines before the header, and after the
 * rows a blank line and disclaimer text (where the data ends). The Action carries the side and the
 * effect (`YOU SOLD OPENING TRANSACTION PUT (SPXW) …`), options are `-SPXW251219P5900` (a space
 * before it), and Quantity is signed (sells negative), which also says which way an `EXPIRED` or
 * `ASSIGNED` row closed.
 *
 * The export has no time of day: executions are dated at midnight (`ImportOptions.timeZone`) of the
 * Run Date. `YOU BOUGHT` / `YOU SOLD` without OPENING or CLOSING (stock) leave the effect 'unknown'.
 * Commission ($) is the commission; Fees ($) (regulatory and exchange fees) the exchange fee.
 */
export const FIDELITY_COLUMNS = ['Run Date', 'Action', 'Symbol', 'Quantity', 'Price ($)', 'Commission ($)', 'Fees ($)', 'Amount ($)'] as const;

const BROKER = 'fidelity';

/** Longest first: `YOU BOUGHT OPENING TRANSACTION` before `YOU BOUGHT`. */
const ACTIONS: readonly [prefix: string, action: TradeAction][] = [
  ['YOU BOUGHT OPENING TRANSACTION', BUY_TO_OPEN],
  ['YOU SOLD OPENING TRANSACTION', SELL_TO_OPEN],
  ['YOU BOUGHT CLOSING TRANSACTION', BUY_TO_CLOSE],
  ['YOU SOLD CLOSING TRANSACTION', SELL_TO_CLOSE],
  ['YOU BOUGHT', BUY],
  ['YOU SOLD', SELL],
];

const REMOVALS: readonly [prefix: string, event: 'expiration' | 'assignment'][] = [
  ['EXPIRED', 'expiration'],
  ['ASSIGNED', 'assignment'],
];

export function importFidelity(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  return importHeaderedCsv(
    text,
    BROKER,
    ({ read, row, hasher }) => {
      const actionText = read('Action').toUpperCase();
      const removal = REMOVALS.find(([prefix]) => actionText.startsWith(prefix))?.[1];
      const action = removal ? closingBySign(requiredDecimal(read('Quantity'), 'Quantity')) : ACTIONS.find(([prefix]) => actionText.startsWith(prefix))?.[1];
      if (!action) throw new RowError(`not a trade: Action "${read('Action')}"`);
      const symbol = read('Symbol');
      if (!symbol) throw new RowError('no Symbol');
      const execution = draftExecution({
        broker: BROKER,
        event: removal ?? 'fill',
        ...inZone(readUsDateTime(read('Run Date')), timeZone),
        localTime: read('Run Date'),
        instrument: symbol.startsWith('-') ? optionFromSymbol(symbol, 'Symbol') : stockInstrument(symbol),
        ...action,
        quantity: quantitySize(read('Quantity'), 'Quantity'),
        price: removal ? '0' : requiredDecimal(read('Price ($)'), 'Price ($)'),
        fees: { commission: feeCell(read('Commission ($)'), 'Commission ($)'), exchangeFee: feeCell(read('Fees ($)'), 'Fees ($)'), clearingFee: '0' },
        rowHash: hasher.hash(row.cells),
        line: row.line,
      });
      return [execution];
    },
    { headerColumns: FIDELITY_COLUMNS, endsAtBlankLine: true },
  );
}
