import type { TableCounts } from './table-counts.js';

export interface TableChange {
  table: string;
  /** Rows in the database now; null when the table is not there (or the database cannot be read). */
  current: number | null;
  /** Rows after the restore; null when the backup has no such table (the restore drops it or leaves it, see the dialect). */
  backup: number | null;
}

/** Every table of either side, in name order, with its rows now and after the restore. */
export function compareTables(current: TableCounts | null, backup: TableCounts): TableChange[] {
  const names = [...new Set([...Object.keys(current ?? {}), ...Object.keys(backup)])].sort();
  return names.map((table) => ({ table, current: current?.[table] ?? null, backup: backup[table] ?? null }));
}
