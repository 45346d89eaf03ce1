import { CsvError, parse } from 'csv-parse/sync';
import { ImportFileError } from './import-result.js';

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record ends (a quoted field may span lines). */
  line: number;
  /** Blank lines came before it: thinkorswim ends each section of a statement with one. */
  afterBlank: boolean;
}

/**
 * Every non-empty record of a CSV text (`lineOffset`: lines before this text in the file, when it is one section of it). Empty lines are skipped rather than returned (a file of
 * ten million newlines must not become ten million records) and marked on the record after them.
 * Rows may have any number of columns: the importers check the columns they read. `relaxQuotes`
 * keeps a quote inside a field as text (thinkorswim writes REF # as `="5319624867"`).
 */
export function readCsvRecords(text: string, options: { relaxQuotes?: boolean; lineOffset?: number } = {}): CsvRecord[] {
  const lineOffset = options.lineOffset ?? 0;
  try {
    const rows = parse(text, { bom: true, relax_column_count: true, relax_quotes: options.relaxQuotes ?? false, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number; empty_lines: number };
    }[];
    let emptyLines = 0;
    return rows.map(({ record, info }) => {
      const afterBlank = info.empty_lines > emptyLines;
      emptyLines = info.empty_lines;
      return { cells: record, line: info.lines + lineOffset, afterBlank };
    });
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError('malformed-csv', `malformed CSV: ${error.message}`);
    throw error;
  }
}

export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell.trim() === '');
}

/** Column name → index, for a header row (names trimmed). */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim();
    if (key && !index.has(key)) index.set(key, i);
  });
  return index;
}

/** Reads one named column of a row; a header without that column reads as empty. */
export function cellReader(index: ReadonlyMap<string, number>, cells: readonly string[]): (column: string) => string {
  return (column) => {
    const i = index.get(column);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
}
