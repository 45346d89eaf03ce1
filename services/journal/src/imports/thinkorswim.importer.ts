import type { ExecutionFees, Instrument, JournalExecution, PositionEffect } from '@marketswarm/shared/dto';
import { cellReader, columnIndex, isBlankRecord, readCsvRecords, type CsvRecord } from './csv-records.js';
import { inZone, readDayMonthYear, readUsDateTime } from './date-formats.js';
import { absDecimal, allocateDecimal, isNegativeDecimal, negateDecimal, parseDecimal } from './decimal.js';
import { finishExecution, skipReason, ZERO_FEES } from './execution-draft.js';
import { ImportFileError, RowError, type ImportOptions, type ImportResult } from './import-result.js';
import { futuresContract } from './instrument-multipliers.js';
import { futureInstrument, stockInstrument } from './instruments.js';
import { DEFAULT_EXPORT_TIME_ZONE } from './local-time.js';
import { equityOptionInstrument } from './occ-symbol.js';
import { RowHasher } from './row-hash.js';
import { requiredDecimal } from './row-cells.js';

/**
 * thinkorswim Monitor → Account Statement → Export (and paperMoney's). Only the Account Trade
 * History section lists executions. A spread (VERTICAL, BUTTERFLY, IRON CONDOR, …) is one row for
 * its first leg and continuation rows with an empty Exec Time for the others: every leg becomes an
 * execution sharing the spread's combo id. Times are wall-clock in the account's zone, which the
 * file does not state (`ImportOptions.timeZone`, default America/New_York). Fees are not in the
 * trade history: they come from the Cash Balance / Futures Statements TRD row of the same second,
 * whose REF # also becomes the order and combo id, split over the legs by contracts.
 */
export const THINKORSWIM_TRADE_HEADER = ['', 'Exec Time', 'Spread', 'Side', 'Qty', 'Pos Effect', 'Symbol', 'Exp', 'Strike', 'Type', 'Price'] as const;

const BROKER = 'thinkorswim';

interface CashTrade {
  ref: string | null;
  commission: string;
  exchangeFee: string;
}

interface Leg {
  record: CsvRecord;
  read: (column: string) => string;
}

interface SpreadGroup {
  execTime: string;
  spread: string;
  legs: Leg[];
}

function isTradeHeader(cells: readonly string[]): boolean {
  return THINKORSWIM_TRADE_HEADER.every((name, i) => (cells[i] ?? '').trim() === name);
}

/** `Account Statement for D-70001650 (ira) since …`; paperMoney masks it as `*`. */
function accountOf(records: readonly CsvRecord[]): string | null {
  for (const record of records.slice(0, 5)) {
    const match = /Account Statement for (\S+)/.exec(record.cells[0] ?? '');
    if (match) return /^\*+$/.test(match[1] ?? '') ? null : (match[1] ?? null);
  }
  return null;
}

/** A second as one key, however the section spelled the date (`3/25/26` or `03/25/2026`). */
function secondKey(text: string): string | null {
  try {
    const t = readUsDateTime(text);
    return `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}:${t.second}`;
  } catch {
    return null;
  }
}

/** TRD rows of the Cash Balance (stocks, options) and Futures Statements sections, by second; headers read upper-cased as the two spell them differently. */
function cashTradesBySecond(records: readonly CsvRecord[]): Map<string, CashTrade[]> {
  const bySecond = new Map<string, CashTrade[]>();
  let index: Map<string, number> | null = null;
  let dateColumns: [string, string] = ['DATE', 'TIME'];
  for (const record of records) {
    if (record.afterBlank || isBlankRecord(record)) index = null;
    if (isBlankRecord(record)) continue;
    const first = (record.cells[0] ?? '').trim();
    if (first === 'DATE' && record.cells.some((c) => c.trim() === 'REF #')) {
      index = columnIndex(record.cells.map((c) => c.trim().toUpperCase()));
      dateColumns = ['DATE', 'TIME'];
      continue;
    }
    if (first === 'Trade Date' && record.cells.some((c) => c.trim() === 'Ref #')) {
      index = columnIndex(record.cells.map((c) => c.trim().toUpperCase()));
      dateColumns = ['EXEC DATE', 'EXEC TIME'];
      continue;
    }
    if (!index) continue;
    const read = cellReader(index, record.cells);
    if (read('TYPE') !== 'TRD') continue;
    const key = secondKey(`${read(dateColumns[0])} ${read(dateColumns[1])}`);
    if (key === null) continue;
    const fee = (column: string) => negateDecimal(parseDecimal(read(column)) ?? '0');
    const ref = read('REF #').replace(/^="?|"$/g, '') || null;
    const list = bySecond.get(key) ?? [];
    list.push({ ref, commission: fee('COMMISSIONS & FEES'), exchangeFee: fee('MISC FEES') });
    bySecond.set(key, list);
  }
  return bySecond;
}

function tradeGroups(records: readonly CsvRecord[]): { groups: SpreadGroup[]; orphans: CsvRecord[] } {
  const start = records.findIndex((record) => isTradeHeader(record.cells));
  if (start === -1) throw new ImportFileError('no-trade-section', 'no Account Trade History section (header ",Exec Time,Spread,Side,Qty,Pos Effect,…")');
  const header = records[start];
  const index = columnIndex(header?.cells ?? []);
  const groups: SpreadGroup[] = [];
  const orphans: CsvRecord[] = [];
  for (const record of records.slice(start + 1)) {
    if (record.afterBlank || isBlankRecord(record)) break;
    const read = cellReader(index, record.cells);
    const execTime = read('Exec Time');
    const last = groups.at(-1);
    if (execTime) groups.push({ execTime, spread: read('Spread'), legs: [{ record, read }] });
    else if (last) last.legs.push({ record, read });
    else orphans.push(record);
  }
  return { groups, orphans };
}

function instrumentOf(read: (column: string) => string, options: ImportOptions): Instrument {
  const type = read('Type').toUpperCase();
  const symbol = read('Symbol');
  if (type === 'STOCK' || type === 'ETF') return stockInstrument(symbol);
  if (type === 'FUTURE') return futureInstrument(symbol, symbol, options.multipliers);
  if (type !== 'CALL' && type !== 'PUT') throw new RowError(`unsupported Type "${read('Type')}"`);
  const right = type === 'CALL' ? 'C' : 'P';
  const strike = requiredDecimal(read('Strike'), 'Strike');
  if (symbol.startsWith('/')) {
    // Futures options: `/ESU25 1/50 4 AUG 25 (Monday) (Wk2)` — the contract, then the expiry.
    const underlying = symbol.split(/\s+/)[0] ?? symbol;
    const { multiplier } = futuresContract(underlying, options.multipliers, symbol);
    const expiryText = /\b\d{1,2} [A-Z]{3} \d{2}\b/.exec(`${read('Exp')} ${symbol}`)?.[0];
    if (!expiryText) throw new RowError(`no expiry in "${symbol}"`);
    const expiry = readDayMonthYear(expiryText);
    return { kind: 'future_option', underlying, symbol: `${underlying} ${expiry} ${strike}${right}`, multiplier, expiry, strike, right };
  }
  const expiry = readDayMonthYear(read('Exp'));
  return equityOptionInstrument({ root: symbol, expiry, right, strike });
}

/** `EXPIRED` rows remove a position at expiration (price 0, often no Side: the Qty sign says which way). */
function positionEffectOf(text: string): PositionEffect {
  if (text === 'TO OPEN') return 'open';
  if (text === 'TO CLOSE' || text === 'EXPIRED') return 'close';
  return 'unknown';
}

function quantityOf(text: string): string {
  const quantity = requiredDecimal(text, 'Qty');
  if (quantity === '0') throw new RowError(`bad Qty "${text}"`);
  return quantity;
}

export function importThinkorswim(text: string, options: ImportOptions = {}): ImportResult {
  const timeZone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  const records = readCsvRecords(text, { relaxQuotes: true });
  const { groups, orphans } = tradeGroups(records);
  const account = accountOf(records);
  const cash = cashTradesBySecond(records);
  const hasher = new RowHasher(BROKER);
  const result: ImportResult = { broker: BROKER, executions: [], skipped: orphans.map((record) => ({ line: record.line, reason: 'spread leg without a first row' })) };
  const groupsPerSecond = new Map<string, number>();

  for (const group of groups) {
    const key = secondKey(group.execTime);
    const ordinal = groupsPerSecond.get(key ?? group.execTime) ?? 0;
    groupsPerSecond.set(key ?? group.execTime, ordinal + 1);
    // Spreads filled in the same second take that second's TRD rows in order; a statement rarely has two.
    const cashTrade = key === null ? undefined : cash.get(key)?.[ordinal];
    const comboId = cashTrade?.ref ?? `${group.execTime}#${ordinal + 1}`;
    const weights = group.legs.map((leg) => {
      const quantity = parseDecimal(leg.read('Qty'));
      return quantity === null ? 0n : BigInt(absDecimal(quantity).split('.')[0] ?? '0');
    });
    const commissions = allocateDecimal(cashTrade?.commission ?? '0', weights);
    const exchangeFees = allocateDecimal(cashTrade?.exchangeFee ?? '0', weights);

    group.legs.forEach((leg, i) => {
      const { record, read } = leg;
      try {
        const time = inZone(readUsDateTime(group.execTime), timeZone);
        const quantity = quantityOf(read('Qty'));
        const sideText = read('Side').toUpperCase();
        const side = sideText === 'BUY' || sideText === 'SELL' ? (sideText === 'BUY' ? 'buy' : 'sell') : isNegativeDecimal(quantity) ? 'sell' : 'buy';
        const price = requiredDecimal(read('Price'), 'Price');
        const fees: ExecutionFees = cashTrade ? { commission: commissions[i] ?? '0', exchangeFee: exchangeFees[i] ?? '0', clearingFee: '0' } : ZERO_FEES;
        const execution: JournalExecution = {
          broker: BROKER,
          account,
          orderId: cashTrade?.ref ?? null,
          comboId,
          executionId: null,
          event: read('Pos Effect').toUpperCase() === 'EXPIRED' ? 'expiration' : 'fill',
          executedAt: time.executedAt,
          localTime: group.execTime,
          timeZone: time.timeZone,
          instrument: instrumentOf(read, options),
          side,
          positionEffect: positionEffectOf(read('Pos Effect').toUpperCase()),
          quantity: absDecimal(quantity),
          price,
          currency: 'USD',
          fees,
          // A continuation row alone does not say which spread it belongs to: hash it with the spread's time.
          rowHash: hasher.hash([group.execTime, group.spread, ...record.cells.slice(3)]),
          line: record.line,
        };
        result.executions.push(finishExecution(execution));
      } catch (error) {
        result.skipped.push({ line: record.line, reason: skipReason(error) });
      }
    });
  }
  return result;
}
