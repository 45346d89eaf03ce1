import ExcelJS from 'exceljs';
import { formatMicros } from '../database/money.js';
import type { Execution } from '../executions/executions.repository.js';
import type { Trade } from '../trades/trades.repository.js';
import type { ExportColumn, ExportOptions } from './export-column.js';
import { executionColumns } from './execution-export-columns.js';
import { legRows, tradeColumns, tradeLegColumns } from './trade-export-columns.js';

/** Excel keeps 15 significant digits of a number; beyond that a money cell is written as text. */
const EXCEL_DIGITS = 15;

/** At least cents for money, and up to the six decimals micros hold (a $0.0125 fee shows in full). */
const NUMBER_FORMATS = { money: '#,##0.00####', decimal: '0.######', integer: '0', text: '@' } as const;

function significantDigits(decimal: string): number {
  return decimal.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * Money and decimals are numbers so a trader can sum them in Excel. A decimal of at most 15
 * significant digits (every amount below a billion dollars) survives the double exactly: Excel shows
 * it digit for digit and reading the cell back gives the same micros. A longer one would be rounded
 * by Excel, so it is written as its exact decimal text instead.
 */
function xlsxCell<Row>(column: ExportColumn<Row>, row: Row): string | number | null {
  if (column.kind === 'money' || column.kind === 'decimal') {
    const micros = column.value(row);
    if (micros === null) return null;
    const exact = formatMicros(micros);
    return significantDigits(exact) <= EXCEL_DIGITS ? Number(exact) : exact;
  }
  return column.value(row);
}

interface Sheet<Row> {
  name: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

/**
 * Text cells are written as strings, never as formulas (exceljs writes a formula only from
 * `{ formula }`), so a note reading "=HYPERLINK(…)" stays inert text in the workbook: unlike CSV it
 * needs no `'` prefix. Times are ISO 8601 text (UTC and exchange-local): an Excel date has no zone.
 */
function addSheet<Row>(workbook: ExcelJS.Workbook, sheet: Sheet<Row>): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.key, key: c.key, width: Math.max(12, c.key.length + 2), style: { numFmt: NUMBER_FORMATS[c.kind] } }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => xlsxCell(c, row)));
}

async function toXlsx(addSheets: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MarketSwarm journal';
  addSheets(workbook);
  // exceljs declares its own ArrayBuffer-like type; in Node the value is a Buffer.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A "Trades" sheet (one row per trade, the CSV's columns) and a "Legs" sheet (one row per leg, keyed by trade_id). */
export function tradesToXlsx(trades: readonly Trade[], options: ExportOptions = {}): Promise<Buffer> {
  return toXlsx((workbook) => {
    addSheet(workbook, { name: 'Trades', columns: tradeColumns(options), rows: trades });
    addSheet(workbook, { name: 'Legs', columns: tradeLegColumns(), rows: legRows(trades) });
  });
}

/** One "Executions" sheet, one row per fill. */
export function executionsToXlsx(executions: readonly Execution[], options: ExportOptions = {}): Promise<Buffer> {
  return toXlsx((workbook) => addSheet(workbook, { name: 'Executions', columns: executionColumns(options), rows: executions }));
}
