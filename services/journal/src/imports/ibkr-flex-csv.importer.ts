import { cellReader, columnIndex, readCsvRecords, type CsvRecord } from './csv-records.js';
import { skipReason } from './execution-draft.js';
import { ImportFileError, type ImportOptions, type ImportResult } from './import-result.js';
import { IBKR_BROKER, ibkrExecution } from './ibkr-trade-row.js';
import { RowHasher } from './row-hash.js';

/**
 * IBKR Activity Flex Query, CSV. The file holds one section per Flex topic, each under its own
 * `"ClientAccountID",…` header; later versions wrap them in BOF/BOA/BOS … EOS/EOA/EOF control rows
 * and may start with MSG rows. The trades section is the one whose header has Buy/Sell and
 * TradePrice. Its columns are the XML attributes with a capital letter (`IBExecID` for `ibExecID`)
 * except the few renamed below, so one row reader serves both (see ibkr-trade-row.ts), and the same
 * execution hashes the same from either file.
 */

const CONTROL_ROWS = new Set(['BOF', 'BOA', 'BOS', 'EOS', 'EOA', 'EOF', 'MSG']);

const RENAMED: Readonly<Record<string, string>> = {
  accountId: 'ClientAccountID',
  currency: 'CurrencyPrimary',
  assetCategory: 'AssetClass',
  buySell: 'Buy/Sell',
  putCall: 'Put/Call',
  openCloseIndicator: 'Open/CloseIndicator',
  ibOrderID: 'IBOrderID',
  ibExecID: 'IBExecID',
  ibCommission: 'IBCommission',
};

function csvColumn(attribute: string): string {
  return RENAMED[attribute] ?? `${attribute.charAt(0).toUpperCase()}${attribute.slice(1)}`;
}

export function isIbkrTradesHeader(cells: readonly string[]): boolean {
  const names = new Set(cells.map((cell) => cell.trim()));
  return names.has('ClientAccountID') && names.has('Buy/Sell') && names.has('TradePrice');
}

export function importIbkrFlexCsv(text: string, options: ImportOptions = {}): ImportResult {
  const hasher = new RowHasher(IBKR_BROKER);
  const result: ImportResult = { broker: IBKR_BROKER, executions: [], skipped: [] };
  let index: Map<string, number> | null = null;
  let sawTrades = false;
  for (const record of flexRecords(text)) {
    const first = (record.cells[0] ?? '').trim();
    if (CONTROL_ROWS.has(first)) {
      if (first === 'EOS') index = null;
      continue;
    }
    if (first === 'ClientAccountID') {
      index = isIbkrTradesHeader(record.cells) ? columnIndex(record.cells) : null;
      sawTrades ||= index !== null;
      continue;
    }
    if (!index) continue;
    const read = cellReader(index, record.cells);
    const header = index;
    const fields = [...header.keys()].map((name) => `${name}=${read(name)}`);
    try {
      result.executions.push(ibkrExecution({ attr: (name) => read(csvColumn(name)), fields, line: record.line }, hasher, options));
    } catch (error) {
      result.skipped.push({ line: record.line, reason: skipReason(error) });
    }
  }
  if (!sawTrades) throw new ImportFileError('no-trade-section', 'no Trades section (a "ClientAccountID" header with Buy/Sell and TradePrice)');
  return result;
}

/**
 * The file's records, read one section at a time: each section's rows have one length, while the
 * file as a whole mixes 9-column control rows with 20-plus-column sections, for which csv-parse
 * builds (and discards) an error object per row — more time than the parse itself. Flex CSV fields
 * never span lines; if one did, the sections would not parse and the whole file is read at once.
 */
function flexRecords(text: string): CsvRecord[] {
  const lines = text.split('\n');
  const records: CsvRecord[] = [];
  let start = 0;
  try {
    for (let i = 1; i <= lines.length; i += 1) {
      if (i < lines.length && !startsSection(lines[i] ?? '')) continue;
      records.push(...readCsvRecords(lines.slice(start, i).join('\n'), { lineOffset: start }));
      start = i;
    }
    return records;
  } catch {
    return readCsvRecords(text);
  }
}

/** A control row or a section header starts a new run of rows of one length. */
function startsSection(line: string): boolean {
  const first = line.slice(0, 20).split(',', 1)[0]?.replace(/^\uFEFF/, '').replaceAll('"', '').trim() ?? '';
  return CONTROL_ROWS.has(first) || first === 'ClientAccountID';
}
