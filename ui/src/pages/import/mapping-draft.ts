import { genericCsvMappingSchema, type ExecutionSide, type GenericCsvMapping, type GenericCsvMappingInput, type PositionEffect } from '@marketswarm/shared/dto';
import type { FieldIssue } from '../../api/http';
import { collectCodes, type CsvSample } from './csv-sample';

/**
 * The mapping editor's state apart from React: what the trader picked (a draft, with blanks for
 * "not chosen yet"), the guesses made from a file's header, and the mapping body it becomes —
 * checked by the shared schema the journal checks it with, plus what only the file can tell (a
 * column the header lacks, a side code with no meaning).
 */

export const SINGLE_COLUMNS = ['date', 'time', 'symbol', 'side', 'quantity', 'price', 'account', 'orderId', 'currency', 'kind'] as const;
export type SingleColumn = (typeof SINGLE_COLUMNS)[number];
export const FEE_COLUMNS = ['commission', 'exchangeFee', 'clearingFee'] as const;
export type FeeColumn = (typeof FEE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly SingleColumn[] = ['date', 'symbol', 'side', 'quantity', 'price'];

export const COLUMN_LABELS: Record<SingleColumn | FeeColumn, string> = {
  date: 'Date (or date and time)',
  time: 'Time',
  symbol: 'Symbol',
  side: 'Side',
  quantity: 'Quantity',
  price: 'Price',
  account: 'Account',
  orderId: 'Order id',
  currency: 'Currency',
  kind: 'Instrument kind',
  commission: 'Commission',
  exchangeFee: 'Exchange / regulatory fees',
  clearingFee: 'Clearing fees',
};

export const DATE_FORMATS = ['MM/DD/YYYY', 'YYYY-MM-DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A side code's meaning: one of six, or '' until chosen. */
export type SideChoice = `${ExecutionSide}:${PositionEffect}` | '';
export const SIDE_CHOICES: readonly { value: Exclude<SideChoice, ''>; label: string }[] = [
  { value: 'buy:unknown', label: 'Buy' },
  { value: 'buy:open', label: 'Buy to open' },
  { value: 'buy:close', label: 'Buy to close (cover)' },
  { value: 'sell:unknown', label: 'Sell' },
  { value: 'sell:open', label: 'Sell to open (short)' },
  { value: 'sell:close', label: 'Sell to close' },
];
export type KindChoice = 'stock' | 'future' | '';

export interface MappingDraft {
  /** The broker slug stamped on every fill. */
  name: string;
  /** '' = no column. */
  columns: Record<SingleColumn, string>;
  fees: Record<FeeColumn, string[]>;
  dateFormat: DateFormat;
  sides: Record<string, SideChoice>;
  kinds: Record<string, KindChoice>;
}

export const DEFAULT_BROKER_NAME = 'generic-csv';

const NO_COLUMNS: Record<SingleColumn, string> = { date: '', time: '', symbol: '', side: '', quantity: '', price: '', account: '', orderId: '', currency: '', kind: '' };

/** Header names the usual exports use for each field (matched ignoring case and spacing). */
const COLUMN_PATTERNS: Record<SingleColumn | 'commission', RegExp> = {
  date: /^(t\/d|trade ?date|date|exec(ution)? ?date|fill ?date|date ?\/? ?time|time ?stamp|executed ?at|activity ?date)$/i,
  time: /^(exec(ution)? ?time|time|fill ?time|trade ?time)$/i,
  symbol: /^(symbol|ticker|instrument|contract|security)$/i,
  side: /^(side|action|buy ?\/ ?sell|b\/s|direction|trans(action)? ?type|buy ?sell)$/i,
  quantity: /^(qty|quantity|shares|size|filled ?qty|filled|contracts)$/i,
  price: /^(price|fill ?price|exec(ution)? ?price|avg\.? ?price|trade ?price)$/i,
  account: /^(account|account ?(id|number|no\.?|#))$/i,
  orderId: /^(order ?(id|no\.?|number|#)?)$/i,
  currency: /^(currency|ccy)$/i,
  kind: /^(type|kind|asset ?(class|type)|sec(urity)? ?type|instrument ?type)$/i,
  commission: /^(comm|commission|commissions|fee|fees|commissions? ?(&|and) ?fees)$/i,
};

const SIDE_GUESSES: Record<string, Exclude<SideChoice, ''>> = {
  B: 'buy:unknown',
  BUY: 'buy:unknown',
  BOT: 'buy:unknown',
  BOUGHT: 'buy:unknown',
  S: 'sell:unknown',
  SELL: 'sell:unknown',
  SLD: 'sell:unknown',
  SOLD: 'sell:unknown',
  SS: 'sell:open',
  SHORT: 'sell:open',
  'SELL SHORT': 'sell:open',
  STO: 'sell:open',
  'SELL TO OPEN': 'sell:open',
  BC: 'buy:close',
  COVER: 'buy:close',
  'BUY TO COVER': 'buy:close',
  BTC: 'buy:close',
  'BUY TO CLOSE': 'buy:close',
  BTO: 'buy:open',
  'BUY TO OPEN': 'buy:open',
  STC: 'sell:close',
  'SELL TO CLOSE': 'sell:close',
};

/** What a side code most likely means (`SS` sells short), or '' when it is not a usual one. */
export const guessSide = (code: string): SideChoice => SIDE_GUESSES[code.trim().toUpperCase().replace(/[\s_-]+/g, ' ')] ?? '';

export function guessKind(value: string): KindChoice {
  const v = value.trim().toUpperCase();
  if (['STOCK', 'STK', 'EQUITY', 'EQ', 'ETF', 'SHARES', 'CS'].includes(v)) return 'stock';
  if (['FUTURE', 'FUTURES', 'FUT', 'FUTS'].includes(v)) return 'future';
  return '';
}

/** `YYYY-MM-DD` when the sample's dates start with a year, the US format otherwise. */
export function guessDateFormat(example: string | undefined): DateFormat {
  return example !== undefined && /^\d{4}-\d{1,2}-\d{1,2}/.test(example) ? 'YYYY-MM-DD' : 'MM/DD/YYYY';
}

/** A side code's meaning for every code in the column that has a usual one, over `keep` (choices made already). */
export function sidesFor(sample: Pick<CsvSample, 'rows'>, column: string, keep: Readonly<Record<string, SideChoice>> = {}): Record<string, SideChoice> {
  const sides: Record<string, SideChoice> = { ...keep };
  for (const { code } of collectCodes(sample, column)) sides[code] = keep[code] || guessSide(code);
  return sides;
}

export function kindsFor(sample: Pick<CsvSample, 'rows'>, column: string, keep: Readonly<Record<string, KindChoice>> = {}): Record<string, KindChoice> {
  const kinds: Record<string, KindChoice> = { ...keep };
  for (const { code } of collectCodes(sample, column)) kinds[code] = keep[code] || guessKind(code);
  return kinds;
}

/** A first draft from the file alone: columns whose names say what they hold, usual side codes, the date format of the first date. */
export function guessDraft(sample: Pick<CsvSample, 'columns' | 'rows'>): MappingDraft {
  const columns = { ...NO_COLUMNS };
  const taken = new Set<string>();
  for (const field of SINGLE_COLUMNS) {
    const found = sample.columns.find((name) => !taken.has(name) && COLUMN_PATTERNS[field].test(name.trim()));
    if (found) {
      columns[field] = found;
      taken.add(found);
    }
  }
  const commission = sample.columns.find((name) => !taken.has(name) && COLUMN_PATTERNS.commission.test(name.trim()));
  const firstDate = sample.rows.map((row) => row.get(columns.date)).find((value) => value);
  return {
    name: DEFAULT_BROKER_NAME,
    columns,
    fees: { commission: commission ? [commission] : [], exchangeFee: [], clearingFee: [] },
    dateFormat: guessDateFormat(firstDate),
    sides: columns.side ? sidesFor(sample, columns.side) : {},
    kinds: columns.kind ? kindsFor(sample, columns.kind) : {},
  };
}

/** A saved mapping back in the editor. */
export function draftFromMapping(mapping: GenericCsvMappingInput): MappingDraft {
  const { commission = [], exchangeFee = [], clearingFee = [], ...single } = mapping.columns;
  const columns = { ...NO_COLUMNS };
  for (const field of SINGLE_COLUMNS) columns[field] = single[field] ?? '';
  return {
    name: mapping.name,
    columns,
    fees: { commission: [...commission], exchangeFee: [...exchangeFee], clearingFee: [...clearingFee] },
    dateFormat: mapping.dateFormat,
    sides: Object.fromEntries(Object.entries(mapping.sides).map(([code, { side, positionEffect }]) => [code, `${side}:${positionEffect}` as const])),
    kinds: { ...(mapping.kinds ?? {}) },
  };
}

export type DraftCheck = { ok: true; mapping: GenericCsvMapping } | { ok: false; issues: FieldIssue[] };

/**
 * The mapping body of a draft, or every reason it is not one yet, each on the path the journal
 * would name (`columns.date`, `sides.SS`, `name`). `sample` adds the file's own checks: a column its
 * header lacks (a saved mapping of another export), a side code or kind in its rows left without a meaning.
 */
export function checkDraft(draft: MappingDraft, sample?: Pick<CsvSample, 'columns' | 'rows'>): DraftCheck {
  const issues: FieldIssue[] = [];
  const header = sample ? new Set(sample.columns) : undefined;
  for (const field of SINGLE_COLUMNS) {
    const column = draft.columns[field];
    if (column === '' && REQUIRED_COLUMNS.includes(field)) issues.push({ path: `columns.${field}`, message: `choose the column that holds the ${COLUMN_LABELS[field].toLowerCase()}` });
    else if (column !== '' && header && !header.has(column)) issues.push({ path: `columns.${field}`, message: `the file has no column "${column}"` });
  }
  for (const field of FEE_COLUMNS) {
    const missing = header ? draft.fees[field].filter((column) => !header.has(column)) : [];
    if (missing.length > 0) issues.push({ path: `columns.${field}`, message: `the file has no column ${missing.map((c) => `"${c}"`).join(', ')}` });
  }
  if (sample && draft.columns.side !== '') {
    for (const { code } of collectCodes(sample, draft.columns.side)) {
      if (!draft.sides[code]) issues.push({ path: `sides.${code}`, message: `choose what "${code}" means` });
    }
  }
  if (sample && draft.columns.kind !== '') {
    for (const { code } of collectCodes(sample, draft.columns.kind)) {
      if (!draft.kinds[code]) issues.push({ path: `kinds.${code}`, message: `choose the instrument kind of "${code}"` });
    }
  }
  const parsed = genericCsvMappingSchema.safeParse(mappingInput(draft));
  if (!parsed.success) {
    const named = new Set(issues.map((issue) => issue.path));
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || '(mapping)';
      if (!named.has(path)) {
        named.add(path);
        issues.push({ path, message: issue.message });
      }
    }
  }
  return issues.length === 0 && parsed.success ? { ok: true, mapping: parsed.data } : { ok: false, issues };
}

/** The draft as the schema's input: blank columns left out, unchosen codes left out. */
export function mappingInput(draft: MappingDraft): GenericCsvMappingInput {
  const single = Object.fromEntries(SINGLE_COLUMNS.filter((field) => draft.columns[field] !== '').map((field) => [field, draft.columns[field]]));
  const sides: GenericCsvMappingInput['sides'] = {};
  for (const [code, choice] of Object.entries(draft.sides)) {
    if (choice === '') continue;
    const [side, positionEffect] = choice.split(':') as [ExecutionSide, PositionEffect];
    sides[code] = { side, positionEffect };
  }
  const kinds: Record<string, 'stock' | 'future'> = {};
  for (const [value, kind] of Object.entries(draft.kinds)) if (kind !== '') kinds[value] = kind;
  return {
    name: draft.name.trim(),
    columns: { ...(single as Pick<GenericCsvMappingInput['columns'], 'date' | 'symbol' | 'side' | 'quantity' | 'price'>), ...draft.fees },
    dateFormat: draft.dateFormat,
    sides,
    kinds,
  };
}

/** Whether two mappings read a file the same way (key order and defaults aside): an unchanged saved mapping is sent by id. */
export function sameMapping(a: GenericCsvMappingInput, b: GenericCsvMappingInput): boolean {
  const left = genericCsvMappingSchema.safeParse(a);
  const right = genericCsvMappingSchema.safeParse(b);
  return left.success && right.success && canonical(left.data) === canonical(right.data);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The issue the editor shows beside a field (`columns.date`, `sides.SS`). */
export const issueAt = (issues: readonly FieldIssue[], path: string): string | undefined => issues.find((issue) => issue.path === path)?.message;

/** A column picked for a field; a new side (or kind) column brings its codes, guessed where usual, keeping meanings already chosen. */
export function withColumn(draft: MappingDraft, sample: Pick<CsvSample, 'rows'> | undefined, field: SingleColumn, column: string): MappingDraft {
  const next: MappingDraft = { ...draft, columns: { ...draft.columns, [field]: column } };
  if (sample && column !== '' && field === 'side') next.sides = sidesFor(sample, column, draft.sides);
  if (sample && column !== '' && field === 'kind') next.kinds = kindsFor(sample, column, draft.kinds);
  if (sample && field === 'date' && column !== '' && draft.columns.date === '') next.dateFormat = guessDateFormat(sample.rows.map((row) => row.get(column)).find((value) => value));
  return next;
}
