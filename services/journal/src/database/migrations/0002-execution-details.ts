import type { Kysely } from 'kysely';

/**
 * What the importers report about a fill beyond 0001's columns: the event (a fill, or a position
 * removed at expiration, assignment or exercise), the broker's own execution id, the zone the
 * local time was read in, the currency and the contract multiplier as exported. The defaults only
 * fill rows written before this version; importers always set every column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('executions').addColumn('event', 'text', (c) => c.notNull().defaultTo('fill')).execute();
  await db.schema.alterTable('executions').addColumn('broker_execution_id', 'text').execute();
  await db.schema.alterTable('executions').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();
  await db.schema.alterTable('executions').addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD')).execute();
  await db.schema.alterTable('executions').addColumn('multiplier_micros', 'bigint', (c) => c.notNull().defaultTo(1_000_000)).execute();
}
