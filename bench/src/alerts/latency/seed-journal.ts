import type { CrossingEntry } from '@marketswarm/copilot/dist/alerts/index/crossing-index.js';
import { createJournalDatabase, migrateJournalDatabase, parseMicrosRounded } from '@marketswarm/journal/dist/database/index.js';

/** Rows per INSERT: well under SQLite's 32,766 bound parameters at 17 columns a row. */
const BATCH = 500;

/**
 * Writes the alerts straight into a new, migrated journal SQLite file — the rows the journal's own
 * repository writes for `POST /api/alerts` (kind price, behaviour once; enabled, or disabled by an
 * earlier hit), in one
 * transaction: 100k alerts through the REST API would take minutes and measure the API instead.
 * `journalId` and `ownerOf` turn the population's ids into the UUIDs the journal's schemas expect.
 */
export async function seedJournalAlerts(
  file: string,
  active: readonly CrossingEntry[],
  firedEarlier: readonly CrossingEntry[],
  journalId: (alert: CrossingEntry) => string,
  ownerOf: (alert: CrossingEntry) => string,
): Promise<number> {
  const alerts = [...active.map((alert) => ({ alert, fired: false })), ...firedEarlier.map((alert) => ({ alert, fired: true }))];
  const started = performance.now();
  const database = createJournalDatabase({ dialect: 'sqlite', file });
  try {
    await migrateJournalDatabase(database);
    const now = Date.now();
    await database.db.transaction().execute(async (tx) => {
      for (let at = 0; at < alerts.length; at += BATCH) {
        await tx
          .insertInto('alerts')
          .values(
            alerts.slice(at, at + BATCH).map(({ alert, fired }, n) => ({
              id: journalId(alert),
              user_id: ownerOf(alert),
              kind: 'price',
              label: null,
              symbol: alert.symbol,
              position_id: null,
              trade_id: null,
              direction: alert.direction,
              target_micros: parseMicrosRounded(String(alert.level)),
              params: JSON.stringify({ source: 'manual', sourceRef: null }),
              behaviour: 'once',
              cooldown_sec: null,
              // A once alert that fired is disabled by its hit, as the journal leaves it.
              enabled: fired ? 0 : 1,
              hit_count: fired ? 1 : 0,
              last_fired_at: fired ? now - 60_000 : null,
              // Distinct creation times keep the journal's (created_at, id) paging order the insertion order.
              created_at: now - alerts.length + at + n,
              updated_at: now,
            })),
          )
          .execute();
      }
    });
  } finally {
    await database.close();
  }
  return performance.now() - started;
}
