import type { Instrument, JournalExecution, PositionEffect } from '@marketswarm/shared/dto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inZone, isoDate, readIbkrDateTime } from './date-formats.js';
import { absDecimal, addDecimals, isNegativeDecimal, negateDecimal, parseDecimal } from './decimal.js';
import { finishExecution, skipReason } from './execution-draft.js';
import { ImportFileError, RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { EQUITY_OPTION_MULTIPLIER, futuresMultiplier, STOCK_MULTIPLIER } from './instrument-multipliers.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { occSymbol } from './occ-symbol.js';
import { RowHasher } from './row-hash.js';

/**
 * IBKR Activity Flex Query, XML. Each `<Trade levelOfDetail="EXECUTION">` is one execution; partial
 * fills of one order stay separate executions sharing `ibOrderID`. Times are in the zone the Flex
 * query was set up with (IBKR's default is US Eastern: `ImportOptions.timeZone`).
 */

const BROKER = 'ibkr';

const ARRAYS = new Set(['FlexQueryResponse.FlexStatements.FlexStatement', 'FlexQueryResponse.FlexStatements.FlexStatement.Trades.Trade']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  captureMetaData: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && ARRAYS.has(jPath),
});

const META = XMLParser.getMetaDataSymbol();

type Attributes = Record<string, unknown>;

function isRecord(node: unknown): node is Attributes {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function records(node: unknown): Attributes[] {
  return Array.isArray(node) ? node.filter(isRecord) : isRecord(node) ? [node] : [];
}

/** The 1-based line of a character offset, by binary search over the newline offsets. */
function lineLocator(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] ?? 0) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

const FEE_PARTS = {
  commission: ['brokerExecutionCommission', 'otherCommission'],
  clearingFee: ['brokerClearingCommission', 'thirdPartyClearingCommission'],
  exchangeFee: ['thirdPartyExecutionCommission', 'thirdPartyRegulatoryCommission'],
} as const;

export function importIbkrFlexXml(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  const validation = XMLValidator.validate(text);
  if (validation !== true) throw new ImportFileError('malformed-xml', `malformed XML at line ${validation.err.line}: ${validation.err.msg}`);
  const document = parser.parse(text) as unknown;
  const root = isRecord(document) ? document['FlexQueryResponse'] : undefined;
  if (!isRecord(root)) throw new ImportFileError('no-trade-section', 'no <FlexQueryResponse> element');
  const statements = records(isRecord(root['FlexStatements']) ? root['FlexStatements']['FlexStatement'] : undefined);
  const lineOf = lineLocator(text);
  const hasher = new RowHasher(BROKER);
  const result: ImportResult = { broker: BROKER, executions: [], skipped: [] };

  for (const statement of statements) {
    const trades = records(isRecord(statement['Trades']) ? statement['Trades']['Trade'] : undefined);
    for (const trade of trades) {
      const meta = (trade as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
      const line = lineOf(meta?.startIndex ?? 0);
      const attr = (name: string) => (typeof trade[name] === 'string' ? trade[name].trim() : '');
      try {
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
          broker: BROKER,
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
          rowHash: attr('ibExecID') ? hasher.hash([attr('accountId'), attr('ibExecID')]) : hasher.hash(Object.entries(trade).map(([k, v]) => `${k}=${String(v)}`).sort()),
          line,
        };
        result.executions.push(finishExecution(execution));
      } catch (error) {
        result.skipped.push({ line, reason: skipReason(error) });
      }
    }
  }
  return result;
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
