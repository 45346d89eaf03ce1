import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import type { JournalDatabase } from './database/create-journal-database.js';
import { parseMicros } from './database/money.js';
import { TagsRepository } from './tags/tags.repository.js';
import { TradesRepository, type NewTrade } from './trades/trades.repository.js';
import { startJournalApp, type JournalApp } from './testing/journal-app.js';

/**
 * The journal's REST routes for logs, trades (read/edit), symbols, tags and settings, in the real
 * Nest app (AppModule as main.ts registers it) on a migrated SQLite file, sessions read from a real
 * system Redis as the gateway writes them. Every route: the happy path, a refused input naming its
 * field, and another user's id answered 404 (never 403, never data). Analytics has its own spec.
 */

type Json = Record<string, unknown> & { [key: string]: unknown };

interface Answer {
  status: number;
  body: Json;
}

describe('journal REST routes (logs, trades, symbols, tags, settings)', () => {
  let journal: JournalApp;
  let database: JournalDatabase;
  let alice: SignedInAccount;
  let bob: SignedInAccount;

  beforeAll(async () => {
    journal = await startJournalApp();
    database = journal.database;
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
  });

  afterAll(async () => {
    await journal?.stop();
  });

  /** A call as `who`, with the CSRF header on writes unless `csrf: false`. */
  const call = (who: SignedInAccount, method: string, route: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<Answer> => journal.call<Json>(who, method, route, body, options);
  const get = (who: SignedInAccount, route: string) => call(who, 'GET', route);

  /** The refused fields of a 400, for `toEqual`. */
  const refusedPaths = (answer: Answer): string[] => ((answer.body['issues'] as { path: string }[] | undefined) ?? []).map((i) => i.path);

  const expectRefused = (answer: Answer, field: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body['code']).toBe('validation');
    expect(refusedPaths(answer)).toContain(field);
  };

  const expectNotFound = (answer: Answer, field = 'id') => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(404);
    expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: field }] });
  };

  const expectCsrfRefused = (answer: Answer) => {
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'csrf', issues: [{ path: 'X-CSRF-Token' }] });
  };

  const createLog = async (who: SignedInAccount, name: string, startingCapital = 0): Promise<Json> => {
    const answer = await call(who, 'POST', '/api/logs', { name, startingCapital });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };

  const MISSING = '00000000-0000-4000-8000-000000000000';

  describe('/api/logs', () => {
    it('creates the default log on first use, once, and lists only the caller\'s logs', async () => {
      const first = await get(alice, '/api/logs');
      expect(first.status).toBe(200);
      expect(first.body['logs']).toEqual([
        { id: expect.any(String) as unknown, name: 'Main', currency: 'USD', startingCapital: 0, isDefault: true, archivedAt: null, createdAt: expect.any(Number) as unknown, updatedAt: expect.any(Number) as unknown },
      ]);
      expect((await get(alice, '/api/logs')).body['logs']).toEqual(first.body['logs']);
      const bobs = (await get(bob, '/api/logs')).body['logs'] as Json[];
      expect(bobs.map((l) => l['name'])).toEqual(['Main']);
      expect(bobs[0]?.['id']).not.toBe((first.body['logs'] as Json[])[0]?.['id']);
      expectRefused(await get(alice, '/api/logs?archived=maybe'), 'archived');
    });

    it('creates a log with an exact starting capital; refuses a bad body naming each field, and a write without CSRF', async () => {
      const log = await createLog(alice, 'IBKR margin', 25_000.125);
      expect(log).toMatchObject({ name: 'IBKR margin', currency: 'USD', startingCapital: 25_000.125, isDefault: false, archivedAt: null });
      const refused = await call(alice, 'POST', '/api/logs', { name: ' ', startingCapital: 0.0000001, currency: 'usd' });
      expectRefused(refused, 'name');
      expect(refusedPaths(refused).sort()).toEqual(['currency', 'name', 'startingCapital']);
      expectCsrfRefused(await call(alice, 'POST', '/api/logs', { name: 'no token' }, { csrf: false }));
      expect(((await get(alice, '/api/logs')).body['logs'] as Json[]).map((l) => l['name'])).not.toContain('no token');
    });

    it("reads one log; another user's id is a 404 and a malformed id a 400", async () => {
      const log = await createLog(alice, 'Read me');
      expect((await get(alice, `/api/logs/${String(log['id'])}`)).body).toEqual(log);
      expectNotFound(await get(bob, `/api/logs/${String(log['id'])}`));
      expectNotFound(await get(alice, `/api/logs/${MISSING}`));
      expectRefused(await get(alice, '/api/logs/not-an-id'), 'id');
    });

    it("edits a log; refuses an empty or wrong body; never another user's", async () => {
      const log = await createLog(alice, 'Edit me');
      const edited = await call(alice, 'PATCH', `/api/logs/${String(log['id'])}`, { name: 'Edited', currency: 'EUR', startingCapital: 1000.5 });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: log['id'], name: 'Edited', currency: 'EUR', startingCapital: 1000.5 });
      expectRefused(await call(alice, 'PATCH', `/api/logs/${String(log['id'])}`, {}), '(root)');
      expectRefused(await call(alice, 'PATCH', `/api/logs/${String(log['id'])}`, { currency: 'euro' }), 'currency');
      expectNotFound(await call(bob, 'PATCH', `/api/logs/${String(log['id'])}`, { name: 'stolen' }));
      expect((await get(alice, `/api/logs/${String(log['id'])}`)).body['name']).toBe('Edited');
      expectCsrfRefused(await call(alice, 'PATCH', `/api/logs/${String(log['id'])}`, { name: 'no token' }, { csrf: false }));
    });

    it("deletes a log but not the default one, and never another user's", async () => {
      const log = await createLog(alice, 'Delete me');
      expectNotFound(await call(bob, 'DELETE', `/api/logs/${String(log['id'])}`));
      expectCsrfRefused(await call(alice, 'DELETE', `/api/logs/${String(log['id'])}`, undefined, { csrf: false }));
      expect((await call(alice, 'DELETE', `/api/logs/${String(log['id'])}`)).status).toBe(204);
      expectNotFound(await get(alice, `/api/logs/${String(log['id'])}`));
      const defaultLog = ((await get(alice, '/api/logs')).body['logs'] as Json[]).find((l) => l['isDefault'] === true);
      const refused = await call(alice, 'DELETE', `/api/logs/${String(defaultLog?.['id'])}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'conflict', issues: [{ path: 'id' }] });
      expectRefused(await call(alice, 'DELETE', '/api/logs/nope'), 'id');
    });

    it("archives and reactivates a log; the default cannot be archived; another user's is a 404", async () => {
      const log = await createLog(alice, 'Archive me');
      const id = String(log['id']);
      const archived = await call(alice, 'POST', `/api/logs/${id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body['archivedAt']).toEqual(expect.any(Number));
      expect(((await get(alice, '/api/logs')).body['logs'] as Json[]).map((l) => l['id'])).not.toContain(id);
      expect(((await get(alice, '/api/logs?archived=true')).body['logs'] as Json[]).map((l) => l['id'])).toContain(id);
      expectNotFound(await call(bob, 'POST', `/api/logs/${id}/reactivate`));
      expectNotFound(await call(bob, 'POST', `/api/logs/${id}/archive`));
      const reactivated = await call(alice, 'POST', `/api/logs/${id}/reactivate`);
      expect(reactivated.status).toBe(200);
      expect(reactivated.body['archivedAt']).toBeNull();
      const defaultLog = ((await get(alice, '/api/logs')).body['logs'] as Json[]).find((l) => l['isDefault'] === true);
      expect((await call(alice, 'POST', `/api/logs/${String(defaultLog?.['id'])}/archive`)).status).toBe(409);
      expectRefused(await call(alice, 'POST', '/api/logs/nope/archive'), 'id');
      expectRefused(await call(alice, 'POST', '/api/logs/nope/reactivate'), 'id');
      expectCsrfRefused(await call(alice, 'POST', `/api/logs/${id}/archive`, undefined, { csrf: false }));
    });

    it("moves the default to another active log; refuses an archived one and another user's", async () => {
      const log = await createLog(bob, 'Bob second');
      const id = String(log['id']);
      expectNotFound(await call(alice, 'POST', `/api/logs/${id}/default`));
      const moved = await call(bob, 'POST', `/api/logs/${id}/default`);
      expect(moved.status).toBe(200);
      expect(moved.body['isDefault']).toBe(true);
      expect(((await get(bob, '/api/logs')).body['logs'] as Json[]).filter((l) => l['isDefault'] === true).map((l) => l['id'])).toEqual([id]);
      const other = await createLog(bob, 'Bob archived');
      await call(bob, 'POST', `/api/logs/${String(other['id'])}/archive`);
      expect((await call(bob, 'POST', `/api/logs/${String(other['id'])}/default`)).status).toBe(409);
      expectRefused(await call(bob, 'POST', '/api/logs/nope/default'), 'id');
      expectCsrfRefused(await call(bob, 'POST', `/api/logs/${id}/default`, undefined, { csrf: false }));
    });
  });

  describe('trades', () => {
    const OPEN = Date.UTC(2026, 11, 1, 15, 2);
    const CLOSE = Date.UTC(2026, 11, 1, 19, 45);
    let logId: string;
    let tradeIds: string[];
    let fomcId: string;

    /**
     * An SPXW put credit vertical, 5900/5895, sold for 4.85 − 3.10 = 1.75 and closed for 0.40:
     * gross (1.75 − 0.40) × 100 = 135, fees 2.7652, net 132.2348; risk (5 − 1.75) × 100 = 325.
     */
    const vertical = (openedAt: number, symbol = 'SPXW', status: 'open' | 'closed' = 'closed'): NewTrade => ({
      symbol,
      strategy: 'vertical',
      side: 'short',
      quantityMicros: parseMicros('1'),
      openedAt,
      closedAt: status === 'closed' ? openedAt + (CLOSE - OPEN) : null,
      status,
      grossMicros: parseMicros('135'),
      feesMicros: parseMicros('2.7652'),
      netMicros: parseMicros('132.2348'),
      riskMicros: parseMicros('325'),
      notes: 'sold the morning pop',
      marketAtEntry: { status: 'recorded', at: OPEN, spot: 5921.4, vix: 14.2, gexRegime: 'positive', gexFlip: 5900, mode: 'expansion' },
      legs: [
        { instrumentKind: 'option', symbol: `${symbol} 261201P5900`, expiry: '2026-12-01', strikeMicros: parseMicros('5900'), optionRight: 'P', side: 'sell', quantityMicros: parseMicros('1'), openPriceMicros: parseMicros('4.85'), closePriceMicros: parseMicros('0.30'), multiplierMicros: parseMicros('100'), fills: [] },
        { instrumentKind: 'option', symbol: `${symbol} 261201P5895`, expiry: '2026-12-01', strikeMicros: parseMicros('5895'), optionRight: 'P', side: 'buy', quantityMicros: parseMicros('1'), openPriceMicros: parseMicros('3.10'), closePriceMicros: parseMicros('-0.10'), multiplierMicros: parseMicros('100'), fills: [] },
      ],
    });

    beforeAll(async () => {
      logId = String((await createLog(alice, 'Trades')).id);
      const trades = new TradesRepository(database.db);
      const stored = await trades.insertMany(alice.userId, logId, [vertical(OPEN), vertical(OPEN + 60_000, 'XSP'), vertical(OPEN + 120_000, 'SPXW', 'open')]);
      tradeIds = (stored ?? []).map((t) => t.id);
      const fomc = await new TagsRepository(database.db).create(alice.userId, 'FOMC');
      if (fomc === 'duplicate') throw new Error('setup');
      fomcId = fomc.id;
      await trades.setTags(alice.userId, tradeIds[1]!, [fomcId]);
    });

    it('reads a trade with its legs, tags, notes and market at entry, money as decimal numbers', async () => {
      const answer = await get(alice, `/api/trades/${tradeIds[1]!}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id: tradeIds[1],
        logId,
        symbol: 'XSP',
        strategy: 'vertical',
        side: 'short',
        quantity: 1,
        status: 'closed',
        openedAt: OPEN + 60_000,
        closedAt: CLOSE + 60_000,
        gross: 135,
        fees: 2.7652,
        net: 132.2348,
        risk: 325,
        notes: 'sold the morning pop',
        tags: [{ id: fomcId, name: 'FOMC' }],
        marketAtEntry: { status: 'recorded', at: OPEN, spot: 5921.4, vix: 14.2, gexRegime: 'positive', gexFlip: 5900, mode: 'expansion' },
      });
      // R = net / risk = 132.2348 / 325
      expect(answer.body['r']).toBeCloseTo(0.406876308, 9);
      expect(answer.body['legs']).toEqual([
        { id: expect.any(String) as unknown, index: 0, instrumentKind: 'option', symbol: 'XSP 261201P5900', expiry: '2026-12-01', strike: 5900, right: 'P', side: 'sell', quantity: 1, openPrice: 4.85, closePrice: 0.3, multiplier: 100, fills: [] },
        { id: expect.any(String) as unknown, index: 1, instrumentKind: 'option', symbol: 'XSP 261201P5895', expiry: '2026-12-01', strike: 5895, right: 'P', side: 'buy', quantity: 1, openPrice: 3.1, closePrice: -0.1, multiplier: 100, fills: [] },
      ]);
      expectNotFound(await get(bob, `/api/trades/${tradeIds[1]!}`));
      expectNotFound(await get(alice, `/api/trades/${MISSING}`));
      expectRefused(await get(alice, '/api/trades/7'), 'id');
    });

    it('edits notes, risk and tags by id or by name (a new name creates the tag)', async () => {
      const id = tradeIds[0]!;
      const answer = await call(alice, 'PATCH', `/api/trades/${id}`, { notes: 'held through CPI', risk: 300, tags: [{ id: fomcId }, { name: 'CPI' }] });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ notes: 'held through CPI', risk: 300 });
      // R = net / risk = 132.2348 / 300
      expect(answer.body['r']).toBeCloseTo(0.440782667, 9);
      expect((answer.body['tags'] as Json[]).map((t) => t['name']).sort()).toEqual(['CPI', 'FOMC']);
      expect(((await get(alice, '/api/tags')).body['tags'] as Json[]).map((t) => t['name'])).toContain('CPI');
      const cleared = await call(alice, 'PATCH', `/api/trades/${id}`, { risk: null, tags: [] });
      expect(cleared.body).toMatchObject({ notes: 'held through CPI', risk: null, r: null, tags: [] });
    });

    it("refuses a bad edit naming the field, another user's tag as a 404 naming it, and another user's trade", async () => {
      const id = tradeIds[0]!;
      expectRefused(await call(alice, 'PATCH', `/api/trades/${id}`, { risk: -5 }), 'risk');
      expectRefused(await call(alice, 'PATCH', `/api/trades/${id}`, { tags: [{ colour: 'red' }] }), 'tags.0');
      expectRefused(await call(alice, 'PATCH', `/api/trades/${id}`, {}), '(root)');
      const bobsTag = await call(bob, 'POST', '/api/tags', { name: 'Bob only' });
      expectNotFound(await call(alice, 'PATCH', `/api/trades/${id}`, { tags: [{ name: 'fine' }, { id: bobsTag.body['id'] }] }), 'tags.1.id');
      expectNotFound(await call(bob, 'PATCH', `/api/trades/${id}`, { notes: 'mine now' }));
      expectCsrfRefused(await call(alice, 'PATCH', `/api/trades/${id}`, { notes: 'no token' }, { csrf: false }));
      expect((await get(alice, `/api/trades/${id}`)).body['notes']).toBe('held through CPI');
    });

    it("pages a log's trades with a cursor, filters and sorts them; refuses a bad query; another user's log is a 404", async () => {
      const base = `/api/logs/${logId}/trades`;
      const first = await get(alice, `${base}?limit=2`);
      expect(first.status).toBe(200);
      expect((first.body['trades'] as Json[]).map((t) => t['id'])).toEqual([tradeIds[2], tradeIds[1]]);
      const next = await get(alice, `${base}?limit=2&cursor=${String(first.body['nextCursor'])}`);
      expect((next.body['trades'] as Json[]).map((t) => t['id'])).toEqual([tradeIds[0]]);
      expect(next.body['nextCursor']).toBeNull();
      expect(((await get(alice, `${base}?sort=openedAt`)).body['trades'] as Json[]).map((t) => t['id'])).toEqual(tradeIds);
      expect(((await get(alice, `${base}?symbol=XSP`)).body['trades'] as Json[]).map((t) => t['id'])).toEqual([tradeIds[1]]);
      expect(((await get(alice, `${base}?status=open`)).body['trades'] as Json[]).map((t) => t['id'])).toEqual([tradeIds[2]]);
      expect(((await get(alice, `${base}?tag=${fomcId}`)).body['trades'] as Json[]).map((t) => t['id'])).toEqual([tradeIds[1]]);
      // from inclusive, to exclusive, on the open time; ISO and epoch ms alike
      expect(((await get(alice, `${base}?from=${new Date(OPEN + 60_000).toISOString()}&to=${OPEN + 120_000}`)).body['trades'] as Json[]).map((t) => t['id'])).toEqual([tradeIds[1]]);
      expectRefused(await get(alice, `${base}?limit=0`), 'limit');
      expectRefused(await get(alice, `${base}?from=yesterday`), 'from');
      expectRefused(await get(alice, `${base}?sort=net`), 'sort');
      expectRefused(await get(alice, `${base}?cursor=bm90LWEtY3Vyc29y`), 'cursor');
      expectNotFound(await get(bob, base));
      expect(((await get(bob, `/api/logs`)).body['logs'] as Json[]).map((l) => l['id'])).not.toContain(logId);
    });
  });

  describe('/api/symbols', () => {
    const spec = { assetClass: 'future', multiplier: 50, tickSize: 0.25 };

    it('lists the defaults with the caller\'s own overrides over them, never another user\'s', async () => {
      const before = (await get(bob, '/api/symbols')).body['symbols'] as Json[];
      expect(before.find((s) => s['symbol'] === 'SPX')).toEqual({ symbol: 'SPX', assetClass: 'index_option', multiplier: 100, tickSize: 0.05, source: 'default' });
      const put = await call(alice, 'PUT', '/api/symbols/ES', { ...spec, multiplier: 55 });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ symbol: 'ES', assetClass: 'future', multiplier: 55, tickSize: 0.25, source: 'user' });
      expect(((await get(alice, '/api/symbols')).body['symbols'] as Json[]).find((s) => s['symbol'] === 'ES')).toMatchObject({ multiplier: 55, source: 'user' });
      expect(((await get(bob, '/api/symbols')).body['symbols'] as Json[]).find((s) => s['symbol'] === 'ES')).toMatchObject({ multiplier: 50, source: 'default' });
    });

    it('adds an override once (409 the second time, use PUT), normalising /mnq to MNQ; refuses a bad body naming the field', async () => {
      const created = await call(alice, 'POST', '/api/symbols', { symbol: '/mnq', ...spec, multiplier: 2 });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ symbol: 'MNQ', assetClass: 'future', multiplier: 2, tickSize: 0.25, source: 'user' });
      const again = await call(alice, 'POST', '/api/symbols', { symbol: 'MNQ', ...spec });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'conflict', issues: [{ path: 'symbol' }] });
      expectRefused(await call(alice, 'POST', '/api/symbols', { symbol: 'CL', ...spec, multiplier: 0 }), 'multiplier');
      expectRefused(await call(alice, 'POST', '/api/symbols', { symbol: '$$', ...spec }), 'symbol');
      expectCsrfRefused(await call(alice, 'POST', '/api/symbols', { symbol: 'ZN', ...spec }, { csrf: false }));
      // Bob may add his own MNQ: the same symbol is a different row per user.
      expect((await call(bob, 'POST', '/api/symbols', { symbol: 'MNQ', ...spec })).status).toBe(201);
    });

    it('refuses a bad PUT naming the field', async () => {
      expectRefused(await call(alice, 'PUT', '/api/symbols/CL', { ...spec, tickSize: 'a penny' }), 'tickSize');
      expectRefused(await call(alice, 'PUT', '/api/symbols/1$', spec), 'symbol');
      expectCsrfRefused(await call(alice, 'PUT', '/api/symbols/CL', spec, { csrf: false }));
    });

    it("drops the caller's override (the default comes back); another user's override is a 404 to them", async () => {
      await call(alice, 'PUT', '/api/symbols/NQ', { ...spec, multiplier: 21 });
      expectNotFound(await call(bob, 'DELETE', '/api/symbols/NQ'), 'symbol');
      expect(((await get(alice, '/api/symbols')).body['symbols'] as Json[]).find((s) => s['symbol'] === 'NQ')).toMatchObject({ multiplier: 21, source: 'user' });
      expectCsrfRefused(await call(alice, 'DELETE', '/api/symbols/NQ', undefined, { csrf: false }));
      expect((await call(alice, 'DELETE', '/api/symbols/nq')).status).toBe(204);
      expect(((await get(alice, '/api/symbols')).body['symbols'] as Json[]).find((s) => s['symbol'] === 'NQ')).toMatchObject({ multiplier: 20, source: 'default' });
      expectNotFound(await call(alice, 'DELETE', '/api/symbols/NQ'), 'symbol');
      expectRefused(await call(alice, 'DELETE', '/api/symbols/%24%24'), 'symbol');
    });
  });

  describe('/api/tags', () => {
    it("creates, lists, renames and deletes the caller's tags; names are unique per user", async () => {
      const created = await call(bob, 'POST', '/api/tags', { name: '  Earnings ' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String) as unknown, name: 'Earnings', createdAt: expect.any(Number) as unknown });
      expect((await call(bob, 'POST', '/api/tags', { name: 'Earnings' })).status).toBe(409);
      expect((await call(alice, 'POST', '/api/tags', { name: 'Earnings' })).status).toBe(201);
      const renamed = await call(bob, 'PATCH', `/api/tags/${String(created.body['id'])}`, { name: 'Earnings week' });
      expect(renamed.body).toMatchObject({ id: created.body['id'], name: 'Earnings week' });
      expect(((await get(bob, '/api/tags')).body['tags'] as Json[]).map((t) => t['name'])).toContain('Earnings week');
      expect((await call(bob, 'DELETE', `/api/tags/${String(created.body['id'])}`)).status).toBe(204);
      expect(((await get(bob, '/api/tags')).body['tags'] as Json[]).map((t) => t['name'])).not.toContain('Earnings week');
    });

    it('refuses a bad name naming the field, and a write without CSRF', async () => {
      expectRefused(await call(alice, 'POST', '/api/tags', { name: '' }), 'name');
      expectRefused(await call(alice, 'POST', '/api/tags', { name: 'x'.repeat(65) }), 'name');
      expectRefused(await call(alice, 'PATCH', `/api/tags/${MISSING}`, { name: 7 }), 'name');
      expectRefused(await call(alice, 'PATCH', '/api/tags/nope', { name: 'ok' }), 'id');
      expectRefused(await call(alice, 'DELETE', '/api/tags/nope'), 'id');
      expectCsrfRefused(await call(alice, 'POST', '/api/tags', { name: 'no token' }, { csrf: false }));
    });

    it("answers another user's tag with 404 and never lists it", async () => {
      const alices = await call(alice, 'POST', '/api/tags', { name: 'Alice secret' });
      const id = String(alices.body['id']);
      expectNotFound(await call(bob, 'PATCH', `/api/tags/${id}`, { name: 'stolen' }));
      expectNotFound(await call(bob, 'DELETE', `/api/tags/${id}`));
      expect(((await get(bob, '/api/tags')).body['tags'] as Json[]).map((t) => t['name'])).not.toContain('Alice secret');
      expect(((await get(alice, '/api/tags')).body['tags'] as Json[]).map((t) => t['name'])).toContain('Alice secret');
    });
  });

  describe('/api/settings', () => {
    it('answers the defaults until set, and one key with whether it is the default', async () => {
      expect((await get(bob, '/api/settings')).body).toEqual({ costBasis: 'fifo', breakevenTolerance: 0, timeZone: 'America/New_York' });
      expect((await get(bob, '/api/settings/costBasis')).body).toEqual({ key: 'costBasis', value: 'fifo', isDefault: true });
    });

    it("sets each known key through its own schema, for the caller only", async () => {
      expect((await call(alice, 'PUT', '/api/settings/costBasis', { value: 'average' })).body).toEqual({ key: 'costBasis', value: 'average', isDefault: false });
      expect((await call(alice, 'PUT', '/api/settings/breakevenTolerance', { value: 2.5 })).body).toEqual({ key: 'breakevenTolerance', value: 2.5, isDefault: false });
      expect((await call(alice, 'PUT', '/api/settings/timeZone', { value: 'Europe/London' })).status).toBe(200);
      expect((await get(alice, '/api/settings')).body).toEqual({ costBasis: 'average', breakevenTolerance: 2.5, timeZone: 'Europe/London' });
      expect((await get(alice, '/api/settings/timeZone')).body).toEqual({ key: 'timeZone', value: 'Europe/London', isDefault: false });
      expect((await get(bob, '/api/settings')).body).toEqual({ costBasis: 'fifo', breakevenTolerance: 0, timeZone: 'America/New_York' });
      // Back to the defaults the analytics spec below relies on.
      await call(alice, 'PUT', '/api/settings/breakevenTolerance', { value: 0 });
      await call(alice, 'PUT', '/api/settings/timeZone', { value: 'America/New_York' });
    });

    it('refuses a value its key does not accept naming `value`, an unknown key with 404 naming it, and a write without CSRF', async () => {
      expectRefused(await call(alice, 'PUT', '/api/settings/costBasis', { value: 'lifo' }), 'value');
      expectRefused(await call(alice, 'PUT', '/api/settings/breakevenTolerance', { value: -1 }), 'value');
      expectRefused(await call(alice, 'PUT', '/api/settings/timeZone', { value: 'Mars/Olympus_Mons' }), 'value');
      expectRefused(await call(alice, 'PUT', '/api/settings/costBasis', { value: 'fifo', extra: 1 }), '(root)');
      const unknown = await get(alice, '/api/settings/colour');
      expectNotFound(unknown, 'key');
      expect(unknown.body['message']).toContain('colour');
      expectNotFound(await call(alice, 'PUT', '/api/settings/colour', { value: 'red' }), 'key');
      expectRefused(await get(alice, `/api/settings/${'k'.repeat(65)}`), 'key');
      expectCsrfRefused(await call(alice, 'PUT', '/api/settings/costBasis', { value: 'fifo' }, { csrf: false }));
    });
  });
});
