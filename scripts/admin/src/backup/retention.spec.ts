import { describe, expect, it } from 'vitest';
import { backupFileName } from './backup-name.js';
import { expiredBackups } from './retention.js';

describe(expiredBackups.name, () => {
  const now = new Date('2026-12-20T02:15:00.000Z');
  const daysAgo = (days: number, dialect: 'sqlite' | 'postgres' = 'sqlite') => backupFileName(dialect, new Date(now.getTime() - days * 86_400_000));

  it('picks backups older than the retention and keeps the one exactly at the limit', () => {
    const names = [daysAgo(1), daysAgo(14), daysAgo(14.5), daysAgo(30, 'postgres')];
    expect(expiredBackups(names, now, 14)).toEqual([daysAgo(14.5), daysAgo(30, 'postgres')]);
  });

  it('never picks a file the backup command did not name', () => {
    expect(expiredBackups(['journal.sqlite', 'old-notes.txt', `${daysAgo(40)}.json`], now, 14)).toEqual([]);
  });
});
