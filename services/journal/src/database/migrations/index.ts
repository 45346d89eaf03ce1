import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as executionDetails from './0002-execution-details.js';
import * as tradeGrouping from './0003-trade-grouping.js';

/**
 * Every migration, in order, imported statically so the built dist/ needs no folder scan. Forward
 * only: a migration once released is never edited or removed; a change is a new file appended here.
 */
export const JOURNAL_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_execution_details': executionDetails,
  '0003_trade_grouping': tradeGrouping,
};

export const journalMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...JOURNAL_MIGRATIONS }),
};
