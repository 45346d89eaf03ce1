import { rename, rm } from 'node:fs/promises';
import pg from 'pg';
import { CliError } from '../ui/output.js';
import { postgresToolConnection, runPostgresTool } from './postgres-tools.js';
import { postgresCounts, type TableCounts } from './table-counts.js';

/**
 * pg_dump in its custom format (compressed, and what pg_restore reads selectively) to `outFile`.
 * The row counts for the manifest come from the very snapshot pg_dump dumps: this connection
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
    await runPostgresTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--no-owner', '--file', partial, '--dbname', dbname], env);
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
 * Restores a dump into the journal's database: drops what the dump holds and recreates it, in one
 * transaction, so a failure leaves the database as it was.
 */
export async function restorePostgres(backupFile: string, url: string): Promise<void> {
  const { dbname, env } = postgresToolConnection(url);
  await runPostgresTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', dbname, backupFile], env);
}
