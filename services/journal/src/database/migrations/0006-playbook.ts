import type { Kysely } from 'kysely';

/**
 * The playbook: rule groups, entries (patterns, rules, warnings, filters, constraints), which entries
 * each trade followed or broke, and trades seen by an entry but not taken.
 *
 * A check-off hangs on the trade by foreign key with cascade: regrouping keeps a rewritten trade's
 * id (regroup-plan.ts), so its check-offs stay exactly as its tags do, and a trade regrouping
 * removes, or a deleted log's trades, take their check-offs with them. Deleting an entry with
 * history is refused by the service unless forced; the cascade then removes that history. A deleted
 * group leaves its entries ungrouped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('playbook_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('playbook_groups_by_user').on('playbook_groups').columns(['user_id', 'kind', 'position']).execute();

  await db.schema
    .createTable('playbook_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('playbook_groups.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('playbook_entries_by_user').on('playbook_entries').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('playbook_entries_by_group').on('playbook_entries').column('group_id').execute();

  await db.schema
    .createTable('playbook_checks')
    .addColumn('trade_id', 'text', (c) => c.notNull().references('trades.id').onDelete('cascade'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('playbook_entries.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('followed', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('playbook_checks_pk', ['trade_id', 'entry_id'])
    .execute();
  await db.schema.createIndex('playbook_checks_by_entry').on('playbook_checks').columns(['entry_id']).execute();
  await db.schema.createIndex('playbook_checks_by_user').on('playbook_checks').columns(['user_id']).execute();

  await db.schema
    .createTable('playbook_missed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('playbook_entries.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('direction', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('estimated_pnl_micros', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('playbook_missed_by_user_at').on('playbook_missed').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('playbook_missed_by_entry').on('playbook_missed').column('entry_id').execute();
}
