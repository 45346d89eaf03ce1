import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import { registerBackup } from '../commands/backup.command.js';
import { backupFileName } from './backup-name.js';

/**
 * `./admin backup` and `./admin restore` as an operator types them, on the repository's truth
 * (SQLite, backups under the run folder), in this process: MS_RUN_DIR points at a temp folder
 * and REDIS_SYSTEM_URL at a throwaway Redis where the test plays the journal's heartbeat.
 */
describe('./admin backup and ./admin restore', () => {
  let runDir: string;
  let redis: RedisServerHandle;
  let database: string;
  const saved = { MS_RUN_DIR: process.env['MS_RUN_DIR'], REDIS_SYSTEM_URL: process.env['REDIS_SYSTEM_URL'] };

  beforeAll(async () => {
    redis = await startRedisServer();
    runDir = await mkdtemp(path.join(tmpdir(), 'ms-backup-cli-'));
    process.env['MS_RUN_DIR'] = runDir;
    process.env['REDIS_SYSTEM_URL'] = redis.url;
    database = path.join(runDir, 'data/journal.sqlite');
    await mkdir(path.dirname(database), { recursive: true });
    const db = new Database(database);
    db.pragma('journal_mode = WAL');
    db.exec("create table trades (id text primary key, notes text); insert into trades values ('t1', 'first'), ('t2', 'second')");
    db.close();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await redis?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  /** Runs one command line and returns what it printed on stdout. */
  const admin = async (...args: string[]): Promise<string> => {
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const program = new Command('admin').exitOverride();
    registerBackup(program);
    try {
      await program.parseAsync(['node', 'admin', ...args]);
    } finally {
      vi.restoreAllMocks();
    }
    return stdout;
  };

  const rows = () => {
    const db = new Database(database);
    try {
      return db.prepare('select id, notes from trades order by id').all();
    } finally {
      db.close();
    }
  };

  let backupFile: string;

  it('backup prints the file it wrote under backup.dir, and --json its manifest', async () => {
    const printed = (await admin('backup')).trim();
    expect(path.dirname(printed)).toBe(path.join(runDir, 'backups'));
    expect(path.basename(printed)).toMatch(/^journal-.*Z\.sqlite\.gz$/);
    const manifest = JSON.parse(await admin('backup', '--json')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ kind: 'marketswarm-journal-backup', dialect: 'sqlite', source: database, tables: { trades: 2 } });
    backupFile = manifest['path'] as string;
  });

  it('restore --dry-run lists the database and the rows it would replace, and changes nothing', async () => {
    const db = new Database(database);
    db.exec("insert into trades values ('t3', 'after the backup')");
    db.close();
    const plan = JSON.parse(await admin('restore', backupFile, '--dry-run', '--json')) as Record<string, unknown>;
    expect(plan).toMatchObject({ dryRun: true, replaces: database, tables: [{ table: 'trades', current: 3, backup: 2 }] });
    expect(rows()).toHaveLength(3);
  });

  it('restore refuses without --yes when stdin is not a terminal', async () => {
    await expect(admin('restore', backupFile)).rejects.toThrow(/pass --yes/);
    expect(rows()).toHaveLength(3);
  });

  it('restore refuses while the journal heartbeat is fresh, unless --force', async () => {
    const now = Date.now();
    const heartbeat = { service: 'journal', version: '0.1.0', pid: 1, host: 'test', port: 3002, startedAt: now, ts: now, uptimeSec: 1, intervalMs: 60_000, truthVersion: null };
    const client = redis.client();
    await client.set('journal:heartbeat', JSON.stringify(heartbeat));
    try {
      await expect(admin('restore', backupFile, '--yes')).rejects.toThrow(/a journal process is running/);
      expect(rows()).toHaveLength(3);
      await admin('restore', backupFile, '--yes', '--force');
      expect(rows()).toEqual([
        { id: 't1', notes: 'first' },
        { id: 't2', notes: 'second' },
      ]);
    } finally {
      await client.del('journal:heartbeat');
    }
  });

  it('backup --scheduled logs JSON lines and deletes backups older than backup.retentionDays', async () => {
    const backups = path.join(runDir, 'backups');
    const old = backupFileName('sqlite', new Date(Date.now() - 15 * 86_400_000));
    await writeFile(path.join(backups, old), 'old');
    const lines = (await admin('backup', '--scheduled')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([
      ['info', 'journal backup written'],
      ['info', 'old backups deleted'],
    ]);
    expect(lines[1]).toMatchObject({ retentionDays: 14, deleted: [path.join(backups, old)] });
    expect(await readdir(backups)).not.toContain(old);
  });

  it('backup --scheduled skips, without failing, a stack whose journal has not made its database yet', async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), 'ms-backup-fresh-'));
    process.env['MS_RUN_DIR'] = fresh;
    try {
      const [line] = (await admin('backup', '--scheduled')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(line).toMatchObject({ level: 'info', msg: 'journal backup skipped: no journal database yet', database: path.join(fresh, 'data/journal.sqlite') });
      await expect(admin('backup')).rejects.toThrow(/no journal database at/);
    } finally {
      process.env['MS_RUN_DIR'] = runDir;
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
