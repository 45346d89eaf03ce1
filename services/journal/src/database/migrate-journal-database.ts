import { inspect } from 'node:util';
import { Migrator, sql } from 'kysely';
import type { JournalDatabase } from './create-journal-database.js';
import { journalMigrationProvider } from './migrations/index.js';

/**
 * Applies every pending migration and returns the names applied (none when up to date).
 *
 * PostgreSQL runs them in one transaction under Kysely's advisory lock. Kysely runs SQLite ones
 * outside a transaction and without a lock (it assumes one process), so here the whole run holds
 * `BEGIN IMMEDIATE` on the single connection: a second process starting at the same moment waits
 * for the write lock, then finds nothing to do, and a failing migration leaves no half schema.
 */
export async function migrateJournalDatabase(database: JournalDatabase): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: journalMigrationProvider });
  if (database.dialect === 'sqlite') await sql`begin immediate`.execute(database.db);
  let outcome;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (error) {
    if (database.dialect === 'sqlite') await sql`rollback`.execute(database.db);
    throw error;
  }
  if (database.dialect === 'sqlite') await sql.raw(outcome.error ? 'rollback' : 'commit').execute(database.db);
  if (outcome.error) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = outcome.error instanceof Error ? outcome.error.message : inspect(outcome.error);
    throw new Error(`journal database migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { cause: outcome.error });
  }
  return (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
