import type { Micros } from '../database/money.js';

/**
 * One column of an export, shared by the CSV and the XLSX writer so both files carry the same
 * fields under the same names. `money` and `decimal` columns hold micros (see database/money.ts):
 * CSV writes them as exact decimal strings, XLSX as numbers (formatted to show every decimal).
 */
export type ExportColumn<Row> =
  | { key: string; kind: 'text'; value: (row: Row) => string | null }
  | { key: string; kind: 'money' | 'decimal'; value: (row: Row) => Micros | null }
  | { key: string; kind: 'integer'; value: (row: Row) => number | null };

export interface ExportOptions {
  /** The exchange's zone for the `*_local` columns (IANA name); default America/New_York, the analytics' default. */
  timeZone?: string;
  /** Tag id → name, to write names instead of ids; an id missing here is written as is. */
  tagNames?: ReadonlyMap<string, string>;
}

export const DEFAULT_EXPORT_TIME_ZONE = 'America/New_York';
