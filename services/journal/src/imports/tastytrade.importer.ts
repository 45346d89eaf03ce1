import type { ExecutionEvent, Instrument, JournalExecution } from '@marketswarm/shared/dto';
import { importHeaderedCsv } from './headered-csv-import.js';
import { readDayMonthYear, readIsoWithOffset, readUsDateTime, isoDate } from './date-formats.js';
import { absDecimal, isNegativeDecimal, negateDecimal, parseDecimal } from './decimal.js';
import { RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { EQUITY_OPTION_MULTIPLIER, futuresContract } from './instrument-multipliers.js';
import { futureInstrument, stockInstrument } from './instruments.js';
import { occSymbol } from './occ-symbol.js';
import { feeCell, requiredDecimal } from './row-cells.js';
import { tradeActionOf } from './trade-actions.js';

/** tastytrade History → Transactions → CSV. Times carry their own UTC offset. */
export const TASTYTRADE_COLUMNS = ['Date', 'Type', 'Sub Type', 'Action', 'Symbol', 'Instrument Type', 'Description', 'Quantity', 'Commissions', 'Fees', 'Order #'] as const;

const BROKER = 'tastytrade';

/** tastytrade writes `--` for no commission and signs costs negative (cash out); the journal counts costs positive. */
function cost(text: string, column: string): string {
  return negateDecimal(feeCell(text, column));
}

function eventOf(type: string, subType: string): ExecutionEvent | null {
  if (type === 'Trade') return 'fill';
  if (type !== 'Receive Deliver') return null;
  if (/expiration/i.test(subType)) return 'expiration';
  if (/assignment/i.test(subType)) return 'assignment';
  if (/exercise/i.test(subType)) return 'exercise';
  return null;
}

/** US `9/20/24`, or ISO `2024-09-20` as later exports write it. */
function expiryOf(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (/^\d{1,2} [A-Za-z]{3} \d{2,4}$/.test(text)) return readDayMonthYear(text);
  return isoDate(readUsDateTime(text));
}

function rightOf(text: string): 'C' | 'P' {
  const upper = text.toUpperCase();
  if (upper === 'CALL' || upper === 'C') return 'C';
  if (upper === 'PUT' || upper === 'P') return 'P';
  throw new RowError(`bad Call or Put "${text}"`);
}

function strikeOf(text: string): string {
  return requiredDecimal(text, 'Strike Price');
}

function instrumentOf(read: (column: string) => string, options: ImportOptions): Instrument {
  const type = read('Instrument Type');
  const symbol = read('Symbol').replace(/\s+/g, ' ');
  switch (type) {
    case 'Equity':
      return stockInstrument(symbol);
    case 'Equity Option': {
      const underlying = read('Underlying Symbol') || read('Root Symbol');
      const expiry = expiryOf(read('Expiration Date'));
      const strike = strikeOf(read('Strike Price'));
      const right = rightOf(read('Call or Put'));
      const multiplier = parseDecimal(read('Multiplier')) ?? EQUITY_OPTION_MULTIPLIER;
      return { kind: 'option', underlying, symbol: occSymbol(read('Root Symbol') || underlying, expiry, right, strike), multiplier, expiry, strike, right };
    }
    case 'Future':
      return futureInstrument(symbol, symbol, options.multipliers);
    case 'Future Option': {
      // The Multiplier column says 1 for a /MES option worth $5 a point: the root decides.
      const underlying = read('Underlying Symbol');
      const { multiplier } = futuresContract(underlying, options.multipliers);
      return { kind: 'future_option', underlying, symbol, multiplier, expiry: expiryOf(read('Expiration Date')), strike: strikeOf(read('Strike Price')), right: rightOf(read('Call or Put')) };
    }
    default:
      throw new RowError(`unsupported Instrument Type "${type}"`);
  }
}

/** The fill price is printed only in the description (`Sold 1 /CLJ4 @ 79.53`); Value and Average Price carry cash. */
function priceOf(description: string, event: ExecutionEvent): string {
  const match = /@\s*([\d.,]+)\s*$/.exec(description);
  if (match) {
    const price = parseDecimal(match[1] ?? '');
    if (price !== null) return price;
  }
  if (event !== 'fill') return '0';
  throw new RowError(`no price in Description "${description}"`);
}

export function importTastytrade(text: string, options: ImportOptions = {}): ImportResult {
  return importHeaderedCsv(text, BROKER, ({ read, row, hasher }) => {
    const event = eventOf(read('Type'), read('Sub Type'));
    if (event === null) throw new RowError(`not a trade: ${[read('Type'), read('Sub Type')].filter(Boolean).join(' / ')}`);
    const action = tradeActionOf(read('Action'));
    if (!action) throw new RowError(`bad Action "${read('Action')}"`);
    const quantity = requiredDecimal(read('Quantity'), 'Quantity');
    if (isNegativeDecimal(quantity) || quantity === '0') throw new RowError(`quantity must be positive, got ${quantity}`);
    const time = readIsoWithOffset(read('Date'));
    const orderId = read('Order #') || null;
    const execution: JournalExecution = {
      broker: BROKER,
      account: null,
      orderId,
      comboId: orderId,
      executionId: null,
      event,
      executedAt: time.executedAt,
      localTime: read('Date'),
      timeZone: time.timeZone,
      instrument: instrumentOf(read, options),
      ...action,
      quantity: absDecimal(quantity),
      price: priceOf(read('Description'), event),
      currency: read('Currency') || 'USD',
      // tastytrade's one Fees column holds its clearing, exchange and regulatory fees together.
      fees: { commission: cost(read('Commissions'), 'Commissions'), exchangeFee: cost(read('Fees'), 'Fees'), clearingFee: '0' },
      rowHash: hasher.hash(row.cells),
      line: row.line,
    };
    return [execution];
  });
}
