import { IMPORT_FORMATS, type ImportFormat } from '@marketswarm/shared/dto';
import { parse } from 'csv-parse/sync';
import { mappedColumns, TRADENOTE_MAPPING } from './generic-csv.mapping.js';
import { TASTYTRADE_COLUMNS } from './tastytrade.importer.js';
import { TRADOVATE_PAIRED_COLUMNS } from './tradovate.importer.js';

export type DetectedFormat = { format: ImportFormat } | { format: null; recognised: readonly ImportFormat[] };

/** Formats read from a CSV header row: the file is in the format when its header has every column listed. */
const HEADER_SIGNATURES: readonly { format: ImportFormat; columns: readonly string[] }[] = [
  { format: 'tastytrade', columns: TASTYTRADE_COLUMNS },
  { format: 'tradovate-paired', columns: TRADOVATE_PAIRED_COLUMNS },
  { format: 'tradenote', columns: mappedColumns(TRADENOTE_MAPPING) },
];

/** thinkorswim's trade history header can sit hundreds of lines into the statement, after other sections. */
const THINKORSWIM_SIGNATURE = /^,Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price/m;
/** A statement's first line, so a statement without trades is refused as such rather than as an unknown format. */
const THINKORSWIM_STATEMENT = /^(?:This document was exported from the paperMoney platform\.\s+)?Account Statement for /;
/** A Flex CSV trades header, possibly after BOF/BOA/BOS and MSG rows or other sections. */
const FLEX_CSV_SIGNATURE = /^"?ClientAccountID"?,(?=.*\bBuy\/Sell\b)(?=.*\bTradePrice\b)/m;
const FLEX_SIGNATURE = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<FlexQueryResponse[\s>]/;

/** The header alone: a defect further down is the importer's to report, with its line. */
function firstRow(text: string): string[] {
  try {
    const [row] = parse(text, { bom: true, to_line: 1, relax_column_count: true, relax_quotes: true });
    return (row ?? []).map((cell) => cell.trim());
  } catch {
    return [];
  }
}

/** Which importer reads `text`, by the signature of its header; null lists what would have been recognised. */
export function detectFormat(text: string): DetectedFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (FLEX_SIGNATURE.test(body)) return { format: 'ibkr-flex-xml' };
  if (FLEX_CSV_SIGNATURE.test(body)) return { format: 'ibkr-flex-csv' };
  if (THINKORSWIM_STATEMENT.test(body) || THINKORSWIM_SIGNATURE.test(body)) return { format: 'thinkorswim' };
  if (!body.startsWith('<')) {
    const header = new Set(firstRow(body)); // `body` starts at its first non-blank line
    const match = HEADER_SIGNATURES.find(({ columns }) => columns.every((column) => header.has(column)));
    if (match) return { format: match.format };
  }
  return { format: null, recognised: IMPORT_FORMATS };
}
