import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName, manifestFileOf } from './backup-name.js';
import { pruneBackups, runBackup } from './run-backup.js';
import { previewRestore } from './run-restore.js';
import { describeBackupRestore } from './testing/describe-backup-restore.js';

// The PostgreSQL half is backup-restore-postgres.int.spec.ts: a file each, so vitest runs them side by side.
describeBackupRestore('sqlite');

describe('journal backup files', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'ms-backup-files-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses a backup of the other dialect before it touches the database', async () => {
    const file = path.join(work, 'journal.sqlite');
    const db = new Database(file);
    db.exec("create table trades (id text primary key); insert into trades values ('t1')");
    db.close();
    const backup = await runBackup({ target: { dialect: 'sqlite', file }, dir: path.join(work, 'backups') });
    // Nothing listens on port 1: a restore that reached for the database would fail otherwise.
    await expect(previewRestore(backup.file, { dialect: 'postgres', url: 'postgres://journal@127.0.0.1:1/journal' })).rejects.toThrow(
      /is a sqlite backup but the journal runs on postgres/,
    );
  });

  it('retention deletes only backups older than the retention, with their manifests', async () => {
    const dir = path.join(work, 'retention');
    const now = new Date('2026-12-20T02:15:00.000Z');
    const daysAgo = (days: number, dialect: 'sqlite' | 'postgres') => backupFileName(dialect, new Date(now.getTime() - days * 86_400_000));
    const names = [daysAgo(2, 'sqlite'), daysAgo(13, 'postgres'), daysAgo(15, 'sqlite'), daysAgo(40, 'postgres')];
    await mkdir(dir, { recursive: true });
    for (const name of names) {
      await writeFile(path.join(dir, name), 'backup');
      await writeFile(manifestFileOf(path.join(dir, name)), '{}');
    }
    await writeFile(path.join(dir, 'operator-notes.txt'), 'keep me');
    const deleted = await pruneBackups(dir, 14, now);
    expect(deleted.map((f) => path.basename(f)).sort()).toEqual([daysAgo(15, 'sqlite'), daysAgo(40, 'postgres')].sort());
    expect((await readdir(dir)).sort()).toEqual([daysAgo(2, 'sqlite'), manifestFileOf(daysAgo(2, 'sqlite')), daysAgo(13, 'postgres'), manifestFileOf(daysAgo(13, 'postgres')), 'operator-notes.txt'].sort());
  });
});
