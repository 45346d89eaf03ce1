import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { TradeLogsRepository } from './trade-logs.repository.js';

describeOnBothDialects(TradeLogsRepository.name, (fixture) => {
  let clock: number;
  let logs: TradeLogsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    clock = Date.UTC(2026, 11, 1, 14, 30);
    logs = new TradeLogsRepository(fixture.db(), () => clock);
    // A fresh pair of users per spec: the block's database is shared, their rows are not.
    alice = randomUUID();
    bob = randomUUID();
  });

  const account = (name: string) => ({ name, currency: 'USD', startingCapitalMicros: parseMicros('25000.50') });

  it('creates a log with its exact starting capital, the first one as the default', async () => {
    const log = await logs.create(alice, account('IBKR margin'));
    expect(log).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      name: 'IBKR margin',
      currency: 'USD',
      startingCapitalMicros: 25_000_500_000,
      isDefault: true,
      archivedAt: null,
      createdAt: clock,
      updatedAt: clock,
    });
    expect(await logs.get(alice, log.id)).toEqual(log);
  });

  it('makes later logs non-default and lists them oldest first', async () => {
    const first = await logs.create(alice, account('Cash'));
    clock += 1000;
    const second = await logs.create(alice, account('IRA'));
    expect(second.isDefault).toBe(false);
    expect((await logs.list(alice)).map((l) => [l.name, l.isDefault])).toEqual([
      ['Cash', true],
      ['IRA', false],
    ]);
    expect((await logs.getDefault(alice))?.id).toBe(first.id);
  });

  it('renames a log and stamps the change', async () => {
    const log = await logs.create(alice, account('Cash'));
    clock += 5000;
    expect(await logs.rename(alice, log.id, 'Cash (TOS)')).toMatchObject({ name: 'Cash (TOS)', updatedAt: clock, createdAt: clock - 5000 });
  });

  it('archives a log out of the default list and reactivates it', async () => {
    const log = await logs.create(alice, account('Old'));
    clock += 1;
    expect(await logs.archive(alice, log.id)).toMatchObject({ archivedAt: clock });
    expect(await logs.list(alice)).toEqual([]);
    expect((await logs.list(alice, { includeArchived: true })).map((l) => l.id)).toEqual([log.id]);
    expect(await logs.reactivate(alice, log.id)).toMatchObject({ archivedAt: null });
    expect((await logs.list(alice)).map((l) => l.id)).toEqual([log.id]);
  });

  it('moves the default: exactly one default log afterwards', async () => {
    const first = await logs.create(alice, account('Cash'));
    clock += 1000;
    const second = await logs.create(alice, account('IRA'));
    expect(await logs.setDefault(alice, second.id)).toMatchObject({ id: second.id, isDefault: true });
    expect((await logs.list(alice)).map((l) => [l.id, l.isDefault])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    // Setting the current default again changes nothing.
    expect(await logs.setDefault(alice, second.id)).toMatchObject({ id: second.id, isDefault: true });
    expect((await logs.getDefault(alice))?.id).toBe(second.id);
  });

  it("treats another user's log exactly like one that does not exist", async () => {
    const alices = await logs.create(alice, account('Alice only'));
    await logs.create(bob, account('Bob main'));
    expect(await logs.get(bob, alices.id)).toBeUndefined();
    expect(await logs.rename(bob, alices.id, 'stolen')).toBeUndefined();
    expect(await logs.archive(bob, alices.id)).toBeUndefined();
    expect(await logs.reactivate(bob, alices.id)).toBeUndefined();
    expect(await logs.setDefault(bob, alices.id)).toBeUndefined();
    expect((await logs.list(bob)).map((l) => l.name)).toEqual(['Bob main']);
    // Alice's log is untouched and Bob kept his own default.
    expect(await logs.get(alice, alices.id)).toEqual(alices);
    expect((await logs.getDefault(bob))?.name).toBe('Bob main');
  });

  it('answers undefined for an id that never existed', async () => {
    expect(await logs.get(alice, randomUUID())).toBeUndefined();
    expect(await logs.setDefault(alice, randomUUID())).toBeUndefined();
    expect(await logs.getDefault(alice)).toBeUndefined();
  });

  it('edits name, currency and starting capital exactly, leaving what was not sent', async () => {
    const log = await logs.create(alice, account('Cash'));
    clock += 1000;
    expect(await logs.edit(alice, log.id, { startingCapitalMicros: parseMicros('30000.125') })).toMatchObject({ name: 'Cash', currency: 'USD', startingCapitalMicros: 30_000_125_000, updatedAt: clock });
    expect(await logs.edit(alice, log.id, { name: 'Cash EUR', currency: 'EUR' })).toMatchObject({ name: 'Cash EUR', currency: 'EUR', startingCapitalMicros: 30_000_125_000 });
  });

  it("deletes a log, and never another user's", async () => {
    const alices = await logs.create(alice, account('Alice only'));
    expect(await logs.edit(bob, alices.id, { name: 'stolen' })).toBeUndefined();
    expect(await logs.remove(bob, alices.id)).toBe(false);
    expect(await logs.get(alice, alices.id)).toEqual(alices);
    expect(await logs.remove(alice, alices.id)).toBe(true);
    expect(await logs.get(alice, alices.id)).toBeUndefined();
    expect(await logs.remove(alice, alices.id)).toBe(false);
  });
});
