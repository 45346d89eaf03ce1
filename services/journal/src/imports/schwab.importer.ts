import { inZone, readUsDateTime } from './date-formats.js';
import { draftExecution } from './execution-draft.js';
import { importHeaderedCsv } from './headered-csv-import.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { stockInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { equityOptionInstrument, parseOptionSymbol } from './occ-symbol.js';
import { feeCell, quantitySize, requiredDecimal } from './row-cells.js';
import { BUY, BUY_TO_CLOSE, BUY_TO_OPEN, closingBySign, SELL, SELL_TO_CLOSE, SELL_TO_OPEN, type TradeAction } from './trade-actions.js';

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

const BROKER = 'schwab';

const ACTIONS: Readonly<Record<string, TradeAction>> = {
  Buy: BUY,
  Sell: SELL,
  'Buy to Open': BUY_TO_OPEN,
  'Sell to Open': SELL_TO_OPEN,
  'Buy to Close': BUY_TO_CLOSE,
  'Sell to Close': SELL_TO_CLOSE,
  'Sell Short': SELL_TO_OPEN,
  'Buy to Cover': BUY_TO_CLOSE,
};

/** Positions the broker removed: the row closes at price 0 (an assignment's stock comes on its own row). */
const REMOVALS: Readonly<Record<string, 'expiration' | 'assignment'>> = { Expired: 'expiration', Assigned: 'assignment' };

/** `04/24/2026 as of 04/23/2026` took effect on the 23rd. */
function effectiveDate(text: string): string {
  return /\bas of (\S+)$/.exec(text)?.[1] ?? text;
}

export function importSchwab(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  return importHeaderedCsv(
    text,
    BROKER,
    ({ read, row, hasher }) => {
      const actionText = read('Action');
      const removal = REMOVALS[actionText];
      const action = removal ? closingBySign(requiredDecimal(read('Quantity'), 'Quantity')) : ACTIONS[actionText];
      if (!action) throw new RowError(`not a trade: ${actionText ? `Action "${actionText}"` : `"${read('Date')}"`}`);
      const symbol = read('Symbol');
      if (!symbol) throw new RowError('no Symbol');
      const option = parseOptionSymbol(symbol);
      const date = effectiveDate(read('Date'));
      const execution = draftExecution({
        broker: BROKER,
        event: removal ?? 'fill',
        ...inZone(readUsDateTime(date), timeZone),
        localTime: date,
        instrument: option ? equityOptionInstrument(option) : stockInstrument(symbol),
        ...action,
        quantity: quantitySize(read('Quantity'), 'Quantity'),
        price: removal ? '0' : requiredDecimal(read('Price'), 'Price'),
        fees: { commission: feeCell(read('Fees & Comm'), 'Fees & Comm'), exchangeFee: '0', clearingFee: '0' },
        rowHash: hasher.hash(row.cells),
        line: row.line,
      });
      return [execution];
    },
    { headerColumns: SCHWAB_COLUMNS },
  );
}
