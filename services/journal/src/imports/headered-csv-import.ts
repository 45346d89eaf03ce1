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

/**
 * The loop every "header line, then one row per trade" export shares: blank lines dropped, each
 * row turned into its executions (checked by finishExecution), and a row that throws listed with
 * its line and reason instead of failing the file.
 */
export function importHeaderedCsv(text: string, broker: string, toExecutions: (row: HeaderedRow) => JournalExecution[]): ImportResult {
  const [header, ...rows] = readCsvRecords(text).filter((record) => !isBlankRecord(record));
  const result: ImportResult = { broker, executions: [], skipped: [] };
  if (!header) return result;
  const index = columnIndex(header.cells);
  const hasher = new RowHasher(broker);
  for (const row of rows) {
    try {
      result.executions.push(...toExecutions({ read: cellReader(index, row.cells), row, hasher }).map(finishExecution));
    } catch (error) {
      result.skipped.push({ line: row.line, reason: skipReason(error) });
    }
  }
  return result;
}
