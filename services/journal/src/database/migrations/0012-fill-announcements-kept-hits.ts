import { sql, type Kysely } from 'kysely';

/**
 * Two things a stopped process or a remove-on-hit used to lose.
 *
 * `order_fills.announced_at`: when the fill's announcement reached the alert sync stream. A fill is
 * entered, then announced; a process stopped (or a Redis that refused the append) in between left a
 * fill nobody announced. The worker's sweep now takes every fill not yet announced, entering it if
 * it has no trade; the partial index keeps that question small once fills are settled. Fills stored
 * before this migration with their trade were announced then (or are past caring): they count as
 * announced at their fill time.
 *
 * `alerts.removed_at`: a remove-on-hit alert is removed by its hit but kept (with that hit) for the
 * user's hit history; every read of live alerts leaves it out. `alert_hits_by_user` answers the
 * user's most recent hits across all their alerts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_fills').addColumn('announced_at', 'bigint').execute();
  await sql`update order_fills set announced_at = filled_at where trade_id is not null`.execute(db);
  await db.schema
    .createIndex('order_fills_unannounced')
    .on('order_fills')
    .column('filled_at')
    .where(sql<boolean>`announced_at is null`)
    .execute();

  await db.schema.alterTable('alerts').addColumn('removed_at', 'bigint').execute();
  await db.schema.createIndex('alert_hits_by_user').on('alert_hits').columns(['user_id', 'at']).execute();
}
