import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import Database from 'better-sqlite3';
import { CliError } from '../ui/output.js';
import { sqliteCounts, type TableCounts } from './table-counts.js';

/**
 * Copies the live journal with SQLite's online backup API (page by page, consistent, while the
 * journal keeps writing), then gzips the copy into `outFile`. Returns the copy's rows per table.
 * Work files end in `.partial` so a crash never leaves something that looks like a backup.
 */
export async function backupSqlite(databaseFile: string, outFile: string): Promise<TableCounts> {
  if (!existsSync(databaseFile)) throw new CliError(`no journal database at ${databaseFile}: has the journal started once? (settings.sqlitePath in truth, under MS_RUN_DIR)`);
  const copy = `${outFile}.raw.partial`;
  try {
    const source = new Database(databaseFile, { fileMustExist: true, timeout: 10_000 });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    // The copy stands alone: rollback-journal mode, so no -wal/-shm must travel with it.
    const tables = checkedCounts(copy, { standalone: true });
    await pipeline(createReadStream(copy), createGzip(), createWriteStream(`${outFile}.partial`));
    await rename(`${outFile}.partial`, outFile);
    return tables;
  } catch (error) {
    await rm(`${outFile}.partial`, { force: true });
    if (error instanceof Error && !(error instanceof CliError) && /SQLITE_CANTOPEN|unable to open/i.test(error.message)) {
      throw new CliError(`cannot open the journal database ${databaseFile}: ${error.message}`);
    }
    throw error;
  } finally {
    await rm(copy, { force: true });
  }
}

/** Decompresses a backup to `file`. */
export async function gunzipTo(backupFile: string, file: string): Promise<void> {
  try {
    await pipeline(createReadStream(backupFile), createGunzip(), createWriteStream(file));
  } catch (error) {
    throw new CliError(`backup ${backupFile} does not decompress: ${(error as Error).message}`);
  }
}

/** Opens a backup in a temp folder and counts its rows: proves the file is a sound database without touching the journal. */
export async function inspectSqliteBackup(backupFile: string): Promise<TableCounts> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ms-restore-check-'));
  try {
    const file = path.join(dir, 'journal.sqlite');
    await gunzipTo(backupFile, file);
    return checkedCounts(file, { standalone: false });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Replaces the journal's file by the backup: decompressed beside it (same file system, so the
 * rename is atomic), integrity-checked, then renamed over it. The file it replaces is kept as
 * `<db>.before-restore-<time>` with its WAL, so a restore of the wrong backup can be undone by hand.
 */
export async function restoreSqlite(backupFile: string, databaseFile: string, expected: TableCounts, now: Date): Promise<{ previous: string | null; tables: TableCounts }> {
  const incoming = path.join(path.dirname(databaseFile), `.${path.basename(databaseFile)}.restore-${process.pid}.partial`);
  await mkdir(path.dirname(databaseFile), { recursive: true });
  try {
    await gunzipTo(backupFile, incoming);
    const tables = checkedCounts(incoming, { standalone: false });
    if (JSON.stringify(tables) !== JSON.stringify(expected)) throw new CliError(`backup ${backupFile} holds other rows than its manifest lists; nothing was replaced`);
    const previous = `${databaseFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const kept = await moveIfExists(databaseFile, previous);
    // The old WAL goes with the old file: left beside the new one, SQLite would replay it into it.
    await moveIfExists(`${databaseFile}-wal`, `${previous}-wal`);
    await rm(`${databaseFile}-shm`, { force: true });
    await rename(incoming, databaseFile);
    return { previous: kept ? previous : null, tables };
  } finally {
    await rm(incoming, { force: true });
  }
}

async function moveIfExists(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Rows per table after SQLite's integrity_check passes; `standalone` also takes the file out of WAL mode. */
function checkedCounts(file: string, options: { standalone: boolean }): TableCounts {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new CliError(`${file} does not open as a SQLite database: ${(error as Error).message}`);
  }
  try {
    if (options.standalone) db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CliError(`${file} fails SQLite's integrity_check: ${String(check)}`);
    return sqliteCounts(db);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} is not a sound SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}
