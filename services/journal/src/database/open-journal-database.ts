import type { ServiceContext } from '@marketswarm/shared/service';
import { journalSettings } from '@marketswarm/shared/truth';
import { createJournalDatabase, type JournalDatabase } from './create-journal-database.js';
import { journalDatabaseTarget } from './journal-database-target.js';
import { migrateJournalDatabase } from './migrate-journal-database.js';

/**
 * The journal process's database, ready before any route exists: opened where truth says, migrated
 * to the latest schema, and closed on shutdown after the HTTP server (closers run in reverse order,
 * so this one, registered first, runs last).
 */
export async function openJournalDatabase(ctx: Pick<ServiceContext, 'settings' | 'truth' | 'logger' | 'onShutdown'>, env: NodeJS.ProcessEnv = process.env): Promise<JournalDatabase> {
  const { settings } = ctx.settings.of(journalSettings);
  const secrets = ctx.truth().doc.secrets['journal'] ?? {};
  const database = createJournalDatabase(journalDatabaseTarget(settings, secrets, env));
  ctx.onShutdown(() => database.close());
  const applied = await migrateJournalDatabase(database);
  ctx.logger.info({ dialect: database.dialect, applied }, applied.length > 0 ? 'journal database migrated' : 'journal database up to date');
  return database;
}
