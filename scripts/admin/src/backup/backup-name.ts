import type { JournalDialect } from './journal-target.js';

/** The file ending of each dialect's backup: a gzipped SQLite copy, or pg_dump's custom format (compressed itself). */
export const BACKUP_EXTENSION: Record<JournalDialect, string> = { sqlite: '.sqlite.gz', postgres: '.pgdump' };

/** The manifest beside every backup: `<backup file>.json`. */
export const manifestFileOf = (backupFile: string): string => `${backupFile}.json`;

/**
 * `journal-2026-12-07T02-15-00-123Z.sqlite.gz`: the ISO time with `:` and `.` as `-`, so the name
 * is safe in every shell and file system and sorts by time.
 */
export function backupFileName(dialect: JournalDialect, at: Date): string {
  return `journal-${at.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXTENSION[dialect]}`;
}

const NAME = /^journal-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(\.sqlite\.gz|\.pgdump)$/;

/** The dialect and time a backup's file name says, or null for any other file (never touched by retention). */
export function parseBackupFileName(name: string): { dialect: JournalDialect; at: Date } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms, extension] = match;
  const at = new Date(`${day}T${h}:${m}:${s}.${ms}Z`);
  if (Number.isNaN(at.getTime())) return null;
  return { dialect: extension === '.pgdump' ? 'postgres' : 'sqlite', at };
}
