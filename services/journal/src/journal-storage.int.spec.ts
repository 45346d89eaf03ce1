import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepoTruth, startPostgresServer, startRedisTrio, startServiceProcess, type PostgresServerHandle, type RedisTrio } from '@marketswarm/shared/testing';
import { JOURNAL_MIGRATIONS } from './database/migrations/index.js';

const ALL_MIGRATIONS = Object.keys(JOURNAL_MIGRATIONS);

/** The real journal process opens the database truth names, migrates it at start, and refuses to start without it. */
describe('journal process storage', () => {
  let redis: RedisTrio;
  let runDir: string;
  let postgres: PostgresServerHandle;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedisTrio(), startPostgresServer()]);
    runDir = await mkdtemp(join(tmpdir(), 'ms-journal-storage-'));
  });

  afterAll(async () => {
    await redis?.stop();
    await postgres?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  it('on SQLite by default: a WAL file under the run folder, migrated at the first start and left alone at the next', async () => {
    await loadRepoTruth(redis.system.client());
    const env = { ...redis.env, MS_RUN_DIR: runDir, LOG_LEVEL: 'info' };
    const first = await startServiceProcess({ dir: 'services/journal', env });
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('journal database migrated');

    const file = new Database(join(runDir, 'data/journal.sqlite'), { readonly: true });
    try {
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(file.prepare('select name from kysely_migration order by name').pluck().all()).toEqual(ALL_MIGRATIONS);
    } finally {
      file.close();
    }

    const second = await startServiceProcess({ dir: 'services/journal', env });
    expect(await second.stop()).toBe(0);
    expect(second.output()).toContain('journal database up to date');
  });

  it('on PostgreSQL when truth says database: postgres, with the URL from the postgresUrl secret', async () => {
    const admin = new pg.Client(postgres.url);
    await admin.connect();
    await admin.query('CREATE DATABASE journal_process');
    await loadRepoTruth(redis.system.client(), {
      patch: (truth) => void Object.assign(truth.components['journal']!.settings, { database: 'postgres' }),
      secrets: { journal: { postgresUrl: postgres.urlFor('journal_process') } },
    });
    const journal = await startServiceProcess({ dir: 'services/journal', env: { ...redis.env, MS_RUN_DIR: runDir } });
    expect(await journal.stop()).toBe(0);
    const db = new pg.Client(postgres.urlFor('journal_process'));
    await db.connect();
    try {
      expect((await db.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name)).toEqual(ALL_MIGRATIONS);
    } finally {
      await db.end();
      await admin.end();
    }
  });

  it('refuses to start on PostgreSQL without the postgresUrl secret, saying which secret is missing', async () => {
    await loadRepoTruth(redis.system.client(), { patch: (truth) => void Object.assign(truth.components['journal']!.settings, { database: 'postgres' }) });
    await expect(startServiceProcess({ dir: 'services/journal', env: { ...redis.env, MS_RUN_DIR: runDir } })).rejects.toThrow(/postgresUrl secret is not set/);
  });
});
