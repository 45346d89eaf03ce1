import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { JOURNAL_ATTACHMENT_MAX_BYTES } from '@marketswarm/shared/dto';
import type { JournalDb } from '../database/journal-db.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { AttachmentsRepository } from './attachments/attachments.repository.js';
import { EntriesRepository } from './entries.repository.js';
import { foreignTradeIds } from './linked-trades.js';
import { RetrospectivesRepository } from './retrospectives/retrospectives.repository.js';

const T0 = Date.UTC(2026, 11, 7);

async function tradeOf(db: Kysely<JournalDb>, userId: string): Promise<string> {
  const logId = randomUUID();
  await db.insertInto('trade_logs').values({ id: logId, user_id: userId, name: 'Main', currency: 'USD', starting_capital_micros: 0, is_default: 0, archived_at: null, created_at: T0, updated_at: T0 }).execute();
  const id = randomUUID();
  await db
    .insertInto('trades')
    .values({ id, user_id: userId, log_id: logId, symbol: 'SPX', strategy: 'single', side: 'long', quantity_micros: 1_000_000, opened_at: T0, closed_at: T0 + 1, status: 'closed', gross_micros: 0, fees_micros: 0, net_micros: 0, risk_micros: null, notes: '', market_at_entry: null, group_key: null, group_hash: null, computed_risk_micros: null, created_at: T0, updated_at: T0 })
    .execute();
  return id;
}

describeOnBothDialects('journal entries storage', (fixture) => {
  let entries: EntriesRepository;
  let retrospectives: RetrospectivesRepository;
  let attachments: AttachmentsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    entries = new EntriesRepository(fixture.db(), () => T0);
    retrospectives = new RetrospectivesRepository(fixture.db(), () => T0);
    attachments = new AttachmentsRepository(fixture.db(), () => T0);
    alice = randomUUID();
    bob = randomUUID();
  });

  it('keeps one entry per user and date, replacing links only when given, and lists dates per user', async () => {
    const trade = await tradeOf(fixture.db(), alice);
    expect(await entries.put(alice, '2026-12-07', '<p>a</p>', [trade, trade])).toMatchObject({ date: '2026-12-07', content: '<p>a</p>', tradeIds: [trade], createdAt: T0 });
    expect(await entries.put(alice, '2026-12-07', '<p>b</p>', undefined)).toMatchObject({ content: '<p>b</p>', tradeIds: [trade] });
    await entries.put(bob, '2026-12-07', '<p>bob</p>', []);
    await entries.put(alice, '2026-12-09', '', []);
    expect(await entries.datesBetween(alice, '2026-12-01', '2026-12-31')).toEqual(['2026-12-07', '2026-12-09']);
    expect(await entries.datesBetween(alice, '2026-12-08', '2026-12-31')).toEqual(['2026-12-09']);
    const rows = await fixture.db().selectFrom('journal_entries').select('id').where('user_id', '=', alice).execute();
    expect(rows).toHaveLength(2);
    expect(await entries.ensure(alice, '2026-12-07')).toBe((await fixture.db().selectFrom('journal_entries').select('id').where('user_id', '=', alice).where('entry_date', '=', '2026-12-07').executeTakeFirstOrThrow()).id);
  });

  it('creates a day\'s entry once under concurrent first writes', async () => {
    const ids = await Promise.all([entries.ensure(alice, '2026-12-10'), entries.ensure(alice, '2026-12-10'), entries.ensure(alice, '2026-12-10')]);
    expect(new Set(ids).size).toBe(1);
  });

  it('unlinks a deleted trade, and drops attachment rows with their entry', async () => {
    const trade = await tradeOf(fixture.db(), alice);
    await entries.put(alice, '2026-12-11', '', [trade]);
    const entryId = await entries.ensure(alice, '2026-12-11');
    const id = randomUUID();
    await attachments.insert(alice, { id, entryId, fileName: 'x.png', contentType: 'image/png', sha256: 'ab', bytes: Buffer.alloc(67, 1) });
    expect(await attachments.ofDate(alice, '2026-12-11')).toEqual([{ id, date: '2026-12-11', fileName: 'x.png', contentType: 'image/png', size: 67, sha256: 'ab', createdAt: T0 }]);
    expect(await attachments.get(bob, id)).toBeUndefined();
    expect(await attachments.remove(bob, id)).toBe(false);

    await fixture.db().deleteFrom('trades').where('id', '=', trade).execute();
    expect((await entries.get(alice, '2026-12-11'))?.tradeIds).toEqual([]);
    expect(await entries.remove(bob, '2026-12-11')).toBe(false);
    expect(await entries.remove(alice, '2026-12-11')).toBe(true);
    expect(await attachments.get(alice, id)).toBeUndefined();
  });

  it('gives back an attachment\'s bytes exactly as stored, every byte value and a full 5 MiB, to its owner only', async () => {
    const entryId = await entries.ensure(alice, '2026-12-12');
    // Every byte value (NUL, high bytes, invalid UTF-8) then random noise: no text decoding on the way.
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const full = Buffer.concat([everyByte, randomBytes(JOURNAL_ATTACHMENT_MAX_BYTES - everyByte.length)]);
    const small = randomUUID();
    const large = randomUUID();
    await attachments.insert(alice, { id: small, entryId, fileName: 'bytes.txt', contentType: 'text/plain', sha256: 'x', bytes: everyByte });
    await attachments.insert(alice, { id: large, entryId, fileName: 'big.pdf', contentType: 'application/pdf', sha256: 'y', bytes: full });

    const smallBack = await attachments.withContent(alice, small);
    expect(Buffer.isBuffer(smallBack?.bytes)).toBe(true);
    expect(smallBack?.bytes.equals(everyByte)).toBe(true);
    expect(smallBack?.attachment).toMatchObject({ id: small, date: '2026-12-12', size: 256 });
    const largeBack = await attachments.withContent(alice, large);
    expect(largeBack?.bytes.length).toBe(JOURNAL_ATTACHMENT_MAX_BYTES);
    expect(largeBack?.bytes.equals(full)).toBe(true);
    expect(largeBack?.attachment.size).toBe(JOURNAL_ATTACHMENT_MAX_BYTES);

    expect(await attachments.withContent(bob, large)).toBeUndefined();
    // The listing carries metadata only.
    expect((await attachments.ofDate(alice, '2026-12-12')).map((a) => Object.keys(a).sort())).toEqual([
      ['contentType', 'createdAt', 'date', 'fileName', 'id', 'sha256', 'size'],
      ['contentType', 'createdAt', 'date', 'fileName', 'id', 'sha256', 'size'],
    ]);
    expect(await attachments.remove(alice, large)).toBe(true);
    expect(await attachments.withContent(alice, large)).toBeUndefined();
  });

  it('holds one retrospective per user, period and start, and treats another user\'s as not there', async () => {
    const week = { period: 'week' as const, start: '2026-12-07', end: '2026-12-13', content: '' };
    const created = await retrospectives.create(alice, week);
    if (created === 'duplicate') throw new Error('setup');
    expect(await retrospectives.create(alice, week)).toBe('duplicate');
    expect(await retrospectives.create(alice, { ...week, period: 'month', start: '2026-12-01', end: '2026-12-31' })).toMatchObject({ period: 'month' });
    expect(await retrospectives.create(bob, week)).toMatchObject({ start: '2026-12-07' });
    const next = await retrospectives.create(alice, { ...week, start: '2026-12-14', end: '2026-12-20' });
    if (next === 'duplicate') throw new Error('setup');
    expect(await retrospectives.update(alice, next.id, week)).toBe('duplicate');
    expect(await retrospectives.update(bob, created.id, { ...week, content: 'x' })).toBeUndefined();
    expect(await retrospectives.get(bob, created.id)).toBeUndefined();
    expect(await retrospectives.remove(bob, created.id)).toBe(false);
    expect((await retrospectives.list(alice)).map((r) => `${r.period} ${r.start}`)).toEqual(['week 2026-12-14', 'week 2026-12-07', 'month 2026-12-01']);
    expect((await retrospectives.list(alice, 'month')).map((r) => r.start)).toEqual(['2026-12-01']);
  });

  it('names the trade ids that are not the user\'s by their place in the list', async () => {
    const mine = await tradeOf(fixture.db(), alice);
    const theirs = await tradeOf(fixture.db(), bob);
    const unknown = randomUUID();
    expect(await foreignTradeIds(fixture.db(), alice, [mine, theirs, mine, unknown])).toEqual([
      { index: 1, id: theirs },
      { index: 3, id: unknown },
    ]);
    expect(await foreignTradeIds(fixture.db(), alice, [])).toEqual([]);
  });
});
