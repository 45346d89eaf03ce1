import type { Kysely } from 'kysely';

/**
 * The evaluator reloads one user's enabled alerts (and prompt alerts) after each change of theirs,
 * by id. Without an index leading with the owner, SQLite answered that from `(enabled, id)` by
 * walking every enabled alert: ~50 ms at 100k alerts, on the path from a tick to a toast.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('alerts_enabled_by_owner').on('alerts').columns(['user_id', 'enabled', 'id']).execute();
  await db.schema.createIndex('prompt_alerts_enabled_by_owner').on('prompt_alerts').columns(['user_id', 'enabled', 'id']).execute();
}
