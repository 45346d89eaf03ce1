import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResultDto, PlaybookEntryDto, PlaybookEntryStatsDto, PlaybookGroupDto, PlaybookMissedDto, PlaybookStatsDto, PlaybookTradeChecksDto } from '@marketswarm/shared/dto';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalAnswer, type JournalApp } from '../testing/journal-app.js';

/**
 * `/api/playbook/*` in the real journal (AppModule on a migrated SQLite file, sessions in a real
 * system Redis). Every route: the happy path, a refused input naming its field, and another user's
 * group, entry, trade or missed trade answered 404. The stats are checked to the cent on trades
 * entered by hand through `POST /api/logs/:id/trades`.
 */

type Json = Record<string, unknown>;

describe('playbook routes', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let aliceLog: string;
  let bobLog: string;

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    aliceLog = (await journal.call<{ id: string }>(alice, 'POST', '/api/logs', { name: 'Main' })).body.id;
    bobLog = (await journal.call<{ id: string }>(bob, 'POST', '/api/logs', { name: 'Main' })).body.id;
  });

  afterAll(async () => {
    await journal?.stop();
  });

  const call = <T = Json>(who: SignedInAccount, method: string, route: string, body?: unknown): Promise<JournalAnswer<T>> => journal.call<T>(who, method, route, body);

  const expectRefused = (answer: JournalAnswer<unknown>, field: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body).toMatchObject({ code: 'validation' });
    expect(((answer.body as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path)).toContain(field);
  };

  const expectAnswer = (answer: JournalAnswer<unknown>, status: number, code: string, field: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body).toMatchObject({ code, issues: [{ path: field }] });
  };

  const expectNotFound = (answer: JournalAnswer<unknown>, field = 'id') => expectAnswer(answer, 404, 'not-found', field);

  const newEntry = async (who: SignedInAccount, body: Json): Promise<PlaybookEntryDto> => {
    const created = await call<PlaybookEntryDto>(who, 'POST', '/api/playbook/entries', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };

  /**
   * A stock trade typed by hand: 100 shares bought at `open` at 10:00 New York time on `date`, and
   * sold at `close` at 11:00 when given. No fees, so net = (close − open) × 100.
   */
  const enter = async (who: SignedInAccount, log: string, symbol: string, date: string, open: number, close?: number): Promise<string> => {
    const fill = (side: 'buy' | 'sell', positionEffect: 'open' | 'close', price: number, time: string) => ({ executedAt: `${date}T${time}:00-05:00`, instrument: { kind: 'stock', symbol }, side, positionEffect, quantity: 100, price });
    const fills = [fill('buy', 'open', open, '10:00'), ...(close === undefined ? [] : [fill('sell', 'close', close, '11:00')])];
    const entered = await call<IngestResultDto>(who, 'POST', `/api/logs/${log}/trades`, { fills });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const [trade] = entered.body.trades;
    expect(trade).toMatchObject({ status: close === undefined ? 'open' : 'closed', ...(close !== undefined && { net: Math.round((close - open) * 100 * 100) / 100 }) });
    return trade?.id ?? '';
  };

  describe('groups', () => {
    it('creates groups in order within their kind, lists them by kind then position, renames and moves them', async () => {
      const first = await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Before the open', kind: 'market-conditions' });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ name: 'Before the open', kind: 'market-conditions', position: 0 });
      const second = await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Regime', kind: 'market-conditions' });
      expect(second.body.position).toBe(1);
      const entries = await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: '  Entries  ', kind: 'entry', position: 5 });
      expect(entries.body).toMatchObject({ name: 'Entries', kind: 'entry', position: 5 });

      const moved = await call<PlaybookGroupDto>(alice, 'PATCH', `/api/playbook/groups/${second.body.id}`, { name: 'Volatility regime', position: 0 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: second.body.id, name: 'Volatility regime', position: 0 });

      const list = await call<{ groups: PlaybookGroupDto[] }>(alice, 'GET', '/api/playbook/groups');
      expect(list.status).toBe(200);
      // By kind, then position, then name: both market-conditions groups are at 0 now.
      expect(list.body.groups.map((g) => g.name)).toEqual(['Entries', 'Before the open', 'Volatility regime']);
      expect((await call<{ groups: unknown[] }>(bob, 'GET', '/api/playbook/groups')).body.groups).toEqual([]);
    });

    it('deletes a group and leaves its entries ungrouped', async () => {
      const group = (await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Exits', kind: 'exit' })).body;
      const entry = await newEntry(alice, { kind: 'rule', title: 'Take 50 % of max profit', groupId: group.id });
      expect(entry.groupId).toBe(group.id);
      const removed = await call(alice, 'DELETE', `/api/playbook/groups/${group.id}`);
      expect(removed.status).toBe(204);
      expect((await call<PlaybookEntryDto>(alice, 'GET', `/api/playbook/entries/${entry.id}`)).body.groupId).toBeNull();
      expectNotFound(await call(alice, 'DELETE', `/api/playbook/groups/${group.id}`));
    });

    it('refuses a bad group naming the field', async () => {
      expectRefused(await call(alice, 'POST', '/api/playbook/groups', { name: '', kind: 'entry' }), 'name');
      expectRefused(await call(alice, 'POST', '/api/playbook/groups', { name: 'Stops', kind: 'stops' }), 'kind');
      expectRefused(await call(alice, 'POST', '/api/playbook/groups', { name: 'Stops', kind: 'exit', position: 1.5 }), 'position');
      const group = (await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Stops', kind: 'exit' })).body;
      expectRefused(await call(alice, 'PATCH', `/api/playbook/groups/${group.id}`, { position: -1 }), 'position');
      expectRefused(await call(alice, 'PATCH', `/api/playbook/groups/${group.id}`, {}), '(root)');
      expectRefused(await call(alice, 'PATCH', '/api/playbook/groups/not-a-uuid', { name: 'x' }), 'id');
    });

    it("answers another user's group as not found", async () => {
      const group = (await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Mine', kind: 'entry' })).body;
      expectNotFound(await call(bob, 'PATCH', `/api/playbook/groups/${group.id}`, { name: 'Theirs' }));
      expectNotFound(await call(bob, 'DELETE', `/api/playbook/groups/${group.id}`));
      expectNotFound(await call(bob, 'POST', '/api/playbook/entries', { kind: 'rule', title: 'Borrowed', groupId: group.id }), 'groupId');
      expectNotFound(await call(bob, 'GET', `/api/playbook/entries?group=${group.id}`), 'group');
      expect((await call<PlaybookGroupDto>(alice, 'PATCH', `/api/playbook/groups/${group.id}`, { kind: 'exit' })).body).toMatchObject({ name: 'Mine', kind: 'exit' });
    });
  });

  describe('entries', () => {
    it('keeps the body exactly as written (text, never rendered), dedupes tags, starts as a draft', async () => {
      const group = (await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Opening', kind: 'entry' })).body;
      const body = '# Opening range\n\nWait for the **first 30 minutes**.\n<script>alert(1)</script>';
      const entry = await newEntry(alice, { kind: 'pattern', title: 'Opening range breakout', body, groupId: group.id, tags: ['ORB', 'open', 'ORB'] });
      expect(entry).toMatchObject({ kind: 'pattern', status: 'draft', title: 'Opening range breakout', body, groupId: group.id, tags: ['ORB', 'open'], retiredAt: null });
      expect((await call<PlaybookEntryDto>(alice, 'GET', `/api/playbook/entries/${entry.id}`)).body).toEqual(entry);
    });

    it('lists entries filtered by kind, status and group', async () => {
      const group = (await call<PlaybookGroupDto>(alice, 'POST', '/api/playbook/groups', { name: 'Filters', kind: 'market-conditions' })).body;
      const vix = await newEntry(alice, { kind: 'filter', status: 'active', title: 'VIX under 25', groupId: group.id });
      const news = await newEntry(alice, { kind: 'filter', title: 'No trades into CPI' });
      // Oldest first; two entries made in the same millisecond may come in either order.
      const ids = async (query: string) => (await call<{ entries: PlaybookEntryDto[] }>(alice, 'GET', `/api/playbook/entries${query}`)).body.entries.map((e) => e.id);
      expect((await ids('?kind=filter')).sort()).toEqual([vix.id, news.id].sort());
      expect(await ids('?kind=filter&status=active')).toEqual([vix.id]);
      expect(await ids(`?group=${group.id}`)).toEqual([vix.id]);
      expect((await call<{ entries: unknown[] }>(bob, 'GET', '/api/playbook/entries')).body.entries).toEqual([]);
      expectRefused(await call(alice, 'GET', '/api/playbook/entries?status=live'), 'status');
      expectRefused(await call(alice, 'GET', '/api/playbook/entries?kind=idea'), 'kind');
    });

    it('retires an entry (stamping when) and brings it back', async () => {
      const entry = await newEntry(alice, { kind: 'constraint', status: 'active', title: 'Max 3 trades a day' });
      const retired = await call<PlaybookEntryDto>(alice, 'PATCH', `/api/playbook/entries/${entry.id}`, { status: 'retired' });
      expect(retired.status).toBe(200);
      expect(retired.body).toMatchObject({ status: 'retired', retiredAt: expect.any(Number) as unknown });
      const renamed = await call<PlaybookEntryDto>(alice, 'PATCH', `/api/playbook/entries/${entry.id}`, { title: 'Max 2 trades a day' });
      // An edit that leaves the status alone keeps when it was retired.
      expect(renamed.body).toMatchObject({ title: 'Max 2 trades a day', status: 'retired', retiredAt: retired.body.retiredAt });
      const back = await call<PlaybookEntryDto>(alice, 'PATCH', `/api/playbook/entries/${entry.id}`, { status: 'active', tags: ['discipline'] });
      expect(back.body).toMatchObject({ status: 'active', retiredAt: null, tags: ['discipline'] });
      expect((await call(alice, 'DELETE', `/api/playbook/entries/${entry.id}`)).status).toBe(204);
      expectNotFound(await call(alice, 'GET', `/api/playbook/entries/${entry.id}`));
    });

    it('refuses a bad entry naming the field', async () => {
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'rule', title: '   ' }), 'title');
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'rule', title: 'x'.repeat(201) }), 'title');
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'rule', title: 'Long', body: 'x'.repeat(20_001) }), 'body');
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'idea', title: 'Idea' }), 'kind');
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'rule', title: 'Rule', status: 'live' }), 'status');
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'rule', title: 'Rule', groupId: 'group-1' }), 'groupId');
      expectRefused(await call(alice, 'POST', '/api/playbook/entries', { kind: 'rule', title: 'Rule', tags: [''] }), 'tags.0');
      const entry = await newEntry(alice, { kind: 'rule', title: 'Rule' });
      expectRefused(await call(alice, 'PATCH', `/api/playbook/entries/${entry.id}`, {}), '(root)');
      expectRefused(await call(alice, 'DELETE', `/api/playbook/entries/${entry.id}?force=yes`), 'force');
    });

    it("answers another user's entry as not found", async () => {
      const entry = await newEntry(alice, { kind: 'warning', title: 'Revenge trading' });
      expectNotFound(await call(bob, 'GET', `/api/playbook/entries/${entry.id}`));
      expectNotFound(await call(bob, 'PATCH', `/api/playbook/entries/${entry.id}`, { title: 'Mine now' }));
      expectNotFound(await call(bob, 'DELETE', `/api/playbook/entries/${entry.id}?force=true`));
      const bobGroup = (await call<PlaybookGroupDto>(bob, 'POST', '/api/playbook/groups', { name: 'Bob', kind: 'entry' })).body;
      expectNotFound(await call(alice, 'PATCH', `/api/playbook/entries/${entry.id}`, { groupId: bobGroup.id }), 'groupId');
      expect((await call<PlaybookEntryDto>(alice, 'GET', `/api/playbook/entries/${entry.id}`)).body).toMatchObject({ title: 'Revenge trading', groupId: null });
    });
  });

  describe('check-offs, missed trades and stats', () => {
    // Alice's week: AAA +300, BBB +150, CCC −200 followed "no entry before 10"; DDD −450, EEE +100 broke it;
    // FFF is still open (broke it too); GGG +50, in a second log, followed it.
    let rule: PlaybookEntryDto;
    let warning: PlaybookEntryDto;
    let pattern: PlaybookEntryDto;
    let draft: PlaybookEntryDto;
    let t: Record<'aaa' | 'bbb' | 'ccc' | 'ddd' | 'eee' | 'fff' | 'ggg', string>;
    let secondLog: string;
    let bobTrade: string;
    let bobRule: PlaybookEntryDto;

    beforeAll(async () => {
      rule = await newEntry(alice, { kind: 'rule', status: 'active', title: 'No entry before 10:00' });
      warning = await newEntry(alice, { kind: 'warning', status: 'active', title: 'Size down after two losses' });
      pattern = await newEntry(alice, { kind: 'pattern', status: 'active', title: 'Opening drive' });
      draft = await newEntry(alice, { kind: 'rule', title: 'Only A+ setups' });
      secondLog = (await call<{ id: string }>(alice, 'POST', '/api/logs', { name: 'Second' })).body.id;
      t = {
        aaa: await enter(alice, aliceLog, 'AAA', '2026-12-07', 10, 13),
        bbb: await enter(alice, aliceLog, 'BBB', '2026-12-08', 20, 21.5),
        ccc: await enter(alice, aliceLog, 'CCC', '2026-12-09', 30, 28),
        ddd: await enter(alice, aliceLog, 'DDD', '2026-12-10', 40, 35.5),
        eee: await enter(alice, aliceLog, 'EEE', '2026-12-11', 50, 51),
        fff: await enter(alice, aliceLog, 'FFF', '2026-12-11', 60),
        ggg: await enter(alice, secondLog, 'GGG', '2026-12-11', 5, 5.5),
      };
      bobTrade = await enter(bob, bobLog, 'BOB', '2026-12-07', 1, 2);
      bobRule = await newEntry(bob, { kind: 'rule', status: 'active', title: 'Bob rule' });
    });

    const put = (who: SignedInAccount, tradeId: string, checks: { entryId: string; followed: unknown }[]) => call<PlaybookTradeChecksDto>(who, 'PUT', `/api/playbook/trades/${tradeId}/checks`, { checks });

    it('replaces a trade\'s check-offs and reads them back with each entry\'s title', async () => {
      const first = await put(alice, t.aaa, [
        { entryId: rule.id, followed: true },
        { entryId: warning.id, followed: false },
      ]);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.tradeId).toBe(t.aaa);
      expect(first.body.checks.map((c) => [c.title, c.kind, c.followed]).sort()).toEqual([
        ['No entry before 10:00', 'rule', true],
        ['Size down after two losses', 'warning', false],
      ]);
      // The set is replaced, not merged: the warning is gone.
      const second = await put(alice, t.aaa, [{ entryId: rule.id, followed: true }]);
      expect(second.body.checks.map((c) => c.entryId)).toEqual([rule.id]);
      const read = await call<PlaybookTradeChecksDto>(alice, 'GET', `/api/playbook/trades/${t.aaa}/checks`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(second.body);
      expect((await put(alice, t.bbb, [])).body.checks).toEqual([]);
    });

    it('refuses a bad check-off naming the field, and a pattern or a draft with 422', async () => {
      expectRefused(await put(alice, t.aaa, [{ entryId: 'rule-1', followed: true }]), 'checks.0.entryId');
      expectRefused(await put(alice, t.aaa, [{ entryId: rule.id, followed: 'yes' }]), 'checks.0.followed');
      expectRefused(
        await put(alice, t.aaa, [
          { entryId: rule.id, followed: true },
          { entryId: rule.id, followed: false },
        ]),
        'checks.1.entryId',
      );
      expectRefused(await call(alice, 'PUT', `/api/playbook/trades/${t.aaa}/checks`, {}), 'checks');
      expectRefused(await call(alice, 'GET', '/api/playbook/trades/not-a-trade/checks'), 'tradeId');
      expectAnswer(await put(alice, t.aaa, [{ entryId: pattern.id, followed: true }]), 422, 'unprocessable', 'checks.0.entryId');
      expectAnswer(
        await put(alice, t.aaa, [
          { entryId: rule.id, followed: true },
          { entryId: draft.id, followed: true },
        ]),
        422,
        'unprocessable',
        'checks.1.entryId',
      );
      // Nothing changed on any refusal.
      expect((await call<PlaybookTradeChecksDto>(alice, 'GET', `/api/playbook/trades/${t.aaa}/checks`)).body.checks.map((c) => c.entryId)).toEqual([rule.id]);
    });

    it("answers another user's trade, or an entry of another user, as not found", async () => {
      expectNotFound(await call(bob, 'GET', `/api/playbook/trades/${t.aaa}/checks`), 'tradeId');
      expectNotFound(await put(bob, t.aaa, [{ entryId: bobRule.id, followed: true }]), 'tradeId');
      expectNotFound(await put(alice, t.aaa, [{ entryId: bobRule.id, followed: true }]), 'checks.0.entryId');
      expectNotFound(await put(bob, bobTrade, [{ entryId: rule.id, followed: true }]), 'checks.0.entryId');
      expect((await put(bob, bobTrade, [{ entryId: bobRule.id, followed: false }])).status).toBe(200);
    });

    it('records missed trades, lists them newest first by entry and time, edits and deletes them', async () => {
      const first = await call<PlaybookMissedDto>(alice, 'POST', '/api/playbook/missed', { entryId: pattern.id, at: '2026-12-08T09:45:00-05:00', symbol: 'SPX', direction: 'long', note: 'Saw it, froze', estimatedPnl: 400 });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ entryId: pattern.id, at: Date.parse('2026-12-08T14:45:00Z'), symbol: 'SPX', direction: 'long', note: 'Saw it, froze', estimatedPnl: 400 });
      const second = await call<PlaybookMissedDto>(alice, 'POST', '/api/playbook/missed', { entryId: pattern.id, at: Date.parse('2026-12-10T15:00:00Z'), symbol: 'NDX' });
      expect(second.body).toMatchObject({ direction: null, note: '', estimatedPnl: null });
      const edited = await call<PlaybookMissedDto>(alice, 'PATCH', `/api/playbook/missed/${second.body.id}`, { estimatedPnl: -125.5, direction: 'short' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: second.body.id, symbol: 'NDX', estimatedPnl: -125.5, direction: 'short' });
      // A third, outside the week the stats below ask for.
      const third = await call<PlaybookMissedDto>(alice, 'POST', '/api/playbook/missed', { entryId: pattern.id, at: '2026-12-20T10:00:00-05:00', symbol: 'RUT', estimatedPnl: 999 });
      const ids = async (query: string) => (await call<{ missed: PlaybookMissedDto[] }>(alice, 'GET', `/api/playbook/missed${query}`)).body.missed.map((m) => m.id);
      expect(await ids('')).toEqual([third.body.id, second.body.id, first.body.id]);
      expect(await ids(`?entry=${pattern.id}&from=2026-12-09&to=2026-12-15`)).toEqual([second.body.id]);
      expect(await ids(`?entry=${rule.id}`)).toEqual([]);

      const scratch = await call<PlaybookMissedDto>(alice, 'POST', '/api/playbook/missed', { entryId: rule.id, at: 1, symbol: 'X' });
      expect((await call(alice, 'DELETE', `/api/playbook/missed/${scratch.body.id}`)).status).toBe(204);
      expectNotFound(await call(alice, 'PATCH', `/api/playbook/missed/${scratch.body.id}`, { note: 'gone' }));
    });

    it('refuses a bad missed trade naming the field', async () => {
      const ok = { entryId: pattern.id, at: '2026-12-08T09:45:00-05:00', symbol: 'SPX' };
      expectRefused(await call(alice, 'POST', '/api/playbook/missed', { ...ok, symbol: ' ' }), 'symbol');
      expectRefused(await call(alice, 'POST', '/api/playbook/missed', { ...ok, at: 'yesterday' }), 'at');
      expectRefused(await call(alice, 'POST', '/api/playbook/missed', { ...ok, estimatedPnl: 1.0000001 }), 'estimatedPnl');
      expectRefused(await call(alice, 'POST', '/api/playbook/missed', { ...ok, direction: 'up' }), 'direction');
      expectRefused(await call(alice, 'POST', '/api/playbook/missed', { ...ok, entryId: undefined }), 'entryId');
      expectRefused(await call(alice, 'GET', '/api/playbook/missed?from=last-week'), 'from');
      const missed = (await call<{ missed: PlaybookMissedDto[] }>(alice, 'GET', '/api/playbook/missed')).body.missed[0];
      expectRefused(await call(alice, 'PATCH', `/api/playbook/missed/${missed?.id ?? ''}`, {}), '(root)');
    });

    it("answers another user's missed trade or entry as not found", async () => {
      const missed = (await call<{ missed: PlaybookMissedDto[] }>(alice, 'GET', '/api/playbook/missed')).body.missed[0];
      const id = missed?.id ?? '';
      expectNotFound(await call(bob, 'PATCH', `/api/playbook/missed/${id}`, { note: 'mine' }));
      expectNotFound(await call(bob, 'DELETE', `/api/playbook/missed/${id}`));
      expectNotFound(await call(bob, 'POST', '/api/playbook/missed', { entryId: pattern.id, at: 1, symbol: 'SPX' }), 'entryId');
      expectNotFound(await call(alice, 'PATCH', `/api/playbook/missed/${id}`, { entryId: bobRule.id }), 'entryId');
      expectNotFound(await call(bob, 'GET', `/api/playbook/missed?entry=${pattern.id}`), 'entry');
      expect((await call<{ missed: unknown[] }>(bob, 'GET', '/api/playbook/missed')).body.missed).toEqual([]);
    });

    it('figures each entry from the closed trades that followed and broke it, to the cent', async () => {
      for (const [trade, followed] of [
        [t.bbb, true],
        [t.ccc, true],
        [t.ddd, false],
        [t.eee, false],
        [t.fff, false],
        [t.ggg, true],
      ] as const) {
        expect((await put(alice, trade, [{ entryId: rule.id, followed }])).status).toBe(200);
      }
      expect((await put(alice, t.eee, [{ entryId: rule.id, followed: false }, { entryId: warning.id, followed: true }])).status).toBe(200);

      const stats = await call<PlaybookStatsDto>(alice, 'GET', `/api/playbook/stats?log=${aliceLog}&from=2026-12-07&to=2026-12-14`);
      expect(stats.status, JSON.stringify(stats.body)).toBe(200);
      expect(stats.body).toMatchObject({ log: aliceLog, from: Date.parse('2026-12-07'), to: Date.parse('2026-12-14') });
      const of = (id: string): PlaybookEntryStatsDto | undefined => stats.body.entries.find((e) => e.entryId === id);
      // Followed: AAA (13 − 10) × 100 = +300, BBB +150, CCC −200 → net $250, 2 of 3 won, PF 450 / 200 = 2.25.
      // Broken: DDD (35.50 − 40) × 100 = −450, EEE +100 → net −$350, 1 of 2, PF 100 / 450. FFF is open: not counted;
      // GGG is in the second log: not in this log's stats. Checked 5, followed 3 → 0.6.
      expect(of(rule.id)).toEqual({
        entryId: rule.id,
        title: 'No entry before 10:00',
        kind: 'rule',
        status: 'active',
        checked: 5,
        followRate: 0.6,
        followed: { trades: 3, wins: 2, losses: 1, netPnl: 250, winRate: 2 / 3, profitFactor: 2.25 },
        broken: { trades: 2, wins: 1, losses: 1, netPnl: -350, winRate: 0.5, profitFactor: 100 / 450 },
        missed: { count: 0, estimated: 0, estimatedPnl: 0 },
      });
      // The warning: heeded on EEE (+100); nothing broke it.
      expect(of(warning.id)).toMatchObject({ checked: 1, followRate: 1, followed: { trades: 1, netPnl: 100, winRate: 1, profitFactor: null }, broken: { trades: 0, netPnl: 0, winRate: null, profitFactor: null } });
      // The pattern's missed trades seen that week: +400 and −125.50 → 2 with an estimate, $274.50 (the RUT one is the 20th).
      expect(of(pattern.id)).toMatchObject({ checked: 0, followRate: null, missed: { count: 2, estimated: 2, estimatedPnl: 274.5 } });
      // A draft with nothing checked or missed says nothing.
      expect(of(draft.id)).toBeUndefined();
    });

    it('takes every log by default, and the close-time range bounds the trades', async () => {
      const all = (await call<PlaybookStatsDto>(alice, 'GET', '/api/playbook/stats')).body;
      // GGG (5.50 − 5) × 100 = +50 joins the followed side: 250 + 50 = $300, 3 of 4 won; PF 500 / 200 = 2.5.
      expect(all).toMatchObject({ log: 'all', from: null, to: null });
      expect(all.entries.find((e) => e.entryId === rule.id)).toMatchObject({ checked: 6, followed: { trades: 4, wins: 3, netPnl: 300, winRate: 0.75, profitFactor: 2.5 } });
      expect(all.entries.find((e) => e.entryId === pattern.id)?.missed).toEqual({ count: 3, estimated: 3, estimatedPnl: 1273.5 });
      // From the 10th: DDD, EEE (broken) and GGG (followed) closed.
      const late = (await call<PlaybookStatsDto>(alice, 'GET', `/api/playbook/stats?from=${Date.parse('2026-12-10T00:00:00Z')}`)).body;
      expect(late.entries.find((e) => e.entryId === rule.id)).toMatchObject({ checked: 3, followRate: 1 / 3, broken: { trades: 2, netPnl: -350 }, followed: { trades: 1, netPnl: 50 } });
    });

    it("refuses a bad stats query naming the field, and another user's log as not found", async () => {
      expectRefused(await call(alice, 'GET', '/api/playbook/stats?log=main'), 'log');
      expectRefused(await call(alice, 'GET', '/api/playbook/stats?to=soon'), 'to');
      expectNotFound(await call(alice, 'GET', `/api/playbook/stats?log=${bobLog}`), 'log');
      // Bob's own stats hold only his rule and his trade (BOB +$100, broken).
      const bobs = (await call<PlaybookStatsDto>(bob, 'GET', '/api/playbook/stats')).body;
      expect(bobs.entries).toEqual([expect.objectContaining({ entryId: bobRule.id, checked: 1, broken: expect.objectContaining({ trades: 1, netPnl: 100 }) as unknown })]);
    });

    it('keeps check-offs on a trade regrouped by a later fill, and counts it once it closes', async () => {
      // Closing FFF by hand adds a fill and regroups the log: the trade keeps its id, and its check-off.
      const closed = await call<IngestResultDto>(alice, 'POST', `/api/trades/${t.fff}/close`, { prices: [62], at: '2026-12-11T15:00:00-05:00' });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.trades).toEqual([expect.objectContaining({ id: t.fff, status: 'closed', net: 200 })]);
      expect((await call<PlaybookTradeChecksDto>(alice, 'GET', `/api/playbook/trades/${t.fff}/checks`)).body.checks).toEqual([expect.objectContaining({ entryId: rule.id, followed: false })]);
      const stats = (await call<PlaybookStatsDto>(alice, 'GET', `/api/playbook/stats?log=${aliceLog}`)).body;
      // Broken now: −450 + 100 + 200 = −$150 over 3 trades, 2 won; PF 300 / 450.
      expect(stats.entries.find((e) => e.entryId === rule.id)?.broken).toEqual({ trades: 3, wins: 2, losses: 1, netPnl: -150, winRate: 2 / 3, profitFactor: 300 / 450 });
    });

    it('keeps an entry with history from draft, from becoming a pattern, and from deletion unless forced', async () => {
      expectAnswer(await call(alice, 'PATCH', `/api/playbook/entries/${rule.id}`, { status: 'draft' }), 409, 'conflict', 'status');
      expectAnswer(await call(alice, 'PATCH', `/api/playbook/entries/${rule.id}`, { kind: 'pattern' }), 409, 'conflict', 'kind');
      expectAnswer(await call(alice, 'DELETE', `/api/playbook/entries/${pattern.id}`), 409, 'conflict', 'force');
      expectAnswer(await call(alice, 'DELETE', `/api/playbook/entries/${rule.id}?force=false`), 409, 'conflict', 'force');
      // Retiring keeps the history: the stats still figure it, and a retired rule can still be checked off.
      expect((await call<PlaybookEntryDto>(alice, 'PATCH', `/api/playbook/entries/${rule.id}`, { status: 'retired' })).body.status).toBe('retired');
      expect((await put(alice, t.aaa, [{ entryId: rule.id, followed: true }])).status).toBe(200);
      expect((await call<PlaybookStatsDto>(alice, 'GET', '/api/playbook/stats')).body.entries.find((e) => e.entryId === rule.id)).toMatchObject({ status: 'retired', checked: 7 });

      expect((await call(alice, 'DELETE', `/api/playbook/entries/${rule.id}?force=true`)).status).toBe(204);
      expect((await call<PlaybookTradeChecksDto>(alice, 'GET', `/api/playbook/trades/${t.aaa}/checks`)).body.checks).toEqual([]);
      expect((await call(alice, 'DELETE', `/api/playbook/entries/${pattern.id}?force=true`)).status).toBe(204);
      expect((await call<{ missed: unknown[] }>(alice, 'GET', '/api/playbook/missed')).body.missed).toEqual([]);
    });

    it("deletes a trade's check-offs with the trade (here, with its log)", async () => {
      expect((await call<PlaybookTradeChecksDto>(alice, 'GET', `/api/playbook/trades/${t.eee}/checks`)).body.checks).toEqual([expect.objectContaining({ entryId: warning.id })]);
      const other = (await call<{ id: string }>(alice, 'POST', '/api/logs', { name: 'Scratch' })).body.id;
      const scratch = await enter(alice, other, 'HHH', '2026-12-11', 1, 2);
      expect((await put(alice, scratch, [{ entryId: warning.id, followed: false }])).status).toBe(200);
      expect((await call(alice, 'DELETE', `/api/logs/${other}`)).status).toBe(204);
      expectNotFound(await call(alice, 'GET', `/api/playbook/trades/${scratch}/checks`), 'tradeId');
      const left = await journal.database.db.selectFrom('playbook_checks').select('trade_id').where('trade_id', '=', scratch).execute();
      expect(left).toEqual([]);
      expect((await call<PlaybookStatsDto>(alice, 'GET', '/api/playbook/stats')).body.entries.find((e) => e.entryId === warning.id)).toMatchObject({ checked: 1, followRate: 1 });
    });
  });
});
