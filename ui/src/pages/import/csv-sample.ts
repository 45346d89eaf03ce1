/**
 * Reads the head of a CSV in the browser, enough to build a column mapping: the header row, a
 * sample of rows under it, and where the header starts so the preamble above it can be left out
 * of the upload. Parsed as the journal parses it (comma separated, `"` quoting with `""` escapes,
 * quoted fields may hold commas and newlines, a quote inside an unquoted field is text, a UTF-8 BOM
 * is ignored, blank lines are skipped, cells trimmed as the journal trims them).
 */

export interface CsvSampleRecord {
  cells: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Index in the text where the record starts. */
  offset: number;
}

/** Up to `limit` non-blank records from the start of `text`. */
export function readCsvRecords(text: string, limit: number): CsvSampleRecord[] {
  const records: CsvSampleRecord[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  while (i < text.length && records.length < limit) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let atFieldStart = true;
    let ended = false;
    while (i < text.length && !ended) {
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        if (ch === '"') quoted = false;
        else {
          if (ch === '\n') line += 1;
          cell += ch;
        }
        i += 1;
        continue;
      }
      if (ch === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i += 1;
      } else if (ch === ',') {
        cells.push(cell);
        cell = '';
        atFieldStart = true;
        i += 1;
      } else if (ch === '\n' || ch === '\r') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        ended = true;
      } else {
        // Spaces before an opening quote still open it (`, "a,b"`), as the journal trims cells.
        if (!(ch === ' ' || ch === '\t')) atFieldStart = false;
        cell += ch;
        i += 1;
      }
    }
    cells.push(cell);
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.some((c) => c !== '')) records.push({ cells: trimmed, line: startLine, offset: start });
  }
  return records;
}

/** How many candidate header rows the wizard offers when the export starts with a preamble. */
export const HEADER_CANDIDATES = 10;
/** Rows under the header read for side codes and kinds. */
export const SAMPLE_ROWS = 200;

export interface CsvSample {
  /** The first non-blank records, any of which the trader may name as the header. */
  candidates: CsvSampleRecord[];
  headerIndex: number;
  /** Column names, without blanks or repeats (the journal reads the first column of a name). */
  columns: string[];
  /** Cells of the first rows under the header, read by column name. */
  rows: ReadonlyMap<string, string>[];
  /** 1-based line of the header; the lines above it are preamble. */
  headerLine: number;
  /** Index in the text where the header starts: the upload starts there. */
  headerOffset: number;
}

/**
 * The row most likely to be the header: the first with three or more filled cells. A title line
 * ("Transactions for account …") or an `Account:,X` preamble has fewer; a mapping needs at least
 * date, symbol, side, quantity and price.
 */
export function guessHeaderIndex(candidates: readonly CsvSampleRecord[]): number {
  const index = candidates.findIndex((record) => record.cells.filter((cell) => cell !== '').length > 2);
  return index === -1 ? 0 : index;
}

/** The sample for a header row (`headerIndex` among the candidates; default the guessed one). */
export function sampleCsv(text: string, headerIndex?: number): CsvSample {
  const records = readCsvRecords(text, HEADER_CANDIDATES + SAMPLE_ROWS + 1);
  const candidates = records.slice(0, HEADER_CANDIDATES);
  const index = Math.min(Math.max(headerIndex ?? guessHeaderIndex(candidates), 0), Math.max(candidates.length - 1, 0));
  const header = records[index];
  const columns = [...new Set((header?.cells ?? []).filter((cell) => cell !== ''))];
  const rows = records.slice(index + 1, index + 1 + SAMPLE_ROWS).map((record) => {
    const row = new Map<string, string>();
    header?.cells.forEach((name, i) => {
      if (name !== '' && !row.has(name)) row.set(name, record.cells[i] ?? '');
    });
    return row;
  });
  return { candidates, headerIndex: index, columns, rows, headerLine: header?.line ?? 1, headerOffset: header?.offset ?? 0 };
}

/** Distinct values of a column in the sample, most frequent first (ties in order of appearance), blanks left out. */
export function collectCodes(sample: Pick<CsvSample, 'rows'>, column: string | undefined): { code: string; count: number }[] {
  if (!column) return [];
  const counts = new Map<string, number>();
  for (const row of sample.rows) {
    const value = row.get(column) ?? '';
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
}

/** The first non-blank value of a column in the sample, to show beside its select. */
export function exampleOf(sample: Pick<CsvSample, 'rows'>, column: string | undefined): string | undefined {
  if (!column) return undefined;
  for (const row of sample.rows) {
    const value = row.get(column);
    if (value) return value;
  }
  return undefined;
}
