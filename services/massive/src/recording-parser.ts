import { isSymbol, SYMBOL_MESSAGE } from '@marketswarm/shared/events';
import type { Tick } from './tick-source.js';

export type RecordingFormat = 'ndjson' | 'csv';

export interface RowError {
  line: number;
  message: string;
}

export type RowResult = { kind: 'tick'; tick: Tick } | { kind: 'skip' } | { kind: 'error'; error: RowError };

/** `.csv` is CSV; `.ndjson`, `.jsonl`, `.json` and anything else is NDJSON. */
export function formatOf(file: string): RecordingFormat {
  return file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson';
}

/**
 * Parses a recording line by line. NDJSON rows are `{"ts", "symbol", "price", "size"?}` (`ts` may
 * also be spelled `timestamp`); CSV rows are `timestamp,symbol,price[,size]` with an optional header
 * line. Timestamps are epoch ms or ISO 8601. Blank lines and `#` comments are skipped. A row whose
 * timestamp goes backwards is an error (replay plays forward only). Stateful only for that check.
 */
export class RecordingParser {
  private lastTs = -Infinity;

  constructor(private readonly format: RecordingFormat) {}

  parse(text: string, line: number): RowResult {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'skip' };
    if (this.format === 'csv' && line === 1 && /^[a-z_]+\s*,/i.test(trimmed) && !/^\d/.test(trimmed)) return { kind: 'skip' };
    const fields = this.format === 'csv' ? csvFields(trimmed) : jsonFields(trimmed);
    if (typeof fields === 'string') return fail(line, fields);
    const ts = parseTimestamp(fields.ts);
    if (ts === undefined) return fail(line, `timestamp ${JSON.stringify(fields.ts)} is not epoch ms or an ISO 8601 date`);
    if (!isSymbol(fields.symbol)) return fail(line, `symbol ${JSON.stringify(fields.symbol)} ${SYMBOL_MESSAGE}`);
    const price = toNumber(fields.price);
    if (price === undefined || price <= 0) return fail(line, `price ${JSON.stringify(fields.price)} must be a positive number`);
    let size: number | undefined;
    if (fields.size !== undefined && fields.size !== '') {
      size = toNumber(fields.size);
      if (size === undefined || size < 0) return fail(line, `size ${JSON.stringify(fields.size)} must be a non-negative number`);
    }
    if (ts < this.lastTs) return fail(line, `timestamp ${new Date(ts).toISOString()} is earlier than the previous row`);
    this.lastTs = ts;
    return { kind: 'tick', tick: size === undefined ? { symbol: fields.symbol, price, ts } : { symbol: fields.symbol, price, size, ts } };
  }
}

/** Parses a whole recording (small files, tests): the good ticks and every bad row with its line number. */
export function parseRecording(text: string, format: RecordingFormat): { ticks: Tick[]; errors: RowError[] } {
  const parser = new RecordingParser(format);
  const ticks: Tick[] = [];
  const errors: RowError[] = [];
  text.split(/\r?\n/).forEach((row, i) => {
    const result = parser.parse(row, i + 1);
    if (result.kind === 'tick') ticks.push(result.tick);
    else if (result.kind === 'error') errors.push(result.error);
  });
  return { ticks, errors };
}

interface RawFields {
  ts: unknown;
  symbol: unknown;
  price: unknown;
  size?: unknown;
}

function jsonFields(text: string): RawFields | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'row must be a JSON object';
  const row = value as Record<string, unknown>;
  return { ts: row['ts'] ?? row['timestamp'], symbol: row['symbol'], price: row['price'], size: row['size'] };
}

function csvFields(text: string): RawFields | string {
  const cells = text.split(',').map((c) => c.trim());
  if (cells.length < 3 || cells.length > 4) return `expected 3 or 4 columns (timestamp,symbol,price[,size]), got ${cells.length}`;
  return { ts: cells[0], symbol: cells[1], price: cells[2], size: cells[3] };
}

function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d+$/.test(value)) return toPositiveInt(Number(value));
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  return toPositiveInt(Date.parse(value));
}

function toPositiveInt(n: number): number | undefined {
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function fail(line: number, message: string): RowResult {
  return { kind: 'error', error: { line, message } };
}
