import { rename, rm } from 'node:fs/promises';
import pg from 'pg';
import { CliError } from '../ui/output.js';
import { postgresToolConnection, runPostgresTool } from './postgres-tools.js';
import { postgresCounts, type TableCounts } from './table-counts.js';

/** The journal's tables live in this schema (Kysely's default); backups hold it whole. */
const SCHEMA = 'public';

/**
 * pg_dump of the journal's schema in the custom format (compressed, and what pg_restore reads
 * selectively) to `outFile`. Naming the schema makes the dump create it, so a restore works into
 * a database whose schema is gone. The row counts for the manifest come from the very snapshot pg_dump dumps: this connection
 * exports its snapshot and holds it open while pg_dump runs with `--snapshot`.
 */
export async function backupPostgres(url: string, outFile: string): Promise<TableCounts> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new CliError(`cannot reach the journal's PostgreSQL: ${(error as Error).message}`);
  }
  const partial = `${outFile}.partial`;
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    const tables = await postgresCounts(client);
    const { dbname, env } = postgresToolConnection(url);
    await runPostgresTool('pg_dump', ['--format=custom', `--schema=${SCHEMA}`, `--snapshot=${snapshot}`, '--no-owner', '--file', partial, '--dbname', dbname], env);
    await client.query('commit');
    await rename(partial, outFile);
    return tables;
  } finally {
    await rm(partial, { force: true });
    await client.end();
  }
}

/** Proves a dump is readable (pg_restore reads its table of contents) without touching any database. */
export async function inspectPostgresBackup(backupFile: string): Promise<void> {
  await runPostgresTool('pg_restore', ['--list', backupFile], process.env);
}

/**
 * Makes the journal's schema exactly the dump's. The schema in place is renamed aside first, not
 * dropped, so tables a newer migration added cannot survive into the restored schema, and a failed
 * restore (pg_restore runs in one transaction) puts the old schema back. Returns the name the
 * replaced schema is kept under (null when there was none), for the operator to drop when satisfied.
 */
export async function restorePostgres(backupFile: string, url: string, now: Date): Promise<{ previous: string | null }> {
  const aside = `${SCHEMA}_before_restore_${now.toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const previous = await withClient(url, async (client) => {
    const exists = (await client.query('select 1 from pg_namespace where nspname = $1', [SCHEMA])).rowCount === 1;
    if (exists) await client.query(`alter schema "${SCHEMA}" rename to "${aside}"`);
    return exists ? aside : null;
  });
  const { dbname, env } = postgresToolConnection(url);
  try {
    await runPostgresTool('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', '--dbname', dbname, backupFile], env);
  } catch (error) {
    if (previous) {
      await withClient(url, async (client) => {
        await client.query('begin');
        await client.query(`drop schema if exists "${SCHEMA}" cascade`);
        await client.query(`alter schema "${previous}" rename to "${SCHEMA}"`);
        await client.query('commit');
      });
    }
    throw error;
  }
  return { previous };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new CliError(`cannot reach the journal's PostgreSQL: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
