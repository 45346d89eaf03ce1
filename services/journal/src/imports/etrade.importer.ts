import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { stockInstrument } from './instruments.js';
import { optionFromSymbol } from './occ-symbol.js';
import { feeCell } from './row-cells.js';
import { rowActionOf, importTransactionHistory, type TransactionHistoryLayout } from './transaction-history-import.js';

/**
 * E*TRADE Accounts → Transactions → Download (DownloadTxnHistory.csv). Column layout from the
 * export as public importers and their fixtures show it: a `For Account:,####1234` line, a blank
 * line, then TransactionDate,TransactionType,SecurityType,Symbol,Quantity,Amount,Price,Commission,
 * Description and the rows (after another blank line), dates `12/19/25`, Quantity signed (sells
 * negative), SecurityType EQ or OPTN. An option row names its underlying in Symbol and the contract
 * in Description, `CALL SPY 12/19/25 680.000` (E*TRADE's own spelling, as in its activity exports).
 *
 * The export has no time of day: executions are dated at midnight (`ImportOptions.timeZone`) of
 * their date. Plain Bought / Sold do not say open or close: 'unknown', for the trade grouping.
 * `Option Expired` / `Option Assigned` close at 0, the Quantity sign saying which way (the sign
 * convention of the trades; no public sample shows one, so a zero or missing Quantity is refused).
 */
export const ETRADE_COLUMNS = ['TransactionDate', 'TransactionType', 'SecurityType', 'Symbol', 'Quantity', 'Amount', 'Price', 'Commission'] as const;

const REMOVALS: Readonly<Record<string, 'expiration' | 'assignment'>> = { 'Option Expired': 'expiration', 'Option Assigned': 'assignment' };

const LAYOUT: TransactionHistoryLayout = {
  broker: 'etrade',
  headerColumns: ETRADE_COLUMNS,
  action: (read) => rowActionOf(read('TransactionType'), REMOVALS),
  notATrade: (read) => `TransactionType "${read('TransactionType')}"`,
  symbolColumn: 'Symbol',
  date: (read) => read('TransactionDate'),
  instrument: (read, symbol) => {
    const securityType = read('SecurityType');
    if (securityType === 'OPTN') return optionFromSymbol(read('Description'), 'Description');
    if (securityType === 'EQ') return stockInstrument(symbol);
    throw new RowError(`unsupported SecurityType "${securityType}"`);
  },
  quantityColumn: 'Quantity',
  priceColumn: 'Price',
  fees: (read) => ({ commission: feeCell(read('Commission'), 'Commission'), exchangeFee: '0', clearingFee: '0' }),
};

export function importEtrade(text: string, options: ImportOptions = {}): ImportResult {
  return importTransactionHistory(text, LAYOUT, options);
}
