import type { Kysely } from 'kysely';

/**
 * Alerts, their hits and prompt alerts. An alert's kind-specific definition has one column per
 * field the evaluator or a filter reads (symbol, position, trade, direction, the target in micros);
 * the rest of a kind (price source, greek, trailing unit, side) is JSON text in `params`. A prompt
 * alert keeps its sentence and the rule the grammar read from it, so a later grammar never changes
 * what a stored alert means.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('symbol', 'text')
    .addColumn('position_id', 'text')
    .addColumn('trade_id', 'text')
    .addColumn('direction', 'text')
    .addColumn('target_micros', 'bigint', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('behaviour', 'text', (c) => c.notNull())
    .addColumn('cooldown_sec', 'integer')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('hit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_fired_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_by_user').on('alerts').columns(['user_id', 'created_at']).execute();
  // The evaluator pages through every enabled alert by id.
  await db.schema.createIndex('alerts_enabled_by_id').on('alerts').columns(['enabled', 'id']).execute();

  await db.schema
    .createTable('alert_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('value_micros', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_hits_by_alert').on('alert_hits').columns(['alert_id', 'at']).execute();

  await db.schema
    .createTable('prompt_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_changed_at', 'bigint')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prompt_alerts_by_user').on('prompt_alerts').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('prompt_alerts_enabled_by_id').on('prompt_alerts').columns(['enabled', 'id']).execute();
}
