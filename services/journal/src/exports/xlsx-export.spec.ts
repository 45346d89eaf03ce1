import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { EXPIRY, FILL, FLY, HUGE, LOSER, SAMPLE_TAG_NAMES, STILL_OPEN } from './export-samples.js';
import { executionsToXlsx, tradesToXlsx } from './xlsx-export.js';

interface ReadSheet {
  headers: string[];
  rows: Map<string, ExcelJS.Cell>[];
}

async function readWorkbook(buffer: Buffer): Promise<Map<string, ReadSheet>> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like interface; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, ReadSheet>();
  workbook.eachSheet((ws) => {
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Map<string, ExcelJS.Cell>[] = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push(new Map(headers.map((h, i) => [h, ws.getRow(r).getCell(i + 1)])));
    sheets.set(ws.name, { headers, rows });
  });
  return sheets;
}

/** A money or decimal cell back to micros, through its text: exact when the cell kept every digit. */
function micros(cell: ExcelJS.Cell | undefined): number | null {
  const value = cell?.value;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string') throw new TypeError(`cell ${cell?.address} holds ${cell?.type}, not a number or text`);
  return parseMicros(String(value));
}
const text = (cell: ExcelJS.Cell | undefined): unknown => cell?.value ?? null;

describe('tradesToXlsx', async () => {
  const sheets = await readWorkbook(await tradesToXlsx([FLY, LOSER, STILL_OPEN, HUGE], { tagNames: SAMPLE_TAG_NAMES }));
  const trades = sheets.get('Trades');
  const legs = sheets.get('Legs');
  const trade = (id: string): Map<string, ExcelJS.Cell> => trades?.rows.find((r) => r.get('id')?.value === id) ?? new Map<string, ExcelJS.Cell>();

  it('holds a Trades sheet, one row per trade, and a Legs sheet, one row per leg', () => {
    expect([...sheets.keys()]).toEqual(['Trades', 'Legs']);
    expect(trades?.rows.map((r) => r.get('id')?.value)).toEqual(['trade-fly', 'trade-loser', 'trade-open', 'trade-huge']);
    // 3 fly legs + 1 stock leg + 0 (open, no legs) + 1 (huge copies the stock leg) = 5.
    expect(legs?.rows.map((r) => [r.get('trade_id')?.value, r.get('leg_index')?.value])).toEqual([
      ['trade-fly', 0],
      ['trade-fly', 1],
      ['trade-fly', 2],
      ['trade-loser', 0],
      ['trade-huge', 0],
    ]);
  });

  it('writes money as numbers that read back to the exact micros: fees 2 × 4 × 0.65 + 0.0125 = 5.2125', () => {
    const fly = trade('trade-fly');
    expect(fly.get('fees')?.type).toBe(ExcelJS.ValueType.Number);
    expect(fly.get('fees')?.value).toBe(5.2125);
    expect(['gross', 'fees', 'net', 'risk'].map((k) => micros(fly.get(k)))).toEqual([250_000_000, 5_212_500, 244_787_500, 150_000_000]);
    expect(fly.get('fees')?.numFmt).toBe('#,##0.00####');
    expect(['gross', 'net', 'risk'].map((k) => micros(trade('trade-loser').get(k)))).toEqual([-11_250_000, -12_500_000, null]);
  });

  it('writes an amount beyond the 15 digits Excel keeps as its exact text', () => {
    const gross = trade('trade-huge').get('gross');
    expect(gross?.type).toBe(ExcelJS.ValueType.String);
    expect(gross?.value).toBe('1234567890.123456');
  });

  it('writes times as ISO text in UTC and on the exchange clock, empty while open', () => {
    const fly = trade('trade-fly');
    expect(['opened_at_utc', 'opened_at_local', 'closed_at_local'].map((k) => text(fly.get(k)))).toEqual(['2026-03-09T13:30:00.000Z', '2026-03-09T09:30:00.000-04:00', '2026-03-09T15:45:30.250-04:00']);
    expect(text(trade('trade-open').get('closed_at_utc'))).toBeNull();
  });

  it('keeps a note that looks like a formula as inert text, unprefixed', () => {
    const notes = trade('trade-fly').get('notes');
    expect(notes?.type).toBe(ExcelJS.ValueType.String);
    expect(notes?.value).toBe(FLY.notes);
    expect(text(trade('trade-fly').get('tags'))).toBe('0DTE; =formula tag');
  });

  it('writes each leg with its contract, prices and fills', () => {
    const first = legs?.rows[0];
    expect(['symbol', 'expiry', 'option_right', 'side', 'execution_ids'].map((k) => text(first?.get(k)))).toEqual(['SPXW', '2026-03-09', 'C', 'buy', 'exec-1']);
    expect(['strike', 'quantity', 'open_price', 'close_price', 'multiplier'].map((k) => micros(first?.get(k)))).toEqual([5_890_000_000, 1_000_000, 14_500_000, 15_000_000, 100_000_000]);
    const stock = legs?.rows[3];
    expect([micros(stock?.get('strike')), text(stock?.get('option_right')), micros(stock?.get('close_price'))]).toEqual([null, null, 119_887_500]);
  });
});

describe('executionsToXlsx', async () => {
  const sheets = await readWorkbook(await executionsToXlsx([FILL, EXPIRY]));
  const rows = sheets.get('Executions')?.rows ?? [];

  it('keeps a $0.0125 exchange fee exact: 0.65 + 0.0125 + 0.02 = 0.6825 in total', () => {
    expect(rows[0]?.get('exchange_fee')?.value).toBe(0.0125);
    expect(['commission', 'exchange_fee', 'clearing_fee', 'total_fees'].map((k) => micros(rows[0]?.get(k)))).toEqual([650_000, 12_500, 20_000, 682_500]);
  });

  it('reads back the fill as written, an account starting with @ unprefixed and as text', () => {
    expect(['id', 'account', 'event', 'executed_at_utc', 'executed_at_local', 'broker_time'].map((k) => text(rows[0]?.get(k)))).toEqual([
      'exec-1',
      '@acct-1',
      'fill',
      '2026-03-09T13:30:00.000Z',
      '2026-03-09T09:30:00.000-04:00',
      '3/9/26 09:30:00',
    ]);
    expect(['event', 'account', 'order_id'].map((k) => text(rows[1]?.get(k)))).toEqual(['expiration', null, null]);
    expect(micros(rows[1]?.get('price'))).toBe(0);
  });
});
