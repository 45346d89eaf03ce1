import Database from 'better-sqlite3';
import pg from 'pg';

export type TableCounts = Record<string, number>;

/** Rows per table of a SQLite file (internal sqlite_* tables left out), opened without writing to it. */
export function sqliteTableCounts(file: string): TableCounts {
  // Not read-only: a WAL database opens read-only only when its -shm is already there.
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    return sqliteCounts(db);
  } finally {
    db.close();
  }
}

export function sqliteCounts(db: Database.Database): TableCounts {
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, Number(db.prepare(`select count(*) from "${t.replaceAll('"', '""')}"`).pluck().get())]));
}

/** Rows per table in the `public` schema, through a client already in the transaction to count in. */
export async function postgresCounts(client: pg.ClientBase): Promise<TableCounts> {
  const tables = (await client.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")).rows.map((r) => r.name);
  const counts: TableCounts = {};
  for (const t of tables) {
    counts[t] = Number((await client.query<{ n: string }>(`select count(*) as n from public."${t.replaceAll('"', '""')}"`)).rows[0]?.n ?? 0);
  }
  return counts;
}

/** Rows per table of a PostgreSQL database; an unreachable server answers null so a dry run still says what it can. */
export async function postgresTableCounts(url: string): Promise<TableCounts | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    return await postgresCounts(client);
  } finally {
    await client.end();
  }
}
