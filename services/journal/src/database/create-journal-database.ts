import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withCachedStatements } from './cached-statements.js';
import type { JournalDb } from './journal-db.js';

export type JournalDialect = 'sqlite' | 'postgres';

/** Where the journal keeps its data: a SQLite file, or a PostgreSQL server. */
export type JournalDatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface JournalDatabase {
  readonly dialect: JournalDialect;
  readonly db: Kysely<JournalDb>;
  close(): Promise<void>;
}

const PG_INT8_OID = 20;

/**
 * Opens the journal's database. Both drivers return BIGINT columns as the same JS type, a number
 * that must be a safe integer (see money.ts): better-sqlite3 does by default, and pg, which hands
 * INT8 over as text, parses it here and refuses what a number cannot hold exactly.
 */
export function createJournalDatabase(target: JournalDatabaseTarget): JournalDatabase {
  if (target.dialect === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new Database(target.file, { timeout: 10_000 });
    // WAL: readers never wait for the writer; NORMAL is durable in WAL up to the last checkpointed commit.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<JournalDb>({ dialect: new SqliteDialect({ database: withCachedStatements(sqlite) }) });
    return { dialect: 'sqlite', db, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    types: { getTypeParser: journalTypeParser },
  });
  const db = new Kysely<JournalDb>({ dialect: new PostgresDialect({ pool }) });
  return { dialect: 'postgres', db, close: () => db.destroy() };
}

const defaultTypeParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown;
const journalTypeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === PG_INT8_OID && format !== 'binary' ? parseInt8 : defaultTypeParser(oid, format)) as typeof pg.types.getTypeParser;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`BIGINT ${text} is beyond the safe-integer range the journal reads`);
  return value;
}
