import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { skipReason } from './execution-draft.js';
import { ImportFileError, type ImportOptions, type ImportResult } from './import-result.js';
import { IBKR_BROKER, ibkrExecution } from './ibkr-trade-row.js';
import { RowHasher } from './row-hash.js';

/** IBKR Activity Flex Query, XML: each `<Trade>` of each statement is a row (see ibkr-trade-row.ts). */

const ARRAYS = new Set(['FlexQueryResponse.FlexStatements.FlexStatement', 'FlexQueryResponse.FlexStatements.FlexStatement.Trades.Trade']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  captureMetaData: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && ARRAYS.has(jPath),
});

const META = XMLParser.getMetaDataSymbol();

type Attributes = Record<string, unknown>;

function isRecord(node: unknown): node is Attributes {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function records(node: unknown): Attributes[] {
  return Array.isArray(node) ? node.filter(isRecord) : isRecord(node) ? [node] : [];
}

/** The 1-based line of a character offset, by binary search over the newline offsets. */
function lineLocator(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] ?? 0) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

export function importIbkrFlexXml(text: string, options: ImportOptions = {}): ImportResult {
  const validation = XMLValidator.validate(text);
  if (validation !== true) throw new ImportFileError('malformed-xml', `malformed XML at line ${validation.err.line}: ${validation.err.msg}`);
  const document = parser.parse(text) as unknown;
  const root = isRecord(document) ? document['FlexQueryResponse'] : undefined;
  if (!isRecord(root)) throw new ImportFileError('no-trade-section', 'no <FlexQueryResponse> element');
  const statements = records(isRecord(root['FlexStatements']) ? root['FlexStatements']['FlexStatement'] : undefined);
  const lineOf = lineLocator(text);
  const hasher = new RowHasher(IBKR_BROKER);
  const result: ImportResult = { broker: IBKR_BROKER, executions: [], skipped: [] };

  for (const statement of statements) {
    for (const trade of records(isRecord(statement['Trades']) ? statement['Trades']['Trade'] : undefined)) {
      const meta = (trade as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
      const line = lineOf(meta?.startIndex ?? 0);
      const attr = (name: string) => (typeof trade[name] === 'string' ? trade[name].trim() : '');
      const fields = Object.entries(trade).map(([name, value]) => `${name}=${String(value)}`);
      try {
        result.executions.push(ibkrExecution({ attr, fields, line }, hasher, options));
      } catch (error) {
        result.skipped.push({ line, reason: skipReason(error) });
      }
    }
  }
  return result;
}
