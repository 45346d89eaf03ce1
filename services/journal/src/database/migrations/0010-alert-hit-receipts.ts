import type { Kysely } from 'kysely';

/**
 * Receipts of keyed alert hits (`POST /api/internal/alerts/:id/hits` with `key`): the first answer,
 * kept so an evaluator that retries a hit (its answer lost to a timeout or a restart) gets that
 * answer again instead of a second hit or a 409. No foreign key to `alerts`: a remove-on-hit deletes
 * its alert, and the receipt must outlive it. Pruned by age (`created_at`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_hit_receipts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_hit_receipts_by_age').on('alert_hit_receipts').column('created_at').execute();
}
