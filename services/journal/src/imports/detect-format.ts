import { DETECTABLE_IMPORT_FORMATS, type ImportFormat } from '@marketswarm/shared/dto';
import { parse } from 'csv-parse/sync';
import { mappedColumns, TRADENOTE_MAPPING } from './generic-csv.mapping.js';
import { TASTYTRADE_COLUMNS } from './tastytrade.importer.js';
import { hasColumns } from './headered-csv-import.js';
import { SCHWAB_COLUMNS } from './schwab.importer.js';
import { ETRADE_COLUMNS } from './etrade.importer.js';
import { FIDELITY_COLUMNS } from './fidelity.importer.js';
import { WEBULL_COLUMNS } from './webull.importer.js';
import { TRADESTATION_COLUMNS } from './tradestation.importer.js';
import { TRADOVATE_ORDERS_COLUMNS } from './tradovate-orders.importer.js';
import { TRADOVATE_PAIRED_COLUMNS } from './tradovate.importer.js';

export type DetectedFormat = { format: ImportFormat } | { format: null; recognised: readonly ImportFormat[] };

/**
 * Formats read from a CSV header row: the file is in the format when its header has every column
 * listed. The header may follow a few preamble lines (Schwab's title, E*TRADE's `For Account:`).
 */
const HEADER_SIGNATURES: readonly { format: ImportFormat; columns: readonly string[] }[] = [
  { format: 'tastytrade', columns: TASTYTRADE_COLUMNS },
  { format: 'tradovate-paired', columns: TRADOVATE_PAIRED_COLUMNS },
  { format: 'tradovate-orders', columns: TRADOVATE_ORDERS_COLUMNS },
  { format: 'schwab', columns: SCHWAB_COLUMNS },
  { format: 'etrade', columns: ETRADE_COLUMNS },
  { format: 'fidelity', columns: FIDELITY_COLUMNS },
  { format: 'webull', columns: WEBULL_COLUMNS },
  { format: 'tradestation', columns: TRADESTATION_COLUMNS },
  { format: 'tradenote', columns: mappedColumns(TRADENOTE_MAPPING) },
];

/** thinkorswim's trade history header can sit hundreds of lines into the statement, after other sections. */
const THINKORSWIM_SIGNATURE = /^,Exec Time,Spread,Side,Qty,Pos Effect,Symbol,Exp,Strike,Type,Price/m;
/** A statement's first line, so a statement without trades is refused as such rather than as an unknown format. */
const THINKORSWIM_STATEMENT = /^(?:This document was exported from the paperMoney platform\.\s+)?Account Statement for /;
/** A Flex CSV trades header, possibly after BOF/BOA/BOS and MSG rows or other sections. */
const FLEX_CSV_SIGNATURE = /^"?ClientAccountID"?,(?=.*\bBuy\/Sell\b)(?=.*\bTradePrice\b)/m;
const FLEX_SIGNATURE = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<FlexQueryResponse[\s>]/;

/** How many rows into the file a header may sit. */
const HEADER_SEARCH_ROWS = 8;

/**
 * The first lines, each read alone: a header never spans lines, and a defect further down (an
 * unclosed quote) is the importer's to report, with its line.
 */
function leadingRows(text: string): string[][] {
  return text
    .split(/\r?\n/, HEADER_SEARCH_ROWS)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const rows: string[][] = parse(line, { relax_column_count: true, relax_quotes: true });
        return rows[0] ?? [];
      } catch {
        return [];
      }
    });
}

/** Which importer reads `text`, by the signature of its header; null lists what would have been recognised. */
export function detectFormat(text: string): DetectedFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (FLEX_SIGNATURE.test(body)) return { format: 'ibkr-flex-xml' };
  if (FLEX_CSV_SIGNATURE.test(body)) return { format: 'ibkr-flex-csv' };
  if (THINKORSWIM_STATEMENT.test(body) || THINKORSWIM_SIGNATURE.test(body)) return { format: 'thinkorswim' };
  if (!body.startsWith('<')) {
    for (const row of leadingRows(body)) {
      const match = HEADER_SIGNATURES.find(({ columns }) => hasColumns(row, columns));
      if (match) return { format: match.format };
    }
  }
  return { format: null, recognised: DETECTABLE_IMPORT_FORMATS };
}
