import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_ATTACHMENT_MAX_BYTES, type AttachmentDto, type CalendarDayTradesDto, type CalendarDto, type TradeDto, type EntryAnswerDto, type EntryDatesDto, type EntryDto, type RetrospectiveDto, type RetrospectiveListDto, type TradeLogDto } from '@marketswarm/shared/dto';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';
import { TINY_PNG, WINDOWS_EXE_HEAD } from './attachments/attachment-samples.js';
import { fileForm } from '../testing/journal-fixtures.js';

const $ = (dollars: number) => Math.round(dollars * 1_000_000);

const upload = (file: Buffer | string, name: string, type = 'image/png'): FormData => fileForm(file, name, { type });

/**
 * The journal itself — daily entries, retrospectives, attachments and the P&L calendar — in the
 * real journal on SQLite: what each route answers, that HTML is sanitised on the way in, that
 * uploads are judged by their bytes, and that another user reaches none of it.
 */
describe('journal entries, retrospectives, attachments and calendar routes', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let aliceLog: string;
  let bobLog: string;

  const defaultLog = async (who: SignedInAccount) => (await journal.call<{ logs: TradeLogDto[] }>(who, 'GET', '/api/logs')).body.logs[0]?.id ?? '';

  /** A closed trade written as grouping writes one: what analytics, and so the calendar, read. */
  async function closedTrade(who: SignedInAccount, logId: string, closedAtIso: string, netDollars: number, openedAtIso?: string): Promise<string> {
    const id = randomUUID();
    const closedAt = Date.parse(closedAtIso);
    await journal.database.db
      .insertInto('trades')
      .values({
        id, user_id: who.userId, log_id: logId, symbol: 'SPX', strategy: 'vertical', side: 'credit', quantity_micros: $(1),
        opened_at: openedAtIso === undefined ? closedAt - 3_600_000 : Date.parse(openedAtIso), closed_at: closedAt, status: 'closed', gross_micros: $(netDollars + 1), fees_micros: $(1), net_micros: $(netDollars),
        risk_micros: null, notes: '', market_at_entry: null, group_key: null, group_hash: null, computed_risk_micros: null, created_at: closedAt, updated_at: closedAt,
      })
      .execute();
    return id;
  }

  const storedBytes = async (id: string): Promise<Buffer | undefined> =>
    (await journal.database.db.selectFrom('journal_attachments').select('content').where('id', '=', id).executeTakeFirst())?.content;

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    aliceLog = await defaultLog(alice);
    bobLog = await defaultLog(bob);
  });
  afterAll(async () => {
    await journal?.stop();
  });

  describe('/api/journal/entries', () => {
    it('writes a day\'s entry with its trades and reads it back by date, sanitised', async () => {
      const trade = await closedTrade(alice, aliceLog, '2026-12-01T20:00:00Z', 120);
      const hostile = '<p onclick="alert(1)">Held <strong>the fly</strong><script>alert(document.cookie)</script></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">bad</a> <a href="https://example.com" target="_blank">good</a><iframe src="https://evil.example"></iframe>';
      const put = await journal.call<EntryDto>(alice, 'PUT', '/api/journal/entries/2026-12-01', { content: hostile, tradeIds: [trade, trade] });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const sanitised = '<p>Held <strong>the fly</strong></p><a rel="noopener noreferrer">bad</a> <a href="https://example.com" rel="noopener noreferrer">good</a>';
      expect(put.body).toMatchObject({ date: '2026-12-01', content: sanitised, tradeIds: [trade], attachments: [] });

      const got = await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-01');
      expect(got.body.entry).toEqual(put.body);
      const stored = await journal.database.db.selectFrom('journal_entries').select('content').where('user_id', '=', alice.userId).executeTakeFirstOrThrow();
      expect(stored.content).toBe(sanitised);

      // Sent without tradeIds, the links stay; with [], they go.
      expect((await journal.call<EntryDto>(alice, 'PUT', '/api/journal/entries/2026-12-01', { content: '<p>edited</p>' })).body).toMatchObject({ content: '<p>edited</p>', tradeIds: [trade] });
      expect((await journal.call<EntryDto>(alice, 'PUT', '/api/journal/entries/2026-12-01', { content: '<p>edited</p>', tradeIds: [] })).body.tradeIds).toEqual([]);
    });

    it('answers entry null for a day without one, and lists the dates that have one', async () => {
      expect((await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-11-02')).body).toEqual({ entry: null });
      await journal.call(alice, 'PUT', '/api/journal/entries/2026-11-03', { content: '<p>a</p>' });
      await journal.call(alice, 'PUT', '/api/journal/entries/2026-11-05', { content: '<p>b</p>' });
      const listed = await journal.call<EntryDatesDto>(alice, 'GET', '/api/journal/entries?from=2026-11-01&to=2026-11-30');
      expect(listed.body).toEqual({ from: '2026-11-01', to: '2026-11-30', dates: ['2026-11-03', '2026-11-05'] });
    });

    it('takes content past the services\' 64 KB JSON limit up to 200 KiB, and refuses more naming content', async () => {
      const long = `<p>${'x'.repeat(150 * 1024)}</p>`;
      const big = await journal.call<EntryDto>(alice, 'PUT', '/api/journal/entries/2026-11-10', { content: long });
      expect(big.status, JSON.stringify(big.body).slice(0, 300)).toBe(200);
      expect(big.body.content).toBe(long);
      const tooBig = await journal.call(alice, 'PUT', '/api/journal/entries/2026-11-10', { content: 'x'.repeat(200 * 1024 + 1) });
      expect(tooBig.status).toBe(400);
      expect(tooBig.body).toMatchObject({ code: 'validation', issues: [{ path: 'content', message: 'must be at most 200 KiB of HTML' }] });
      const overLimit = await journal.call(alice, 'PUT', '/api/journal/entries/2026-11-10', { content: '"'.repeat(300 * 1024) });
      expect(overLimit.status).toBe(413);
      expect(overLimit.body).toMatchObject({ code: 'payload-too-large', issues: [{ path: '(body)', message: 'must be at most 512kb' }] });
      // Without a session the body is not read at all: 401, not 413.
      const stranger = await fetch(`${journal.url}/api/journal/entries/2026-11-10`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: '"'.repeat(300 * 1024) }) });
      expect(stranger.status).toBe(401);
    });

    it('answers 400 naming the field for a bad date, a missing content or a missing range', async () => {
      const badDate = await journal.call(alice, 'PUT', '/api/journal/entries/2026-02-30', { content: '' });
      expect(badDate.status).toBe(400);
      expect(badDate.body).toMatchObject({ issues: [{ path: 'date' }] });
      const noContent = await journal.call(alice, 'PUT', '/api/journal/entries/2026-12-02', { tradeIds: [] });
      expect(noContent.status).toBe(400);
      expect(noContent.body).toMatchObject({ issues: [{ path: 'content', message: 'is required' }] });
      const badId = await journal.call(alice, 'PUT', '/api/journal/entries/2026-12-02', { content: '', tradeIds: ['nope'] });
      expect(badId.body).toMatchObject({ issues: [{ path: 'tradeIds.0' }] });
      const noRange = await journal.call(alice, 'GET', '/api/journal/entries');
      expect(noRange.status).toBe(400);
      expect(noRange.body).toMatchObject({ issues: [{ path: 'from' }, { path: 'to' }] });
    });

    it('refuses to link another user\'s or an unknown trade with 404 naming tradeIds[i], writing nothing', async () => {
      const mine = await closedTrade(alice, aliceLog, '2026-12-03T20:00:00Z', 10);
      const bobs = await closedTrade(bob, bobLog, '2026-12-03T20:00:00Z', 10);
      const answer = await journal.call(alice, 'PUT', '/api/journal/entries/2026-12-03', { content: '<p>x</p>', tradeIds: [mine, bobs, randomUUID()] });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: 'tradeIds.1' }, { path: 'tradeIds.2' }] });
      expect((await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-03')).body.entry).toBeNull();
    });

    it('keeps each user\'s entries their own: another user sees none and deletes none (404)', async () => {
      await journal.call(alice, 'PUT', '/api/journal/entries/2026-12-04', { content: '<p>alice</p>' });
      expect((await journal.call<EntryAnswerDto>(bob, 'GET', '/api/journal/entries?date=2026-12-04')).body).toEqual({ entry: null });
      expect((await journal.call<EntryDatesDto>(bob, 'GET', '/api/journal/entries?from=2026-12-01&to=2026-12-31')).body.dates).toEqual([]);
      const del = await journal.call(bob, 'DELETE', '/api/journal/entries/2026-12-04');
      expect(del.status).toBe(404);
      expect(del.body).toMatchObject({ issues: [{ path: 'date' }] });
      expect((await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-04')).body.entry?.content).toBe('<p>alice</p>');
    });

    it('deletes an entry (204), then answers 404 for it, and needs the CSRF header to write', async () => {
      await journal.call(alice, 'PUT', '/api/journal/entries/2026-12-05', { content: '<p>gone soon</p>' });
      expect((await journal.call(alice, 'PUT', '/api/journal/entries/2026-12-05', { content: 'x' }, { csrf: false })).status).toBe(403);
      expect((await journal.call(alice, 'DELETE', '/api/journal/entries/2026-12-05')).status).toBe(204);
      expect((await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-05')).body.entry).toBeNull();
      expect((await journal.call(alice, 'DELETE', '/api/journal/entries/2026-12-05')).status).toBe(404);
    });
  });

  describe('/api/journal/retrospectives', () => {
    it('writes a week\'s retrospective with the week\'s figures, reads, lists, rewrites and deletes it', async () => {
      const carol = await journal.account('carol@example.com');
      const log = await defaultLog(carol);
      // Week of Monday 2026-11-16 in New York: +300 (Mon), −100 (Fri), 0.00 (Sat) → 200 net, 1 win, 1 loss of 3.
      const win = await closedTrade(carol, log, '2026-11-16T15:00:00Z', 300);
      await closedTrade(carol, log, '2026-11-20T20:00:00Z', -100);
      await closedTrade(carol, log, '2026-11-21T15:00:00Z', 0);
      // Monday 23 Nov 01:00Z is still Sunday 22 Nov in New York: inside the week.
      await closedTrade(carol, log, '2026-11-23T01:00:00Z', 50);
      // Monday 23 Nov 15:00Z is the next week.
      await closedTrade(carol, log, '2026-11-23T15:00:00Z', 1000);

      const created = await journal.call<RetrospectiveDto>(carol, 'POST', '/api/journal/retrospectives', { period: 'week', start: '2026-11-16', content: '<p>Good week<script>x()</script></p>', tradeIds: [win] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ period: 'week', start: '2026-11-16', end: '2026-11-22', content: '<p>Good week</p>', tradeIds: [win], figures: { netPnl: 250, trades: 4, wins: 2, losses: 1, winRate: 0.5 } });

      const id = created.body.id;
      expect((await journal.call<RetrospectiveDto>(carol, 'GET', `/api/journal/retrospectives/${id}`)).body).toEqual(created.body);
      const month = await journal.call<RetrospectiveDto>(carol, 'POST', '/api/journal/retrospectives', { period: 'month', start: '2026-11-01', content: '' });
      expect(month.body.figures).toMatchObject({ netPnl: 1250, trades: 5 });
      expect((await journal.call<RetrospectiveListDto>(carol, 'GET', '/api/journal/retrospectives?period=week')).body.retrospectives.map((r) => r.id)).toEqual([id]);
      expect((await journal.call<RetrospectiveListDto>(carol, 'GET', '/api/journal/retrospectives')).body.retrospectives.map((r) => r.start)).toEqual(['2026-11-16', '2026-11-01']);

      const moved = await journal.call<RetrospectiveDto>(carol, 'PUT', `/api/journal/retrospectives/${id}`, { period: 'week', start: '2026-11-23', content: '<p>next</p>', tradeIds: [] });
      expect(moved.body).toMatchObject({ start: '2026-11-23', end: '2026-11-29', tradeIds: [], figures: { netPnl: 1000, trades: 1, winRate: 1 } });

      expect((await journal.call(carol, 'DELETE', `/api/journal/retrospectives/${id}`)).status).toBe(204);
      expect((await journal.call(carol, 'GET', `/api/journal/retrospectives/${id}`)).status).toBe(404);
    });

    it('holds one retrospective per period and start (409 naming start), also when moving one onto another', async () => {
      const first = await journal.call<RetrospectiveDto>(alice, 'POST', '/api/journal/retrospectives', { period: 'week', start: '2026-12-07', content: '' });
      const again = await journal.call(alice, 'POST', '/api/journal/retrospectives', { period: 'week', start: '2026-12-07', content: '' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'conflict', issues: [{ path: 'start' }] });
      const other = await journal.call<RetrospectiveDto>(alice, 'POST', '/api/journal/retrospectives', { period: 'week', start: '2026-12-14', content: '' });
      expect((await journal.call(alice, 'PUT', `/api/journal/retrospectives/${other.body.id}`, { period: 'week', start: '2026-12-07', content: '' })).status).toBe(409);
      // Another user may write the same week.
      expect((await journal.call(bob, 'POST', '/api/journal/retrospectives', { period: 'week', start: '2026-12-07', content: '' })).status).toBe(201);
      expect(first.status).toBe(201);
    });

    it('answers 400 naming start for a week that does not start on Monday or a month not on the 1st, and period for an unknown one', async () => {
      const tuesday = await journal.call(alice, 'POST', '/api/journal/retrospectives', { period: 'week', start: '2026-12-08', content: '' });
      expect(tuesday.status).toBe(400);
      expect(tuesday.body).toMatchObject({ issues: [{ path: 'start', message: 'must be a Monday (a week starts on Monday)' }] });
      const midMonth = await journal.call(alice, 'POST', '/api/journal/retrospectives', { period: 'month', start: '2026-12-15', content: '' });
      expect(midMonth.body).toMatchObject({ issues: [{ path: 'start', message: 'must be the 1st of a month' }] });
      const year = await journal.call(alice, 'POST', '/api/journal/retrospectives', { period: 'year', start: '2026-01-01', content: '' });
      expect(year.body).toMatchObject({ issues: [{ path: 'period' }] });
      expect((await journal.call(alice, 'GET', '/api/journal/retrospectives?period=day')).body).toMatchObject({ issues: [{ path: 'period' }] });
      expect((await journal.call(alice, 'GET', '/api/journal/retrospectives/not-an-id')).body).toMatchObject({ issues: [{ path: 'id' }] });
    });

    it('answers 404 to another user for every route of a retrospective, and for linking their trade', async () => {
      const mine = await journal.call<RetrospectiveDto>(alice, 'POST', '/api/journal/retrospectives', { period: 'month', start: '2026-10-01', content: '<p>mine</p>' });
      const id = mine.body.id;
      expect((await journal.call(bob, 'GET', `/api/journal/retrospectives/${id}`)).status).toBe(404);
      expect((await journal.call(bob, 'PUT', `/api/journal/retrospectives/${id}`, { period: 'month', start: '2026-10-01', content: 'theirs' })).status).toBe(404);
      expect((await journal.call(bob, 'DELETE', `/api/journal/retrospectives/${id}`)).status).toBe(404);
      expect((await journal.call<RetrospectiveListDto>(bob, 'GET', '/api/journal/retrospectives?period=month')).body.retrospectives).toEqual([]);
      const bobsTrade = await closedTrade(bob, bobLog, '2026-10-05T15:00:00Z', 5);
      const link = await journal.call(alice, 'PUT', `/api/journal/retrospectives/${id}`, { period: 'month', start: '2026-10-01', content: '', tradeIds: [bobsTrade] });
      expect(link.status).toBe(404);
      expect(link.body).toMatchObject({ issues: [{ path: 'tradeIds.0' }] });
      expect((await journal.call<RetrospectiveDto>(alice, 'GET', `/api/journal/retrospectives/${id}`)).body.content).toBe('<p>mine</p>');
    });
  });

  describe('/api/journal/entries/:date/attachments and /api/journal/attachments/:id', () => {
    it('stores a real PNG in the database, lists it on the entry and serves it as a sandboxed download', async () => {
      const posted = await journal.call<AttachmentDto>(alice, 'POST', '/api/journal/entries/2026-12-09/attachments', upload(TINY_PNG, 'SPX fly (1).html', 'text/html'));
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
      expect(posted.body).toMatchObject({ date: '2026-12-09', fileName: 'SPX fly (1).png', contentType: 'image/png', size: TINY_PNG.length });

      // In the row itself, so any journal node on the same database serves it.
      expect((await storedBytes(posted.body.id))?.equals(TINY_PNG)).toBe(true);

      // The day had no entry: the upload made an empty one, which lists the attachment.
      const entry = await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-09');
      expect(entry.body.entry).toMatchObject({ content: '', attachments: [posted.body] });

      const res = await fetch(`${journal.url}/api/journal/attachments/${posted.body.id}`, { headers: { cookie: alice.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-disposition')).toBe("attachment; filename=\"SPX fly (1).png\"; filename*=UTF-8''SPX%20fly%20%281%29.png");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe('sandbox');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(TINY_PNG);

      expect((await journal.call(alice, 'DELETE', `/api/journal/attachments/${posted.body.id}`)).status).toBe(204);
      expect(await storedBytes(posted.body.id)).toBeUndefined();
      expect((await journal.call(alice, 'GET', `/api/journal/attachments/${posted.body.id}`)).status).toBe(404);
      expect((await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-09')).body.entry?.attachments).toEqual([]);
    });

    it('takes CSV and plain text by their bytes, and deleting the entry removes them', async () => {
      const csv = await journal.call<AttachmentDto>(alice, 'POST', '/api/journal/entries/2026-12-10/attachments', upload('date,pnl\n2026-12-10,120\n', 'fills.csv', 'application/octet-stream'));
      expect(csv.body).toMatchObject({ contentType: 'text/csv', fileName: 'fills.csv' });
      const text = await journal.call<AttachmentDto>(alice, 'POST', '/api/journal/entries/2026-12-10/attachments', upload('Größe: 2 lots', 'note', 'image/png'));
      expect(text.body).toMatchObject({ contentType: 'text/plain', fileName: 'note.txt' });
      expect((await storedBytes(text.body.id))?.toString('utf8')).toBe('Größe: 2 lots');
      expect((await journal.call(alice, 'DELETE', '/api/journal/entries/2026-12-10')).status).toBe(204);
      expect(await storedBytes(csv.body.id)).toBeUndefined();
      expect(await storedBytes(text.body.id)).toBeUndefined();
      expect((await journal.call(alice, 'GET', `/api/journal/attachments/${csv.body.id}`)).status).toBe(404);
    });

    it('refuses an HTML file renamed .png and an executable (415), an empty file (422), no file (400) and over 5 MiB (413), naming file', async () => {
      const html = await journal.call(alice, 'POST', '/api/journal/entries/2026-12-11/attachments', upload('<!doctype html><script>alert(document.cookie)</script>', 'chart.png'));
      expect(html.status).toBe(415);
      expect(html.body).toMatchObject({ code: 'unsupported-media-type', issues: [{ path: 'file' }] });
      const exe = await journal.call(alice, 'POST', '/api/journal/entries/2026-12-11/attachments', upload(WINDOWS_EXE_HEAD, 'chart.png'));
      expect(exe.status).toBe(415);
      expect(exe.body).toMatchObject({ issues: [{ path: 'file', message: expect.stringContaining('application/x-msdownload') as string }] });
      const empty = await journal.call(alice, 'POST', '/api/journal/entries/2026-12-11/attachments', upload('', 'empty.png'));
      expect(empty.status).toBe(422);
      expect(empty.body).toMatchObject({ code: 'unprocessable', issues: [{ path: 'file' }] });
      const none = await journal.call(alice, 'POST', '/api/journal/entries/2026-12-11/attachments', new FormData());
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({ issues: [{ path: 'file' }] });
      const huge = await journal.call(alice, 'POST', '/api/journal/entries/2026-12-11/attachments', upload(Buffer.alloc(JOURNAL_ATTACHMENT_MAX_BYTES + 1, 'a'), 'huge.txt', 'text/plain'));
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ code: 'payload-too-large' });
      const badDate = await journal.call(alice, 'POST', '/api/journal/entries/2026-13-01/attachments', upload(TINY_PNG, 'x.png'));
      expect(badDate.status).toBe(400);
      expect(badDate.body).toMatchObject({ issues: [{ path: 'date' }] });
      // Nothing refused left an entry behind.
      expect((await journal.call<EntryAnswerDto>(alice, 'GET', '/api/journal/entries?date=2026-12-11')).body.entry).toBeNull();
    });

    it('answers 404 to another user downloading or deleting an attachment, which stays', async () => {
      const posted = await journal.call<AttachmentDto>(alice, 'POST', '/api/journal/entries/2026-12-12/attachments', upload(TINY_PNG, 'mine.png'));
      expect((await journal.call(bob, 'GET', `/api/journal/attachments/${posted.body.id}`)).status).toBe(404);
      expect((await journal.call(bob, 'DELETE', `/api/journal/attachments/${posted.body.id}`)).status).toBe(404);
      expect((await journal.call(bob, 'GET', '/api/journal/attachments/not-an-id')).body).toMatchObject({ issues: [{ path: 'id' }] });
      expect((await journal.call(alice, 'GET', `/api/journal/attachments/${posted.body.id}`)).status).toBe(200);
    });
  });

  describe('/api/journal/calendar', () => {
    it('gives every day of the month with P&L by the day each trade closed in the user\'s zone, the totals and which days have an entry', async () => {
      const dave = await journal.account('dave@example.com');
      const log = await defaultLog(dave);
      await closedTrade(dave, log, '2026-12-01T15:00:00Z', 200);
      await closedTrade(dave, log, '2026-12-01T19:00:00Z', -50);
      // 02:00Z on 3 Dec is 21:00 on 2 Dec in New York.
      await closedTrade(dave, log, '2026-12-03T02:00:00Z', 30);
      // 04:00Z on 1 Dec is still 30 Nov in New York: not December.
      await closedTrade(dave, log, '2026-12-01T04:00:00Z', 999);
      await journal.call(dave, 'PUT', '/api/journal/entries/2026-12-02', { content: '<p>note</p>' });

      const cal = await journal.call<CalendarDto>(dave, 'GET', '/api/journal/calendar?month=2026-12');
      expect(cal.status, JSON.stringify(cal.body)).toBe(200);
      expect(cal.body).toMatchObject({ period: 'month', from: '2026-12-01', to: '2026-12-31', log: 'all', timeZone: 'America/New_York' });
      expect(cal.body.days).toHaveLength(31);
      expect(cal.body.days.slice(0, 3)).toEqual([
        { date: '2026-12-01', netPnl: 150, trades: 2, wins: 1, losses: 1, winRate: 0.5, hasEntry: false },
        { date: '2026-12-02', netPnl: 30, trades: 1, wins: 1, losses: 0, winRate: 1, hasEntry: true },
        { date: '2026-12-03', netPnl: 0, trades: 0, wins: 0, losses: 0, winRate: null, hasEntry: false },
      ]);
      expect(cal.body.totals).toEqual({ netPnl: 180, trades: 3, wins: 2, losses: 1, winRate: 2 / 3, tradingDays: 2 });

      // In Tokyo the same closes fall a day later: the 04:00Z one is 1 Dec 13:00 there, the 02:00Z one 3 Dec.
      expect((await journal.call(dave, 'PUT', '/api/settings/timeZone', { value: 'Asia/Tokyo' })).status).toBe(200);
      const tokyo = await journal.call<CalendarDto>(dave, 'GET', '/api/journal/calendar?week=2026-11-30');
      expect(tokyo.body).toMatchObject({ period: 'week', from: '2026-11-30', to: '2026-12-06', timeZone: 'Asia/Tokyo' });
      expect(tokyo.body.days.map((d) => [d.date, d.netPnl, d.trades])).toEqual([
        ['2026-11-30', 0, 0],
        ['2026-12-01', 999, 1],
        ['2026-12-02', 150, 2],
        ['2026-12-03', 30, 1],
        ['2026-12-04', 0, 0],
        ['2026-12-05', 0, 0],
        ['2026-12-06', 0, 0],
      ]);
    });

    it('reads one log when asked, and answers 404 naming log for another user\'s', async () => {
      const erin = await journal.account('erin@example.com');
      const main = await defaultLog(erin);
      const second = await journal.call<TradeLogDto>(erin, 'POST', '/api/logs', { name: 'Paper', currency: 'USD', startingCapital: 0 });
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      await closedTrade(erin, main, '2026-12-08T15:00:00Z', 10);
      await closedTrade(erin, second.body.id, '2026-12-08T16:00:00Z', 20);
      expect((await journal.call<CalendarDto>(erin, 'GET', '/api/journal/calendar?week=2026-12-07')).body.totals.netPnl).toBe(30);
      expect((await journal.call<CalendarDto>(erin, 'GET', `/api/journal/calendar?week=2026-12-07&log=${second.body.id}`)).body.totals.netPnl).toBe(20);
      const foreign = await journal.call(erin, 'GET', `/api/journal/calendar?week=2026-12-07&log=${bobLog}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toMatchObject({ issues: [{ path: 'log' }] });
      // Bob's own calendar has none of Erin's trades.
      expect((await journal.call<CalendarDto>(bob, 'GET', '/api/journal/calendar?week=2026-12-07')).body.totals.trades).toBe(0);
    });

    it('answers 400 naming week for a week not starting on Monday, and month for a bad or missing one', async () => {
      const tuesday = await journal.call(alice, 'GET', '/api/journal/calendar?week=2026-12-08');
      expect(tuesday.status).toBe(400);
      expect(tuesday.body).toMatchObject({ issues: [{ path: 'week', message: 'must be a Monday (a week starts on Monday)' }] });
      expect((await journal.call(alice, 'GET', '/api/journal/calendar?month=2026-13')).body).toMatchObject({ issues: [{ path: 'month' }] });
      expect((await journal.call(alice, 'GET', '/api/journal/calendar')).body).toMatchObject({ issues: [{ path: 'month' }] });
      expect((await journal.call(alice, 'GET', '/api/journal/calendar?month=2026-12&log=x')).body).toMatchObject({ issues: [{ path: 'log' }] });
    });
  });

  describe('/api/journal/calendar/day', () => {
    it('lists the trades that closed that day in the user\'s zone, however long ago they opened, with the calendar\'s figures for the day', async () => {
      const fay = await journal.account('fay@example.com');
      const log = await defaultLog(fay);
      const morning = await closedTrade(fay, log, '2026-12-07T15:00:00Z', 200);
      // Opened 90 days before, closed at 18:00 New York on the 7th.
      const swing = await closedTrade(fay, log, '2026-12-07T23:00:00Z', -50, '2026-09-08T14:00:00Z');
      // 04:30Z on the 8th is 23:30 on the 7th in New York: the 7th's, the last to close.
      const late = await closedTrade(fay, log, '2026-12-08T04:30:00Z', 30);
      // 05:30Z on the 8th is 00:30 on the 8th in New York: the next day's, though UTC-close to the others.
      const nextDay = await closedTrade(fay, log, '2026-12-08T05:30:00Z', 999);
      // Opened that day, still open: no close, no place on the day.
      await journal.database.db.updateTable('trades').set({ status: 'open', closed_at: null }).where('id', '=', await closedTrade(fay, log, '2026-12-07T16:00:00Z', 0)).execute();
      expect((await journal.call(fay, 'PATCH', `/api/trades/${morning}`, { tags: [{ name: 'fomc' }], notes: 'held the fly' })).status).toBe(200);

      const day = await journal.call<CalendarDayTradesDto>(fay, 'GET', '/api/journal/calendar/day?date=2026-12-07');
      expect(day.status, JSON.stringify(day.body)).toBe(200);
      expect(day.body).toMatchObject({ date: '2026-12-07', log: 'all', timeZone: 'America/New_York' });
      expect(day.body.trades.map((t) => t.id)).toEqual([morning, swing, late]);
      // Each trade exactly as /api/trades/:id renders it.
      expect(day.body.trades[0]).toEqual((await journal.call<TradeDto>(fay, 'GET', `/api/trades/${morning}`)).body);
      expect(day.body.trades[0]).toMatchObject({ notes: 'held the fly', tags: [{ name: 'fomc' }] });
      expect(day.body.figures).toEqual({ netPnl: 180, trades: 3, wins: 2, losses: 1, winRate: 2 / 3 });

      // The calendar counts the same day the same way.
      const week = await journal.call<CalendarDto>(fay, 'GET', '/api/journal/calendar?week=2026-12-07');
      const { date: _date, hasEntry: _hasEntry, ...calendarDay } = week.body.days[0]!;
      expect(calendarDay).toEqual(day.body.figures);
      expect((await journal.call<CalendarDayTradesDto>(fay, 'GET', '/api/journal/calendar/day?date=2026-12-08')).body.trades.map((t) => t.id)).toEqual([nextDay]);
    });

    it('reads one log when asked, and answers 404 naming log for another user\'s, whose trades it never lists', async () => {
      const gus = await journal.account('gus@example.com');
      const main = await defaultLog(gus);
      const paper = await journal.call<TradeLogDto>(gus, 'POST', '/api/logs', { name: 'Paper', currency: 'USD', startingCapital: 0 });
      const inMain = await closedTrade(gus, main, '2026-12-09T15:00:00Z', 10);
      const inPaper = await closedTrade(gus, paper.body.id, '2026-12-09T16:00:00Z', 20);
      await closedTrade(bob, bobLog, '2026-12-09T17:00:00Z', 5);
      expect((await journal.call<CalendarDayTradesDto>(gus, 'GET', '/api/journal/calendar/day?date=2026-12-09')).body.trades.map((t) => t.id)).toEqual([inMain, inPaper]);
      const onePaper = await journal.call<CalendarDayTradesDto>(gus, 'GET', `/api/journal/calendar/day?date=2026-12-09&log=${paper.body.id}`);
      expect(onePaper.body).toMatchObject({ log: paper.body.id, figures: { netPnl: 20, trades: 1 } });
      expect(onePaper.body.trades.map((t) => t.id)).toEqual([inPaper]);
      const foreign = await journal.call(gus, 'GET', `/api/journal/calendar/day?date=2026-12-09&log=${bobLog}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toMatchObject({ code: 'not-found', issues: [{ path: 'log' }] });
    });

    it('answers 400 naming date for a missing or impossible date, and log for a bad one', async () => {
      const impossible = await journal.call(alice, 'GET', '/api/journal/calendar/day?date=2026-02-30');
      expect(impossible.status).toBe(400);
      expect(impossible.body).toMatchObject({ issues: [{ path: 'date', message: 'must be a date such as 2026-12-07' }] });
      const missing = await journal.call(alice, 'GET', '/api/journal/calendar/day');
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ issues: [{ path: 'date', message: 'is required' }] });
      expect((await journal.call(alice, 'GET', '/api/journal/calendar/day?date=2026-12-07&log=x')).body).toMatchObject({ issues: [{ path: 'log' }] });
    });
  });
});
