import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as executionDetails from './0002-execution-details.js';
import * as tradeGrouping from './0003-trade-grouping.js';
import * as savedPositions from './0004-saved-positions.js';
import * as journalEntries from './0005-journal-entries.js';
import * as playbook from './0006-playbook.js';
import * as alerts from './0007-alerts.js';
import * as ordersLeaderboard from './0008-orders-leaderboard.js';
import * as importMappings from './0009-import-mappings.js';
import * as alertHitReceipts from './0010-alert-hit-receipts.js';
import * as alertsByOwner from './0011-alerts-by-owner.js';
import * as fillAnnouncementsKeptHits from './0012-fill-announcements-kept-hits.js';

/**
 * Every migration, in order, imported statically so the built dist/ needs no folder scan. Forward
 * only: a migration once released is never edited or removed; a change is a new file appended here.
 */
export const JOURNAL_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_execution_details': executionDetails,
  '0003_trade_grouping': tradeGrouping,
  '0004_saved_positions': savedPositions,
  '0005_journal_entries': journalEntries,
  '0006_playbook': playbook,
  '0007_alerts': alerts,
  '0008_orders_leaderboard': ordersLeaderboard,
  '0009_import_mappings': importMappings,
  '0010_alert_hit_receipts': alertHitReceipts,
  '0011_alerts_by_owner': alertsByOwner,
  '0012_fill_announcements_kept_hits': fillAnnouncementsKeptHits,
};

export const journalMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...JOURNAL_MIGRATIONS }),
};
