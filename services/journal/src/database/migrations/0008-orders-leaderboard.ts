import type { Kysely } from 'kysely';

/**
 * Simulated orders and the opt-in leaderboard. An order's legs are JSON text (they are read and
 * written whole, never queried one by one); its limit and fill prices are micros per spread, signed
 * (positive a debit, negative a credit). `order_fills` keeps one row per filled order: the fill
 * history outlives whatever happens to the trade it created. `display_name_key` is the display name
 * folded to lower case, so "Ace" and "ace" cannot both exist on one board.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('log_id', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('legs', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('limit_price_micros', 'bigint', (c) => c.notNull())
    .addColumn('source_kind', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema.createIndex('orders_by_user').on('orders').columns(['user_id', 'created_at']).execute();
  // The fill worker's question, across users: which orders are still working, soonest expiry first.
  await db.schema.createIndex('orders_by_status').on('orders').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('order_fills')
    .addColumn('order_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('price_micros', 'bigint', (c) => c.notNull())
    .addColumn('priced_from', 'text', (c) => c.notNull())
    .addColumn('filled_at', 'bigint', (c) => c.notNull())
    .addColumn('trade_id', 'text')
    .execute();
  await db.schema.createIndex('order_fills_by_user').on('order_fills').columns(['user_id', 'filled_at']).execute();

  await db.schema
    .createTable('leaderboard_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('display_name_key', 'text', (c) => c.notNull())
    .addColumn('opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('leaderboard_profiles_unique_name', ['display_name_key'])
    .execute();
  await db.schema.createIndex('leaderboard_profiles_opted_in').on('leaderboard_profiles').column('opt_in').execute();
}
