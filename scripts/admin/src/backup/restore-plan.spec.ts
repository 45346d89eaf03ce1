import { describe, expect, it } from 'vitest';
import { compareTables } from './restore-plan.js';

describe(compareTables.name, () => {
  it('lists every table of the database and of the backup once, by name, with rows now and after', () => {
    expect(compareTables({ trades: 12, tags: 3, orders: 1 }, { trades: 10, tags: 3, settings: 2 })).toEqual([
      { table: 'orders', current: 1, backup: null },
      { table: 'settings', current: null, backup: 2 },
      { table: 'tags', current: 3, backup: 3 },
      { table: 'trades', current: 12, backup: 10 },
    ]);
  });

  it('shows no current rows for a database that is gone or unreachable', () => {
    expect(compareTables(null, { trades: 4 })).toEqual([{ table: 'trades', current: null, backup: 4 }]);
  });
});
