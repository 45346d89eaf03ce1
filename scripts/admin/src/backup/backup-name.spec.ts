import { describe, expect, it } from 'vitest';
import { backupFileName, manifestFileOf, parseBackupFileName } from './backup-name.js';

describe(backupFileName.name, () => {
  const at = new Date('2026-12-07T02:15:00.123Z');

  it('names a SQLite backup by its UTC time with shell-safe separators', () => {
    expect(backupFileName('sqlite', at)).toBe('journal-2026-12-07T02-15-00-123Z.sqlite.gz');
  });

  it('names a PostgreSQL backup with the pg_dump ending', () => {
    expect(backupFileName('postgres', at)).toBe('journal-2026-12-07T02-15-00-123Z.pgdump');
  });

  it('reads back the dialect and the exact time from a name it wrote', () => {
    expect(parseBackupFileName(backupFileName('postgres', at))).toEqual({ dialect: 'postgres', at });
    expect(parseBackupFileName(backupFileName('sqlite', at))).toEqual({ dialect: 'sqlite', at });
  });

  it('does not recognise manifests, partial files or other files', () => {
    for (const name of [manifestFileOf(backupFileName('sqlite', at)), `${backupFileName('sqlite', at)}.partial`, 'notes.txt', 'journal-yesterday.sqlite.gz']) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });
});
