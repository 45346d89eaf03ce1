import { type Kysely, sql } from 'kysely';

/**
 * The first schema. Written with the schema builder in types both dialects share (text, integer,
 * bigint), so SQLite and PostgreSQL run this very file. `Kysely<unknown>`: a migration must not
 * depend on today's JournalDb, which later migrations change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trade_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('starting_capital_micros', 'bigint', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trade_logs_by_user').on('trade_logs').columns(['user_id', 'created_at']).execute();
  // At most one default log per user, held by the database rather than by a read-then-write.
  await db.schema
    .createIndex('trade_logs_one_default_per_user')
    .on('trade_logs')
    .column('user_id')
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();

  await db.schema
    .createTable('symbols')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('asset_class', 'text', (c) => c.notNull())
    .addColumn('multiplier_micros', 'bigint', (c) => c.notNull())
    .addColumn('tick_size_micros', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('symbols_pk', ['user_id', 'symbol'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('tags_unique_name_per_user', ['user_id', 'name'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('executions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('log_id', 'text', (c) => c.notNull().references('trade_logs.id').onDelete('cascade'))
    .addColumn('broker', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    .addColumn('order_id', 'text')
    .addColumn('combo_id', 'text')
    .addColumn('executed_at', 'bigint', (c) => c.notNull())
    .addColumn('executed_at_text', 'text', (c) => c.notNull())
    .addColumn('instrument_kind', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('underlying', 'text', (c) => c.notNull())
    .addColumn('expiry', 'text')
    .addColumn('strike_micros', 'bigint')
    .addColumn('option_right', 'text')
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('position_effect', 'text')
    .addColumn('quantity_micros', 'bigint', (c) => c.notNull())
    .addColumn('price_micros', 'bigint', (c) => c.notNull())
    .addColumn('commission_micros', 'bigint', (c) => c.notNull())
    .addColumn('exchange_fee_micros', 'bigint', (c) => c.notNull())
    .addColumn('clearing_fee_micros', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Re-importing a file finds every row already there: idempotent import by constraint.
    .addUniqueConstraint('executions_unique_row_per_log', ['user_id', 'log_id', 'row_hash'])
    .execute();
  await db.schema.createIndex('executions_by_log_time').on('executions').columns(['user_id', 'log_id', 'executed_at']).execute();

  await db.schema
    .createTable('trades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('log_id', 'text', (c) => c.notNull().references('trade_logs.id').onDelete('cascade'))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('quantity_micros', 'bigint', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('gross_micros', 'bigint', (c) => c.notNull())
    .addColumn('fees_micros', 'bigint', (c) => c.notNull())
    .addColumn('net_micros', 'bigint', (c) => c.notNull())
    .addColumn('risk_micros', 'bigint')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('market_at_entry', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trades_by_log_opened').on('trades').columns(['user_id', 'log_id', 'opened_at']).execute();
  await db.schema.createIndex('trades_by_log_closed').on('trades').columns(['user_id', 'log_id', 'closed_at']).execute();

  await db.schema
    .createTable('trade_legs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trade_id', 'text', (c) => c.notNull().references('trades.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('leg_index', 'integer', (c) => c.notNull())
    .addColumn('instrument_kind', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('expiry', 'text')
    .addColumn('strike_micros', 'bigint')
    .addColumn('option_right', 'text')
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('quantity_micros', 'bigint', (c) => c.notNull())
    .addColumn('open_price_micros', 'bigint', (c) => c.notNull())
    .addColumn('close_price_micros', 'bigint')
    .addColumn('multiplier_micros', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('trade_legs_unique_index', ['trade_id', 'leg_index'])
    .execute();

  await db.schema
    .createTable('trade_leg_executions')
    .addColumn('leg_id', 'text', (c) => c.notNull().references('trade_legs.id').onDelete('cascade'))
    .addColumn('execution_id', 'text', (c) => c.notNull().references('executions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('quantity_micros', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('trade_leg_executions_pk', ['leg_id', 'execution_id'])
    .execute();
  await db.schema.createIndex('trade_leg_executions_by_execution').on('trade_leg_executions').column('execution_id').execute();

  await db.schema
    .createTable('trade_tags')
    .addColumn('trade_id', 'text', (c) => c.notNull().references('trades.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trade_tags_pk', ['trade_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('trade_tags_by_tag').on('trade_tags').column('tag_id').execute();
}
