import type { Instrument, JournalExecution, PositionEffect } from '@marketswarm/shared/dto';
import { inZone, isoDate, readIbkrDateTime } from './date-formats.js';
import { absDecimal, addDecimals, isNegativeDecimal, negateDecimal, parseDecimal } from './decimal.js';
import { finishExecution } from './execution-draft.js';
import { RowError, type ImportOptions } from './import-result.js';
import { EQUITY_OPTION_MULTIPLIER, futuresMultiplier, STOCK_MULTIPLIER } from './instrument-multipliers.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { occSymbol } from './occ-symbol.js';
import type { RowHasher } from './row-hash.js';

/**
 * One IBKR Flex trade row, whether it came as an XML `<Trade>` or a CSV line: `attr` reads a field
 * by its XML attribute name (`ibExecID`, `buySell`). Only `levelOfDetail` EXECUTION rows are
 * executions; partial fills of one order stay separate, sharing `ibOrderID`. Times are in the zone
 * the Flex query was set up with (IBKR's default is US Eastern: `ImportOptions.timeZone`).
 */

export const IBKR_BROKER = 'ibkr';

const FEE_PARTS = {
  commission: ['brokerExecutionCommission', 'otherCommission'],
  clearingFee: ['brokerClearingCommission', 'thirdPartyClearingCommission'],
  exchangeFee: ['thirdPartyExecutionCommission', 'thirdPartyRegulatoryCommission'],
} as const;

export interface IbkrTradeRow {
  attr: (name: string) => string;
  /** Every field of the row, for the hash when the row has no execution id. */
  fields: readonly string[];
  line: number;
}

export function ibkrExecution({ attr, fields, line }: IbkrTradeRow, hasher: RowHasher, options: ImportOptions): JournalExecution {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  const level = attr('levelOfDetail');
  if (level !== '' && level !== 'EXECUTION') throw new RowError(`levelOfDetail ${level}: only EXECUTION rows are imported`);
  const decimal = (name: string, fallback?: string): string => {
    const value = parseDecimal(attr(name));
    if (value !== null) return value;
    if (fallback !== undefined) return fallback;
    throw new RowError(`bad ${name} "${attr(name)}"`);
  };
  const buySell = attr('buySell');
  if (buySell !== 'BUY' && buySell !== 'SELL') throw new RowError(`buySell "${buySell}" is not a BUY or SELL execution`);
  const quantity = absDecimal(decimal('quantity'));
  if (quantity === '0') throw new RowError('quantity must be positive, got 0');
  const localTime = attr('dateTime') || [attr('tradeDate'), attr('tradeTime')].filter(Boolean).join(';');
  const time = inZone(readIbkrDateTime(localTime), timeZone);
  const orderId = attr('ibOrderID') || attr('orderID') || null;
  const indicator = attr('openCloseIndicator');
  const positionEffect: PositionEffect = indicator === 'O' ? 'open' : indicator === 'C' ? 'close' : 'unknown';
  const hasBreakdown = Object.values(FEE_PARTS).some((names) => names.some((name) => attr(name) !== ''));
  // IBKR signs commissions negative (cash out) and rebates positive; the journal counts costs positive.
  const fees = hasBreakdown
    ? {
        commission: negateDecimal(addDecimals(...FEE_PARTS.commission.map((name) => decimal(name, '0')))),
        exchangeFee: negateDecimal(addDecimals(...FEE_PARTS.exchangeFee.map((name) => decimal(name, '0')))),
        clearingFee: negateDecimal(addDecimals(...FEE_PARTS.clearingFee.map((name) => decimal(name, '0')))),
      }
    : { commission: negateDecimal(decimal('ibCommission', '0')), exchangeFee: '0', clearingFee: '0' };
  const execution: JournalExecution = {
    broker: IBKR_BROKER,
    account: attr('accountId') || null,
    orderId,
    comboId: orderId,
    executionId: attr('ibExecID') || null,
    event: 'fill',
    executedAt: time.executedAt,
    localTime,
    timeZone: time.timeZone,
    instrument: instrumentOf(attr, decimal, options),
    side: buySell === 'BUY' ? 'buy' : 'sell',
    positionEffect,
    quantity,
    price: decimal('tradePrice'),
    currency: attr('currency') || 'USD',
    fees,
    // The execution id is the same in every Flex query; the attribute list depends on how the query was set up.
    rowHash: attr('ibExecID') ? hasher.hash([attr('accountId'), attr('ibExecID')]) : hasher.hash([...fields].sort()),
    line,
  };
  return finishExecution(execution);
}

function instrumentOf(attr: (name: string) => string, decimal: (name: string, fallback?: string) => string, options: ImportOptions): Instrument {
  const category = attr('assetCategory');
  const symbol = attr('symbol');
  const underlying = attr('underlyingSymbol') || symbol;
  const expiry = () => isoDate(readIbkrDateTime(attr('expiry')));
  const right = () => {
    const putCall = attr('putCall');
    if (putCall !== 'C' && putCall !== 'P') throw new RowError(`bad putCall "${putCall}"`);
    return putCall;
  };
  switch (category) {
    case 'STK':
      return { kind: 'stock', underlying, symbol, multiplier: decimal('multiplier', STOCK_MULTIPLIER), expiry: null, strike: null, right: null };
    case 'OPT': {
      const strike = decimal('strike');
      const root = symbol.split(/\s+/)[0] || underlying;
      return { kind: 'option', underlying, symbol: occSymbol(root, expiry(), right(), strike), multiplier: decimal('multiplier', EQUITY_OPTION_MULTIPLIER), expiry: expiry(), strike, right: right() };
    }
    case 'FUT':
    case 'FOP': {
      const multiplier = attr('multiplier') ? decimal('multiplier') : futuresMultiplier(underlying, options.multipliers);
      if (multiplier === null || isNegativeDecimal(multiplier)) throw new RowError(`unknown multiplier for "${underlying}": add it to the symbols`);
      if (category === 'FUT') return { kind: 'future', underlying, symbol, multiplier, expiry: attr('expiry') ? expiry() : null, strike: null, right: null };
      return { kind: 'future_option', underlying, symbol, multiplier, expiry: expiry(), strike: decimal('strike'), right: right() };
    }
    default:
      throw new RowError(`unsupported assetCategory "${category}"`);
  }
}
