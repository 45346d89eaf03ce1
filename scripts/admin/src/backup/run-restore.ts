import { existsSync } from 'node:fs';
import { CliError } from '../ui/output.js';
import { readVerifiedManifest, type BackupManifest } from './backup-manifest.js';
import { describeTarget, type JournalTarget } from './journal-target.js';
import { inspectPostgresBackup, restorePostgres } from './postgres-backup.js';
import { compareTables, type TableChange } from './restore-plan.js';
import { inspectSqliteBackup, restoreSqlite } from './sqlite-backup.js';
import { postgresTableCounts, sqliteTableCounts } from './table-counts.js';

export interface RestorePreview {
  backupFile: string;
  manifest: BackupManifest;
  target: JournalTarget;
  /** The database the restore replaces (SQLite path, or URL without password). */
  replaces: string;
  tables: TableChange[];
}

/**
 * Everything a restore checks before it changes anything: the manifest matches the file, the
 * backup is of the journal's dialect and opens as a sound database, and what it will replace.
 * A dry run stops here.
 */
export async function previewRestore(backupFile: string, target: JournalTarget): Promise<RestorePreview> {
  const manifest = await readVerifiedManifest(backupFile);
  if (manifest.dialect !== target.dialect) {
    throw new CliError(`backup ${manifest.file} is a ${manifest.dialect} backup but the journal runs on ${target.dialect} (settings.database in truth)`);
  }
  if (target.dialect === 'sqlite') {
    const inside = await inspectSqliteBackup(backupFile);
    if (JSON.stringify(inside) !== JSON.stringify(manifest.tables)) throw new CliError(`backup ${manifest.file} holds other rows than its manifest lists`);
  } else {
    await inspectPostgresBackup(backupFile);
  }
  const current = target.dialect === 'sqlite' ? (existsSync(target.file) ? sqliteTableCounts(target.file) : null) : await postgresTableCounts(target.url);
  return { backupFile, manifest, target, replaces: describeTarget(target), tables: compareTables(current, manifest.tables) };
}

/** Replaces the journal's database by the previewed backup. Returns where the replaced data is kept (SQLite file, or PostgreSQL schema). */
export async function applyRestore(preview: RestorePreview, now: Date = new Date()): Promise<{ previous: string | null }> {
  const { target } = preview;
  if (target.dialect === 'sqlite') {
    const { previous } = await restoreSqlite(preview.backupFile, target.file, preview.manifest.tables, now);
    return { previous };
  }
  return restorePostgres(preview.backupFile, target.url, now);
}
