import type { Kysely } from 'kysely';

/**
 * Saved what-if positions (`/api/journal/positions`), one row each, scoped by user. The legs are
 * JSON text (`[{ expiry, strikeMicros, right, ratio }]`): they are always read and written whole, and
 * never queried by strike. The entry price per spread is micros, negative for a credit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('legs', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('entry_price_micros', 'bigint', (c) => c.notNull())
    .addColumn('source_kind', 'text')
    .addColumn('source_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_positions_by_user').on('saved_positions').columns(['user_id', 'created_at']).execute();
}
