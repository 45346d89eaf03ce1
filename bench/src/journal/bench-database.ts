import path from 'node:path';
import { startPostgresServer } from '@marketswarm/shared/testing';
import { createJournalDatabase, migrateJournalDatabase, type JournalDatabase, type JournalDialect } from '@marketswarm/journal/dist/database/index.js';
import { sql } from 'kysely';

export interface BenchDatabase {
  dialect: JournalDialect;
  database: JournalDatabase;
  /** "SQLite 3.x" or "PostgreSQL 15.x …". */
  version: string;
  /** How the database is set up, for the report. */
  settings: string;
  /** PostgreSQL's postmaster, whose CPU (and its backends') the report shows apart from ours. */
  serverPid?: number;
  close(): Promise<void>;
}

/**
 * A fresh, migrated journal database as the service opens it: SQLite in a temp folder (WAL,
 * synchronous NORMAL), or a throwaway PostgreSQL from the test harness (durability off, as in the
 * specs: fsync, synchronous_commit and full_page_writes off).
 */
export async function openBenchDatabase(dialect: JournalDialect, tempDir: string): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const database = createJournalDatabase({ dialect, file: path.join(tempDir, 'journal-bench.sqlite') });
    await migrateJournalDatabase(database);
    const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(database.db);
    return { dialect, database, version: `SQLite ${rows[0]?.v ?? '?'}`, settings: 'file in a temp folder, WAL, synchronous=NORMAL', close: () => database.close() };
  }
  const server = await startPostgresServer();
  try {
    const admin = createJournalDatabase({ dialect, url: server.url });
    await sql`CREATE DATABASE journal_bench`.execute(admin.db);
    await admin.close();
    const database = createJournalDatabase({ dialect, url: server.urlFor('journal_bench') });
    await migrateJournalDatabase(database);
    const { rows } = await sql<{ v: string }>`select version() as v`.execute(database.db);
    return {
      dialect,
      database,
      version: (rows[0]?.v ?? 'PostgreSQL ?').split(' on ')[0] ?? 'PostgreSQL',
      settings: 'throwaway server on loopback TCP (pg pool of 10), fsync/synchronous_commit/full_page_writes off as in the test harness',
      serverPid: server.pid,
      close: async () => {
        await database.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Planner statistics after seeding, as autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would gather them. */
export async function analyzeTables(bench: BenchDatabase): Promise<void> {
  await sql`ANALYZE`.execute(bench.database.db);
}
