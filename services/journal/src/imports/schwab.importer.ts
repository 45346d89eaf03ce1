import type { ImportOptions, ImportResult } from './import-result.js';
import { stockInstrument } from './instruments.js';
import { equityOptionInstrument, parseOptionSymbol } from './occ-symbol.js';
import { feeCell } from './row-cells.js';
import { rowActionOf, importTransactionHistory, type TransactionHistoryLayout } from './transaction-history-import.js';

/**
 * schwab.com Accounts → History → Transactions → Export (CSV). Column layout from the export as
 * beancount-reds-importers (`schwab_csv_brokerage`) and others read it: "Date","Action","Symbol",
 * "Description","Quantity","Price","Fees & Comm","Amount", money as `$1.13` / `-$13.13`, dates
 * `04/24/2026` or `04/24/2026 as of 04/23/2026`; older exports start with a "Transactions for
 * account …" title line and end with a "Transactions Total" row. Options are `SPXW 04/24/2026
 * 7230.00 C`, and an expiration is an `Expired` row whose signed Quantity says which way it closed.
 *
 * The export has no time of day: an execution is dated at midnight (in `ImportOptions.timeZone`)
 * of its as-of date, the day it took effect, and same-day fills keep their file order only through
 * their line. "Fees & Comm" is one figure and is kept as the commission. Plain Buy and Sell (stock)
 * do not say open or close: their effect is 'unknown', for the trade grouping.
 */
export const SCHWAB_COLUMNS = ['Date', 'Action', 'Symbol', 'Description', 'Quantity', 'Price', 'Fees & Comm', 'Amount'] as const;

/** Positions the broker removed: the row closes at price 0 (an assignment's stock comes on its own row). */
const REMOVALS: Readonly<Record<string, 'expiration' | 'assignment'>> = { Expired: 'expiration', Assigned: 'assignment' };

/** `04/24/2026 as of 04/23/2026` took effect on the 23rd. */
function effectiveDate(text: string): string {
  return /\bas of (\S+)$/.exec(text)?.[1] ?? text;
}

const LAYOUT: TransactionHistoryLayout = {
  broker: 'schwab',
  headerColumns: SCHWAB_COLUMNS,
  action: (read) => rowActionOf(read('Action'), REMOVALS),
  notATrade: (read) => (read('Action') ? `Action "${read('Action')}"` : `"${read('Date')}"`),
  symbolColumn: 'Symbol',
  date: (read) => effectiveDate(read('Date')),
  instrument: (_read, symbol) => {
    const option = parseOptionSymbol(symbol);
    return option ? equityOptionInstrument(option) : stockInstrument(symbol);
  },
  quantityColumn: 'Quantity',
  priceColumn: 'Price',
  fees: (read) => ({ commission: feeCell(read('Fees & Comm'), 'Fees & Comm'), exchangeFee: '0', clearingFee: '0' }),
};

export function importSchwab(text: string, options: ImportOptions = {}): ImportResult {
  return importTransactionHistory(text, LAYOUT, options);
}
