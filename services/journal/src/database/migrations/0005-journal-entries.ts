import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The journal itself: one rich-text entry per user and day (`entry_date` is a calendar date in the
 * user's zone, YYYY-MM-DD), weekly and monthly retrospectives (one per user, period and start), the
 * trades each links, and files attached to an entry, bytes included: every journal node behind one
 * PostgreSQL serves every file. Deleting a trade unlinks it; deleting an entry removes its attachments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('journal_entries_one_per_day', ['user_id', 'entry_date'])
    .execute();

  await db.schema
    .createTable('journal_entry_trades')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id').onDelete('cascade'))
    .addColumn('trade_id', 'text', (c) => c.notNull().references('trades.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_entry_trades_pk', ['entry_id', 'trade_id'])
    .execute();
  await db.schema.createIndex('journal_entry_trades_by_trade').on('journal_entry_trades').column('trade_id').execute();

  await db.schema
    .createTable('retrospectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('retrospectives_one_per_period', ['user_id', 'period', 'start_date'])
    .execute();

  await db.schema
    .createTable('retrospective_trades')
    .addColumn('retrospective_id', 'text', (c) => c.notNull().references('retrospectives.id').onDelete('cascade'))
    .addColumn('trade_id', 'text', (c) => c.notNull().references('trades.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retrospective_trades_pk', ['retrospective_id', 'trade_id'])
    .execute();
  await db.schema.createIndex('retrospective_trades_by_trade').on('retrospective_trades').column('trade_id').execute();

  await db.schema
    .createTable('journal_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Last, so reading the metadata never walks the bytes (SQLite keeps a large value in overflow pages
    // after the columns before it; PostgreSQL TOASTs it out of line): only a download selects it.
    .addColumn('content', sql.raw(db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob'), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_attachments_by_entry').on('journal_attachments').columns(['entry_id', 'created_at']).execute();
}
