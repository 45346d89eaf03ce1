import type { ExecutionFees, Instrument } from '@marketswarm/shared/dto';
import { inZone, readUsDateTime } from './date-formats.js';
import { draftExecution } from './execution-draft.js';
import { importHeaderedCsv } from './headered-csv-import.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { quantitySize, requiredDecimal } from './row-cells.js';
import { closingBySign, tradeActionOf, type TradeAction } from './trade-actions.js';

/** What a transaction row's action says: a trade with its side and effect, or a position the broker removed. */
export type RowAction = { event: 'fill'; trade: TradeAction } | { event: 'expiration' | 'assignment' };

type Read = (column: string) => string;

/**
 * How one brokerage's transaction history (Schwab, E*TRADE, Fidelity) reads: one row per cash
 * movement, trades among dividends and transfers, dated by day without a time.
 */
export interface TransactionHistoryLayout {
  broker: string;
  headerColumns: readonly string[];
  endsAtBlankLine?: boolean;
  /** The row's action, or null when the row is not a trade (a dividend, a transfer, a total). */
  action: (read: Read) => RowAction | null;
  /** Why a row without a trade action is listed as skipped. */
  notATrade: (read: Read) => string;
  symbolColumn: string;
  /** The US date the row took effect. */
  date: (read: Read) => string;
  instrument: (read: Read, symbol: string) => Instrument;
  /** Signed or not; a removal's sign says which way it closed. */
  quantityColumn: string;
  priceColumn: string;
  fees: (read: Read) => ExecutionFees;
}

/**
 * Reads a transaction history into executions, each dated at midnight of its date in the account's
 * zone (`ImportOptions.timeZone`): the exports have no time of day, so same-day fills keep their
 * order only through their line (the files list newest first, and the result says so). A removal closes at price 0, buying when its quantity is positive
 * (a short taken back) and selling when negative (a long given up).
 */
export function importTransactionHistory(text: string, layout: TransactionHistoryLayout, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  const result = importHeaderedCsv(
    text,
    layout.broker,
    ({ read, row, hasher }) => {
      const action = layout.action(read);
      if (!action) throw new RowError(`not a trade: ${layout.notATrade(read)}`);
      const symbol = read(layout.symbolColumn);
      if (!symbol) throw new RowError(`no ${layout.symbolColumn}`);
      const quantity = read(layout.quantityColumn);
      const trade = action.event === 'fill' ? action.trade : closingBySign(requiredDecimal(quantity, layout.quantityColumn));
      const date = layout.date(read);
      const execution = draftExecution({
        broker: layout.broker,
        event: action.event,
        ...inZone(readUsDateTime(date), timeZone),
        localTime: date,
        instrument: layout.instrument(read, symbol),
        ...trade,
        quantity: quantitySize(quantity, layout.quantityColumn),
        price: action.event === 'fill' ? requiredDecimal(read(layout.priceColumn), layout.priceColumn) : '0',
        fees: layout.fees(read),
        rowHash: hasher.hash(row.cells),
        line: row.line,
      });
      return [execution];
    },
    { headerColumns: layout.headerColumns, endsAtBlankLine: layout.endsAtBlankLine ?? false },
  );
  // All three list newest first; same-day fills share one time, so this is the only order they have.
  return { ...result, newestFirst: true };
}

/** The row's action text: a removal from the broker's table, else one of the worded order actions (tradeActionOf). */
export function rowActionOf(text: string, removals: Readonly<Record<string, 'expiration' | 'assignment'>>): RowAction | null {
  const removal = removals[text];
  if (removal) return { event: removal };
  const trade = tradeActionOf(text);
  return trade ? { event: 'fill', trade } : null;
}
