import { stringify } from 'csv-stringify/sync';
import { formatMicros } from '../database/money.js';
import type { Execution } from '../executions/executions.repository.js';
import type { Trade } from '../trades/trades.repository.js';
import type { ExportColumn, ExportOptions } from './export-column.js';
import { executionColumns } from './execution-export-columns.js';
import { neutralizeFormula } from './formula-guard.js';
import { tradeColumns } from './trade-export-columns.js';

function csvCell<Row>(column: ExportColumn<Row>, row: Row): string {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row);
      return value === null ? '' : neutralizeFormula(value);
    }
    case 'money':
    case 'decimal': {
      const value = column.value(row);
      return value === null ? '' : formatMicros(value);
    }
    case 'integer': {
      const value = column.value(row);
      return value === null ? '' : String(value);
    }
  }
}

/**
 * RFC 4180 CSV (CRLF records, quotes only where needed) with a UTF-8 byte order mark: without it
 * Excel reads the file as the system code page and garbles any non-ASCII note. Empty cells are
 * nulls; money is the exact decimal of the stored micros (a $0.0125 fee is "0.0125").
 */
function toCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string {
  const records = [columns.map((c) => c.key), ...rows.map((row) => columns.map((c) => csvCell(c, row)))];
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}

/** One row per trade; legs are described in the `legs` cell (see trade-export-columns.ts). */
export function tradesToCsv(trades: readonly Trade[], options: ExportOptions = {}): string {
  return toCsv(tradeColumns(options), trades);
}

/** One row per fill. */
export function executionsToCsv(executions: readonly Execution[], options: ExportOptions = {}): string {
  return toCsv(executionColumns(options), executions);
}
