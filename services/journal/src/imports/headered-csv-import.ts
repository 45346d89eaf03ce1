import type { JournalExecution } from '@marketswarm/shared/dto';
import { cellReader, columnIndex, isBlankRecord, readCsvRecords, type CsvRecord } from './csv-records.js';
import { finishExecution, skipReason } from './execution-draft.js';
import type { ImportResult } from './import-result.js';
import { RowHasher } from './row-hash.js';

/** One data row of a headered CSV: its cells by column name, the record, and the file's row hasher. */
export interface HeaderedRow {
  read: (column: string) => string;
  row: CsvRecord;
  hasher: RowHasher;
}

export interface HeaderedCsvLayout {
  /**
   * The columns the header row has. Rows above it are the export's preamble (Schwab's title line,
   * E*TRADE's `For Account:`) and are not data; without it the first non-blank row is the header.
   */
  headerColumns?: readonly string[];
  /** The data ends at the first blank line after a data row: what follows is a footer (Fidelity's disclaimers). */
  endsAtBlankLine?: boolean;
}

/** Whether a row's cells include every named column (cells trimmed). */
export function hasColumns(cells: readonly string[], columns: readonly string[]): boolean {
  const names = new Set(cells.map((cell) => cell.trim()));
  return columns.every((column) => names.has(column));
}

/**
 * The loop every "header line, then one row per trade" export shares: blank lines dropped, each
 * row turned into its executions (checked by finishExecution), and a row that throws listed with
 * its line and reason instead of failing the file.
 */
export function importHeaderedCsv(text: string, broker: string, toExecutions: (row: HeaderedRow) => JournalExecution[], layout: HeaderedCsvLayout = {}): ImportResult {
  const records = readCsvRecords(text).filter((record) => !isBlankRecord(record));
  const { headerColumns } = layout;
  const start = headerColumns ? records.findIndex((record) => hasColumns(record.cells, headerColumns)) : 0;
  const header = records[start];
  const result: ImportResult = { broker, executions: [], skipped: [] };
  if (start === -1 || !header) return result;
  const index = columnIndex(header.cells);
  const hasher = new RowHasher(broker);
  const rows = records.slice(start + 1);
  const end = layout.endsAtBlankLine ? rows.findIndex((row, i) => i > 0 && row.afterBlank) : -1;
  for (const row of end === -1 ? rows : rows.slice(0, end)) {
    try {
      result.executions.push(...toExecutions({ read: cellReader(index, row.cells), row, hasher }).map(finishExecution));
    } catch (error) {
      result.skipped.push({ line: row.line, reason: skipReason(error) });
    }
  }
  return result;
}
