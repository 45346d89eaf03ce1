import type { ImportOptions, ImportResult } from './import-result.js';
import { stockInstrument } from './instruments.js';
import { optionFromSymbol } from './occ-symbol.js';
import { feeCell } from './row-cells.js';
import { importTransactionHistory, type RowAction, type TransactionHistoryLayout } from './transaction-history-import.js';
import { BUY, BUY_TO_CLOSE, BUY_TO_OPEN, SELL, SELL_TO_CLOSE, SELL_TO_OPEN, type TradeAction } from './trade-actions.js';

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

function actionOf(text: string): RowAction | null {
  const upper = text.toUpperCase();
  const removal = REMOVALS.find(([prefix]) => upper.startsWith(prefix))?.[1];
  if (removal) return { event: removal };
  const trade = ACTIONS.find(([prefix]) => upper.startsWith(prefix))?.[1];
  return trade ? { event: 'fill', trade } : null;
}

const LAYOUT: TransactionHistoryLayout = {
  broker: 'fidelity',
  headerColumns: FIDELITY_COLUMNS,
  endsAtBlankLine: true,
  action: (read) => actionOf(read('Action')),
  notATrade: (read) => `Action "${read('Action')}"`,
  symbolColumn: 'Symbol',
  date: (read) => read('Run Date'),
  instrument: (_read, symbol) => (symbol.startsWith('-') ? optionFromSymbol(symbol, 'Symbol') : stockInstrument(symbol)),
  quantityColumn: 'Quantity',
  priceColumn: 'Price ($)',
  fees: (read) => ({ commission: feeCell(read('Commission ($)'), 'Commission ($)'), exchangeFee: feeCell(read('Fees ($)'), 'Fees ($)'), clearingFee: '0' }),
};

export function importFidelity(text: string, options: ImportOptions = {}): ImportResult {
  return importTransactionHistory(text, LAYOUT, options);
}
