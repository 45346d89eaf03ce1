import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withCachedStatements } from './cached-statements.js';

describe(withCachedStatements.name, () => {
  let sqlite: Database.Database;
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it('hands back the same prepared statement for the same SQL text', () => {
    sqlite = new Database(':memory:');
    const db = withCachedStatements(sqlite);
    expect(db.prepare('select 1 as one')).toBe(db.prepare('select 1 as one'));
  });

  it('drops the least recently used text past its size, and keeps a text in use', () => {
    sqlite = new Database(':memory:');
    const db = withCachedStatements(sqlite, 2);
    const first = db.prepare('select 1');
    const second = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(first);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(first);
    expect(db.prepare('select 2')).not.toBe(second);
  });

  it('runs a reused statement with new parameters', () => {
    sqlite = new Database(':memory:');
    const db = withCachedStatements(sqlite);
    db.prepare('create table t (v integer)').run([]);
    for (const v of [1, 2, 3]) db.prepare('insert into t (v) values (?)').run([v]);
    expect(db.prepare('select sum(v) as s from t').all([])).toEqual([{ s: 6 }]);
  });

  it('closes the database', () => {
    sqlite = new Database(':memory:');
    withCachedStatements(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
