import { JOURNAL_IMPORT_MAX_BYTES, type ImportFormat } from '@marketswarm/shared/dto';
import { detectFormat } from './detect-format.js';
import { importGenericCsv } from './generic-csv.importer.js';
import { TRADENOTE_MAPPING, type GenericCsvMapping } from './generic-csv.mapping.js';
import { importIbkrFlexCsv } from './ibkr-flex-csv.importer.js';
import { importIbkrFlexXml } from './ibkr-flex.importer.js';
import { ImportFileError, type ImportOptions, type ImportOutcome, type ImportResult } from './import-result.js';
import { importTastytrade } from './tastytrade.importer.js';
import { importThinkorswim } from './thinkorswim.importer.js';
import { importSchwab } from './schwab.importer.js';
import { importEtrade } from './etrade.importer.js';
import { importFidelity } from './fidelity.importer.js';
import { importWebull } from './webull.importer.js';
import { importTradestation } from './tradestation.importer.js';
import { importTradovateOrders } from './tradovate-orders.importer.js';
import { importTradovatePaired } from './tradovate.importer.js';

/**
 * The largest export accepted, in bytes: the shared limit the UI checks before uploading, the
 * import route gives multer and nginx allows (with its multipart envelope). A year of heavy trading
 * is well under it (10,000 IBKR Flex executions are about 7 MB of XML).
 */
export const IMPORT_MAX_BYTES = JOURNAL_IMPORT_MAX_BYTES;

const IMPORTERS: Record<ImportFormat, (text: string, options: ImportFileOptions) => ImportResult> = {
  thinkorswim: importThinkorswim,
  'ibkr-flex-xml': importIbkrFlexXml,
  'ibkr-flex-csv': importIbkrFlexCsv,
  tastytrade: importTastytrade,
  'tradovate-paired': importTradovatePaired,
  'tradovate-orders': importTradovateOrders,
  schwab: importSchwab,
  etrade: importEtrade,
  fidelity: importFidelity,
  webull: importWebull,
  tradestation: importTradestation,
  tradenote: (text, options) => importGenericCsv(text, TRADENOTE_MAPPING, options),
  'generic-csv': (text, options) => {
    if (!options.mapping) throw new ImportFileError('needs-mapping', 'a generic CSV is read through a column mapping: send mapping or mappingId');
    return importGenericCsv(text, options.mapping, options);
  },
};

export interface ImportFileOptions extends ImportOptions {
  /** The format the user chose, over detection. */
  format?: ImportFormat;
  /** Columns of a generic CSV; with no format chosen, the file is read through it. */
  mapping?: GenericCsvMapping;
}

/** Reads an uploaded export into executions; every refusal of the whole file is a result, never a throw. */
export function importFile(input: Buffer | string, options: ImportFileOptions = {}): ImportOutcome {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > IMPORT_MAX_BYTES) return { ok: false, error: { code: 'too-large', message: `file is ${bytes} bytes; the limit is ${IMPORT_MAX_BYTES}` } };
  const text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, error: { code: 'empty-file', message: 'file is empty' } };
  const chosen = options.format ?? (options.mapping && 'generic-csv');
  const detected = chosen ? { format: chosen } : detectFormat(text);
  if (detected.format === null) {
    return { ok: false, error: { code: 'unknown-format', message: `unknown export format; recognised: ${detected.recognised.join(', ')}`, formats: detected.recognised } };
  }
  try {
    return { ok: true, format: detected.format, ...IMPORTERS[detected.format](text, options) };
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}
