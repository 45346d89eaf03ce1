import { execFile } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { repoRoot } from '@marketswarm/shared/testing';
import { expect, it } from 'vitest';
import { createJournalDatabase, type JournalDatabaseTarget } from './create-journal-database.js';
import { migrateJournalDatabase } from './migrate-journal-database.js';
import { JOURNAL_MIGRATIONS, journalMigrationProvider } from './migrations/index.js';
import { describeOnBothDialects } from './testing/describe-on-both-dialects.js';

const TABLES = [
  ...['alert_hit_receipts', 'alert_hits', 'alerts', 'executions', 'import_mappings', 'journal_attachments', 'journal_entries', 'journal_entry_trades', 'leaderboard_profiles', 'order_fills', 'orders'],
  ...['playbook_checks', 'playbook_entries', 'playbook_groups', 'playbook_missed', 'prompt_alerts', 'retrospective_trades', 'retrospectives', 'saved_positions'],
  ...['settings', 'symbols', 'tags', 'trade_leg_executions', 'trade_legs', 'trade_logs', 'trade_tags', 'trades'],
];

describeOnBothDialects(
  migrateJournalDatabase.name,
  (fixture) => {
    it('creates every table from an empty database and reports each migration it applied', async () => {
      expect(await migrateJournalDatabase(fixture.database())).toEqual(Object.keys(JOURNAL_MIGRATIONS));
      const tables = await fixture.db().introspection.getTables();
      expect(tables.map((t) => t.name).sort()).toEqual(TABLES);
    });

    it('applies nothing on a second start against the same database', async () => {
      const again = createJournalDatabase(fixture.target());
      try {
        expect(await migrateJournalDatabase(again)).toEqual([]);
      } finally {
        await again.close();
      }
    });

    it('lets two processes start at once: one migrates, the other waits for it and finds nothing to do', async () => {
      const target = await fixture.emptyTarget();
      // Both processes are held at the starting line by a lock this test takes first, so their
      // migrations really overlap instead of one finishing before the other has loaded.
      const release = await holdMigrationLock(target);
      const children = [startMigrationProcess(target), startMigrationProcess(target)];
      await Promise.all(children.map((child) => child.opened));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await release();
      const applied = await Promise.all(children.map((child) => child.applied));
      expect(applied.map((names) => names.length).sort()).toEqual([0, Object.keys(JOURNAL_MIGRATIONS).length]);
    });

    it('upgrades a database at the previous version, keeping its rows and filling the new columns', async () => {
      const target = await fixture.emptyTarget();
      const previous = createJournalDatabase(target);
      try {
        const atFirst = await new Migrator({ db: previous.db, provider: journalMigrationProvider }).migrateTo('0001_initial');
        expect(atFirst.error).toBeUndefined();
        await sql`insert into trade_logs (id, user_id, name, currency, starting_capital_micros, is_default, created_at, updated_at) values ('log-1', 'user-1', 'Cash', 'USD', 0, 1, 1, 1)`.execute(previous.db);
        await sql`insert into executions (id, user_id, log_id, broker, source_file, row_hash, executed_at, executed_at_text, instrument_kind, symbol, underlying, side, position_effect, quantity_micros, price_micros, commission_micros, exchange_fee_micros, clearing_fee_micros, created_at)
                  values ('exec-1', 'user-1', 'log-1', 'ibkr', 'flex.xml', 'h1', 1, '20261201;100211', 'stock', 'AAPL', 'AAPL', 'buy', 'open', 10000000, 190250000, 350000, 6500, 2000, 1)`.execute(previous.db);
      } finally {
        await previous.close();
      }
      const upgraded = createJournalDatabase(target);
      try {
        expect(await migrateJournalDatabase(upgraded)).toEqual(Object.keys(JOURNAL_MIGRATIONS).slice(1));
        const row = await upgraded.db.selectFrom('executions').selectAll().where('id', '=', 'exec-1').executeTakeFirstOrThrow();
        expect(row).toMatchObject({ price_micros: 190_250_000, exchange_fee_micros: 6_500, event: 'fill', broker_execution_id: null, time_zone: 'UTC', currency: 'USD', multiplier_micros: 1_000_000 });
      } finally {
        await upgraded.close();
      }
    });

    it('upgrades a database at 0002, leaving its trades without a group key and refusing two trades with one key in a log', async () => {
      const target = await fixture.emptyTarget();
      const previous = createJournalDatabase(target);
      try {
        const atSecond = await new Migrator({ db: previous.db, provider: journalMigrationProvider }).migrateTo('0002_execution_details');
        expect(atSecond.error).toBeUndefined();
        await sql`insert into trade_logs (id, user_id, name, currency, starting_capital_micros, is_default, created_at, updated_at) values ('log-1', 'user-1', 'Cash', 'USD', 0, 1, 1, 1)`.execute(previous.db);
        await sql`insert into trades (id, user_id, log_id, symbol, strategy, side, quantity_micros, opened_at, closed_at, status, gross_micros, fees_micros, net_micros, risk_micros, notes, market_at_entry, created_at, updated_at)
                  values ('trade-1', 'user-1', 'log-1', 'SPX', 'single', 'long', 1000000, 1, null, 'open', 0, 0, 0, 500000000, 'typed by hand', null, 1, 1)`.execute(previous.db);
      } finally {
        await previous.close();
      }
      const upgraded = createJournalDatabase(target);
      try {
        expect(await migrateJournalDatabase(upgraded)).toEqual(Object.keys(JOURNAL_MIGRATIONS).slice(2));
        const row = await upgraded.db.selectFrom('trades').selectAll().where('id', '=', 'trade-1').executeTakeFirstOrThrow();
        expect(row).toMatchObject({ notes: 'typed by hand', risk_micros: 500_000_000, group_key: null, group_hash: null, computed_risk_micros: null });
        const keyed = (id: string) => sql`insert into trades (id, user_id, log_id, symbol, strategy, side, quantity_micros, opened_at, closed_at, status, gross_micros, fees_micros, net_micros, risk_micros, notes, market_at_entry, created_at, updated_at, group_key)
                  values (${id}, 'user-1', 'log-1', 'SPX', 'single', 'long', 1000000, 1, null, 'open', 0, 0, 0, null, '', null, 1, 1, 'exec-1')`.execute(upgraded.db);
        await keyed('trade-2');
        await expect(keyed('trade-3')).rejects.toThrow(/unique/i);
      } finally {
        await upgraded.close();
      }
    });

    it('upgrades a database at 0011, counting fills entered before as announced (no sweep announces them again) and every alert as live', async () => {
      const target = await fixture.emptyTarget();
      const previous = createJournalDatabase(target);
      try {
        const at0011 = await new Migrator({ db: previous.db, provider: journalMigrationProvider }).migrateTo('0011_alerts_by_owner');
        expect(at0011.error).toBeUndefined();
        for (const [order, trade] of [['order-entered', 'trade-1'], ['order-unentered', null]] as const) {
          await sql`insert into orders (id, user_id, log_id, symbol, legs, quantity, limit_price_micros, source_kind, source_ref, status, reason, created_at, expires_at, closed_at)
                    values (${order}, 'user-1', 'log-1', 'SPX', '[]', 1, 4300000, null, null, 'filled', null, 1, 100, 50)`.execute(previous.db);
          await sql`insert into order_fills (order_id, user_id, price_micros, priced_from, filled_at, trade_id) values (${order}, 'user-1', 4300000, 'legs', 50, ${trade})`.execute(previous.db);
        }
        await sql`insert into alerts (id, user_id, kind, label, symbol, position_id, trade_id, direction, target_micros, params, behaviour, cooldown_sec, enabled, hit_count, last_fired_at, created_at, updated_at)
                  values ('alert-1', 'user-1', 'price', null, 'SPX', null, null, 'above', 5000000000, '{}', 'remove-on-hit', null, 1, 0, null, 1, 1)`.execute(previous.db);
      } finally {
        await previous.close();
      }
      const upgraded = createJournalDatabase(target);
      try {
        expect(await migrateJournalDatabase(upgraded)).toEqual(Object.keys(JOURNAL_MIGRATIONS).slice(11));
        const fills = await upgraded.db.selectFrom('order_fills').select(['order_id', 'announced_at']).orderBy('order_id').execute();
        expect(fills).toEqual([
          { order_id: 'order-entered', announced_at: 50 },
          { order_id: 'order-unentered', announced_at: null },
        ]);
        expect(await upgraded.db.selectFrom('alerts').select(['id', 'removed_at']).execute()).toEqual([{ id: 'alert-1', removed_at: null }]);
      } finally {
        await upgraded.close();
      }
    });

    it('keeps a BIGINT beyond 32 bits exact and hands it back as a number on both drivers', async () => {
      const userId = crypto.randomUUID();
      const capital = 9_007_199_254_740_991; // Number.MAX_SAFE_INTEGER micros ≈ 9.007 billion
      await fixture
        .db()
        .insertInto('trade_logs')
        .values({ id: crypto.randomUUID(), user_id: userId, name: 'Big', currency: 'USD', starting_capital_micros: capital, is_default: 0, archived_at: null, created_at: 1, updated_at: 1 })
        .execute();
      const row = await fixture.db().selectFrom('trade_logs').where('user_id', '=', userId).select(['starting_capital_micros', 'created_at']).executeTakeFirstOrThrow();
      expect(row).toEqual({ starting_capital_micros: capital, created_at: 1 });
    });

    it('refuses a second default log for one user (partial unique index)', async () => {
      const userId = crypto.randomUUID();
      const log = (name: string) => ({ id: crypto.randomUUID(), user_id: userId, name, currency: 'USD', starting_capital_micros: 0, is_default: 1 as const, archived_at: null, created_at: 1, updated_at: 1 });
      await fixture.db().insertInto('trade_logs').values(log('First')).execute();
      await expect(fixture.db().insertInto('trade_logs').values(log('Second')).execute()).rejects.toThrow(/unique/i);
    });
  },
  { migrate: false },
);

/** Migrates `target` from another Node process running the built journal, as a second pm2 process would. */
function startMigrationProcess(target: JournalDatabaseTarget): { opened: Promise<void>; applied: Promise<string[]> } {
  const dist = path.join(repoRoot, 'services/journal/dist/database/index.js');
  const script = `
    const { createJournalDatabase, migrateJournalDatabase } = await import(${JSON.stringify(dist)});
    const database = createJournalDatabase(JSON.parse(process.argv[1]));
    process.stderr.write('opened\\n');
    try { process.stdout.write(JSON.stringify(await migrateJournalDatabase(database))); } finally { await database.close(); }`;
  const child = execFile(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(target)]);
  const applied = new Promise<string[]>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout) as string[]) : reject(new Error(`migration process exited with ${code}: ${stderr}`))));
  });
  const opened = new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => d.toString().includes('opened') && resolve());
    applied.catch(reject);
  });
  return { opened, applied };
}

/**
 * Takes the lock a migration run waits for: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL
 * the advisory lock Kysely's Migrator takes (its fixed id, from kysely/dist/esm/dialect/postgres/postgres-adapter.js).
 */
async function holdMigrationLock(target: JournalDatabaseTarget): Promise<() => Promise<void>> {
  if (target.dialect === 'sqlite') {
    const sqlite = new Database(target.file);
    // WAL first, as the journal opens it: switching the mode later would itself wait for this lock.
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('begin immediate');
    return () => {
      sqlite.exec('commit');
      sqlite.close();
      return Promise.resolve();
    };
  }
  const client = new pg.Client(target.url);
  await client.connect();
  await client.query('select pg_advisory_lock(3853314791062309107)');
  return async () => {
    await client.query('select pg_advisory_unlock(3853314791062309107)');
    await client.end();
  };
}
