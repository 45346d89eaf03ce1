import type { Kysely } from 'kysely';

/**
 * What regrouping needs to keep a trade's identity and the trader's edits when a later import adds
 * fills to it: `group_key` (the id of the execution that opened the trade, stable because fills are
 * immutable), `group_hash` (a digest of the legs and fills it was built from, so an unchanged trade
 * is not rewritten), and `computed_risk_micros` (the risk the grouping computed, so a risk the
 * trader typed differs from it and survives). Manual rows written before this version keep nulls.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('trades').addColumn('group_key', 'text').execute();
  await db.schema.alterTable('trades').addColumn('group_hash', 'text').execute();
  await db.schema.alterTable('trades').addColumn('computed_risk_micros', 'bigint').execute();
  await db.schema.createIndex('trades_log_group_key').unique().on('trades').columns(['log_id', 'group_key']).execute();
}
