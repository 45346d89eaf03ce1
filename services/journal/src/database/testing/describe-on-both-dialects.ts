import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { startPostgresServer, type PostgresServerHandle } from '@marketswarm/shared/testing';
import { createJournalDatabase, type JournalDatabase, type JournalDatabaseTarget, type JournalDialect } from '../create-journal-database.js';
import type { JournalDb } from '../journal-db.js';
import { migrateJournalDatabase } from '../migrate-journal-database.js';

export interface DialectFixture {
  readonly dialect: JournalDialect;
  /** Where the block's empty database lives, to open it again (a second start, a second process). */
  target(): JournalDatabaseTarget;
  /** Another empty database beside the block's one (a new SQLite file, a new PostgreSQL database). */
  emptyTarget(): Promise<JournalDatabaseTarget>;
  /** The block's database, opened (and migrated unless `migrate: false`) before its first test. */
  database(): JournalDatabase;
  db(): Kysely<JournalDb>;
}

/**
 * Runs one block of specs twice: on SQLite (a file in a temp folder) and on PostgreSQL (a throwaway
 * server from the harness, a database created for the block). Specs scope their rows by a fresh
 * user id each, so they share the block's database without seeing one another.
 */
export function describeOnBothDialects(name: string, body: (fixture: DialectFixture) => void, options: { migrate?: boolean } = {}): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe(`${name} on ${dialect}`, () => {
      let target: JournalDatabaseTarget | undefined;
      let database: JournalDatabase | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      let emptyTarget: (() => Promise<JournalDatabaseTarget>) | undefined;
      let made = 0;

      beforeAll(async () => {
        if (dialect === 'sqlite') {
          const dir = await mkdtemp(path.join(tmpdir(), 'ms-journal-db-'));
          emptyTarget = () => Promise.resolve({ dialect, file: path.join(dir, `journal-${++made}.sqlite`) });
          cleanup = () => rm(dir, { recursive: true, force: true });
        } else {
          const server: PostgresServerHandle = await startPostgresServer();
          cleanup = () => server.stop();
          emptyTarget = async () => {
            const name = `journal_${++made}`;
            const admin = new pg.Client(server.url);
            await admin.connect();
            await admin.query(`CREATE DATABASE ${name}`);
            await admin.end();
            return { dialect, url: server.urlFor(name) };
          };
        }
        target = await emptyTarget();
        database = createJournalDatabase(target);
        if (options.migrate ?? true) await migrateJournalDatabase(database);
      });

      afterAll(async () => {
        await database?.close();
        await cleanup?.();
      });

      const ready = <T>(value: T | undefined): T => {
        if (value === undefined) throw new Error('the database is opened in beforeAll; use the fixture inside a test or hook');
        return value;
      };
      body({ dialect, target: () => ready(target), emptyTarget: () => ready(emptyTarget)(), database: () => ready(database), db: () => ready(database).db });
    });
  }
}
