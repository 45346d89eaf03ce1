import { stringify } from 'csv-stringify/sync';
import { adiSections, type AdiSectionSnapshot } from '@marketswarm/shared/dto';
import { exchangeWallClock } from '@marketswarm/shared/journal';
import { NEW_YORK } from '@marketswarm/shared/models';

export const ADI_CSV_HEADER = ['section', 'field', 'value'] as const;
/** The header fields (schema id and version, symbol, dte, time) are written under this section name. */
export const ADI_CSV_META = 'meta';

export type AdiCsvRow = [section: string, field: string, value: string];

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; position names are typed by
 * users, so such text gets a leading `'` (OWASP "CSV injection"), as the journal's exports do.
 * Numbers are never text here and negative ones stay summable.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cell(leaf: unknown): string {
  if (leaf === null || leaf === undefined) return '';
  if (typeof leaf === 'string') return neutralizeFormula(leaf);
  if (typeof leaf === 'number' || typeof leaf === 'boolean') return String(leaf);
  return JSON.stringify(leaf);
}

/** Every leaf under `value` as a dotted path (array items by index) and its text; null is an empty value. */
export function flattenLeaves(value: unknown, path = ''): [field: string, value: string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => flattenLeaves(item, path === '' ? String(i) : `${path}.${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => flattenLeaves(item, path === '' ? key : `${path}.${key}`));
  return [[path, cell(value)]];
}

/** `section,field,value` rows: the header under `meta`, then each section present, in the contract's order. */
export function adiCsvRows(snapshot: AdiSectionSnapshot): AdiCsvRow[] {
  const { schema, symbol, dte, generatedAt } = snapshot;
  const rows: AdiCsvRow[] = flattenLeaves({ schema, symbol, dte, generatedAt }).map(([field, value]) => [ADI_CSV_META, field, value]);
  for (const section of adiSections) {
    if (!(section in snapshot)) continue;
    for (const [field, value] of flattenLeaves(snapshot[section])) rows.push([section, field, value]);
  }
  return rows;
}

export function adiCsv(snapshot: AdiSectionSnapshot): string {
  return stringify([[...ADI_CSV_HEADER], ...adiCsvRows(snapshot)]);
}

/** `adi-SPX-20261207-1042.csv`, New York time: the exchange clock the trader reads. */
export function adiCsvFileName(symbol: string, generatedAt: number, section?: string): string {
  const wall = new Date(exchangeWallClock(generatedAt, NEW_YORK)).toISOString();
  const stamp = `${wall.slice(0, 10).replaceAll('-', '')}-${wall.slice(11, 16).replace(':', '')}`;
  const safeSymbol = symbol.replace(/[^A-Za-z0-9_-]/g, '');
  return section === undefined ? `adi-${safeSymbol}-${stamp}.csv` : `adi-${safeSymbol}-${section}-${stamp}.csv`;
}
