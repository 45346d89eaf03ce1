import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_COOKIE } from '@marketswarm/shared/dto';
import { createSignedInAccount, loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess, type SignedInAccount } from '@marketswarm/shared/testing';
import { ApiError } from '../api/http';
import { draftFromPosition, draftFromTile, toOrderRequest } from '../pages/orders/order-form';
import { checklistItems, newEntryDraft, toChecksBody, toEntryRequest, toMissedRequest, withMark } from '../pages/playbook/playbook-form';
import { toRetrospectiveRequest } from '../pages/journal/retrospective-form';
import {
  createRetrospective,
  deleteAttachment,
  deleteRetrospective,
  fetchCalendar,
  fetchCalendarDay,
  fetchEntry,
  fetchRetrospectives,
  putEntry,
  updateRetrospective,
  uploadAttachment,
} from './journal';
import { fetchLeaderboard, fetchLeaderboardProfile, putLeaderboardProfile } from './leaderboard';
import { cancelOrder, fetchFills, fetchOrders, fetchSavedPosition, placeOrder } from './orders';
import { createEntry, createGroup, createMissed, deleteEntry, fetchEntries, fetchMissed, fetchStats, fetchTradeChecks, putTradeChecks } from './playbook';

/**
 * The journal pages' fetchers against a real journal process (real Redis, real SQLite): every
 * answer goes through the shared schema the page parses it with, and every body the page's forms
 * build is one the journal takes. The browser's same-origin fetch and cookies are stood in for by
 * a fetch that prefixes the journal's URL and sends the session cookie.
 */
describe('journal pages API against a real journal', () => {
  let redis: RedisTrio;
  let journal: ServiceProcess;
  let runDir: string;
  let me: SignedInAccount;
  const realFetch = globalThis.fetch;
  const hadDocument = 'document' in globalThis;

  beforeAll(async () => {
    redis = await startRedisTrio();
    await loadRepoTruth(redis.system.client());
    runDir = await mkdtemp(path.join(tmpdir(), 'ms-journal-pages-'));
    journal = await startServiceProcess({ dir: 'services/journal', env: { ...redis.env, MS_RUN_DIR: runDir } });
    me = await createSignedInAccount(redis.system.client(), 'pages@example.com');
    globalThis.fetch = (input, init) => {
      // The pages only ever fetch same-origin paths.
      if (typeof input !== 'string') throw new Error('the journal pages fetch by path');
      const headers = new Headers(init?.headers);
      headers.set('cookie', me.cookie);
      return realFetch(`${journal.url}${input}`, { ...init, headers });
    };
    // What readCookie sees in a browser: the readable CSRF cookie.
    if (!hadDocument) Object.defineProperty(globalThis, 'document', { value: { cookie: `${CSRF_COOKIE}=${me.csrf}` }, configurable: true });
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    if (!hadDocument) Reflect.deleteProperty(globalThis, 'document');
    await journal?.stop();
    await redis?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  /** A stock trade typed by hand, opened and closed on Dec 7 2026 between 10:00 and 11:00 New York. */
  async function closedTrade(): Promise<string> {
    const logs = await realFetch(`${journal.url}/api/logs`, { headers: { cookie: me.cookie } }).then((r) => r.json() as Promise<{ logs: { id: string }[] }>);
    const logId = logs.logs[0]!.id;
    const fill = (side: 'buy' | 'sell', positionEffect: 'open' | 'close', at: number, price: number) => ({ executedAt: at, instrument: { kind: 'stock', symbol: 'AAPL' }, side, positionEffect, quantity: 10, price });
    const res = await realFetch(`${journal.url}/api/logs/${logId}/trades`, {
      method: 'POST',
      headers: { cookie: me.cookie, 'x-csrf-token': me.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ fills: [fill('buy', 'open', Date.UTC(2026, 11, 7, 15), 100), fill('sell', 'close', Date.UTC(2026, 11, 7, 16), 105)] }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { trades: { id: string }[] };
    return body.trades[0]!.id;
  }

  it('places a limit order built by the order form from a tile, lists it working, cancels it', async () => {
    const draft = draftFromTile('butterfly-call:0:10:6000', 'SPX', '2026-12-07')!;
    const request = toOrderRequest({ ...draft, limitPrice: '1.25' });
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    const order = await placeOrder(request.body);
    expect(order.status).toBe('working');
    expect(order.legs.map((l) => l.ratio)).toEqual([1, -2, 1]);
    expect((await fetchOrders('working')).map((o) => o.id)).toContain(order.id);
    expect((await cancelOrder(order.id)).status).toBe('cancelled');
    expect((await fetchOrders('cancelled')).map((o) => o.id)).toContain(order.id);
    expect(await fetchFills()).toEqual([]);
  });

  it('prefills an order from a saved position and places it with the position as its source', async () => {
    const res = await realFetch(`${journal.url}/api/journal/positions`, {
      method: 'POST',
      headers: { cookie: me.cookie, 'x-csrf-token': me.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Put fly', symbol: 'SPX', legs: [{ expiry: '2026-12-18', strike: 5990, right: 'put', ratio: 1 }, { expiry: '2026-12-18', strike: 6000, right: 'put', ratio: -2 }, { expiry: '2026-12-18', strike: 6010, right: 'put', ratio: 1 }], quantity: 2, entryPrice: 1.8 }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const request = toOrderRequest(draftFromPosition(await fetchSavedPosition(id)));
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    const order = await placeOrder(request.body);
    expect(order).toMatchObject({ quantity: 2, limitPrice: 1.8, source: { kind: 'position', id } });
  });

  it('names the refused field of an order the form let through', async () => {
    const error = await placeOrder({ symbol: 'SPX', legs: [{ expiry: '2026-12-07', strike: 6000, right: 'call', ratio: 1 }], quantity: 1, limitPrice: 1, logId: '00000000-0000-4000-8000-000000000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issues[0]?.path).toBe('logId');
  });

  it('opts in to the leaderboard and reads both windows', async () => {
    expect(await fetchLeaderboardProfile()).toEqual({ optIn: false, displayName: null });
    expect(await putLeaderboardProfile({ optIn: true, displayName: 'pages_tester' })).toEqual({ optIn: true, displayName: 'pages_tester' });
    const board = await fetchLeaderboard('90');
    expect(board.window).toBe(90);
    // Fewer than the minimum closed trades: not ranked yet.
    expect(board.rows).toEqual([]);
    expect((await fetchLeaderboard('30')).minTrades).toBeGreaterThan(0);
  });

  it('writes an entry, shows it on the calendar, attaches and removes a file, and lists the day\'s closed trade', async () => {
    const tradeId = await closedTrade();
    const dayTrades = await fetchCalendarDay('2026-12-07');
    expect(dayTrades.trades.map((t) => t.id)).toEqual([tradeId]);
    expect(dayTrades.figures.trades).toBe(1);
    expect((await fetchCalendarDay('2026-12-08')).trades).toEqual([]);

    const entry = await putEntry('2026-12-07', { content: '<p>Held <strong>patience</strong></p><script>x()</script>', tradeIds: [tradeId] });
    expect(entry.content).toBe('<p>Held <strong>patience</strong></p>');
    expect((await fetchEntry('2026-12-07'))?.tradeIds).toEqual([tradeId]);
    expect(await fetchEntry('2026-12-08')).toBeNull();

    const calendar = await fetchCalendar({ month: '2026-12' });
    const day = calendar.days.find((d) => d.date === '2026-12-07');
    expect(day).toMatchObject({ hasEntry: true, trades: 1, netPnl: 50, winRate: 1 });
    expect((await fetchCalendar({ week: '2026-12-07' })).days).toHaveLength(7);

    const attachment = await uploadAttachment('2026-12-07', new File(['date,pnl\n2026-12-07,50\n'], 'day.csv', { type: 'text/csv' }));
    expect(attachment).toMatchObject({ fileName: 'day.csv', contentType: 'text/csv' });
    expect((await fetchEntry('2026-12-07'))?.attachments.map((a) => a.id)).toEqual([attachment.id]);
    await deleteAttachment(attachment.id);
    expect((await fetchEntry('2026-12-07'))?.attachments).toEqual([]);

    const refused = await uploadAttachment('2026-12-07', new File(['<html><script>x</script></html>'], 'page.html', { type: 'text/html' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(415);
  });

  it('creates, lists, edits and deletes a retrospective with its period\'s figures', async () => {
    const request = toRetrospectiveRequest({ id: undefined, period: 'month', start: '2026-12-01', content: '<p>Good month</p>' });
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    const retro = await createRetrospective(request.body);
    expect(retro.end).toBe('2026-12-31');
    const [listed] = await fetchRetrospectives('month');
    expect(listed?.id).toBe(retro.id);
    expect((await updateRetrospective(retro.id, { ...request.body, content: '<p>Better</p>' })).content).toBe('<p>Better</p>');
    const duplicate = await createRetrospective(request.body).catch((e: unknown) => e);
    expect((duplicate as ApiError).status).toBe(409);
    await deleteRetrospective(retro.id);
    expect(await fetchRetrospectives(undefined)).toEqual([]);
  });

  it('keeps a playbook: an entry built by the form, a missed trade, a trade\'s check-off and the stats', async () => {
    const group = await createGroup({ name: 'Opening', kind: 'entry' });
    const entryRequest = toEntryRequest({ ...newEntryDraft(group.id), title: 'No trades before 10:00', tags: 'open' });
    if (!entryRequest.ok || !('create' in entryRequest)) throw new Error('the form refused a valid entry');
    const rule = await createEntry(entryRequest.create);
    expect(rule).toMatchObject({ status: 'active', groupId: group.id, tags: ['open'] });
    expect((await fetchEntries({ kind: 'rule', status: 'active' })).map((e) => e.id)).toEqual([rule.id]);

    const missed = toMissedRequest({ entryId: rule.id, at: '2026-12-07T09:45', symbol: 'SPX', direction: 'long', note: '', estimatedPnl: '120' }, 'America/New_York');
    if (!missed.ok) throw new Error(JSON.stringify(missed.errors));
    await createMissed(missed.body);
    expect((await fetchMissed()).map((m) => m.at)).toEqual([Date.UTC(2026, 11, 7, 14, 45)]);

    const [tradeId] = (await fetchCalendarDay('2026-12-07')).trades.map((t) => t.id);
    const items = withMark(checklistItems([rule], (await fetchTradeChecks(tradeId!)).checks), rule.id, 'followed');
    const saved = await putTradeChecks(tradeId!, toChecksBody(items));
    expect(saved.checks.map((c) => [c.entryId, c.followed])).toEqual([[rule.id, true]]);

    const stats = await fetchStats();
    expect(stats.entries.find((e) => e.entryId === rule.id)).toMatchObject({ checked: 1, followRate: 1, followed: { trades: 1, netPnl: 50 }, missed: { count: 1, estimatedPnl: 120 } });

    const refused = await deleteEntry(rule.id, false).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(409);
    await deleteEntry(rule.id, true);
    expect(await fetchEntries({})).toEqual([]);
  });
});
