import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRepoTruth, type SignedInAccount } from '@marketswarm/shared/testing';
import { AlertSyncReader } from '../alerts/alert-sync.testing.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';
import { SPX_CALL_VERTICAL } from '../testing/journal-fixtures.js';

/**
 * `/api/internal/*` in the real journal: absent (404, as an unknown route) until truth carries the
 * journal's internalToken, and then to any caller without exactly that bearer token; with it, the
 * evaluator's reads, hits with each behaviour applied (once, repeat with its cooldown,
 * remove-on-hit), prompt-alert stages, and the sync stream entry of each.
 */

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}

const TOKEN = 'internal-spec-token-0123456789';
const MISSING = '00000000-0000-4000-8000-000000000000';
const ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/internal/alerts'],
  ['GET', '/api/internal/alerts?user=someone'],
  ['POST', `/api/internal/alerts/${MISSING}/hits`, { at: 1, message: 'x' }],
  ['POST', '/api/internal/alerts/hits', { hits: [{ alertId: MISSING, at: 1, message: 'x', key: 'k' }] }],
  ['GET', '/api/internal/prompt-alerts'],
  ['GET', `/api/internal/orders/${MISSING}`],
  ['POST', `/api/internal/prompt-alerts/${MISSING}/stage`, { stage: 'warning' }],
];

describe('/api/internal', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let sync: AlertSyncReader;

  /** A service-to-service call: no cookie, no CSRF, the bearer token when given. */
  const internal = async (method: string, route: string, body?: unknown, token: string | null = TOKEN): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${journal.url}${route}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const call = (who: SignedInAccount, method: string, route: string, body?: unknown) => journal.call<Json>(who, method, route, body);
  const create = async (who: SignedInAccount, body: Json): Promise<Json> => {
    const answer = await call(who, 'POST', '/api/alerts', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  const expectAbsent = (answer: Answer, method: string, route: string) => {
    expect(answer.status, `${method} ${route}`).toBe(404);
    expect(answer.body).toMatchObject({ code: 'not-found', message: `no route for ${method} ${route.split('?')[0] ?? ''}` });
  };
  const hit = (id: unknown, at: number, message = 'SPX crossed 5000', value?: number) => internal('POST', `/api/internal/alerts/${String(id)}/hits`, { at, message, ...(value !== undefined && { value }) });

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    sync = new AlertSyncReader(journal.system);
  });

  afterAll(async () => {
    await journal?.stop();
  });

  describe('without an internal token in truth', () => {
    it.each(ROUTES)('answers %s %s 404 as an unknown route, with or without a bearer', async (method, route, body) => {
      expectAbsent(await internal(method, route, body, null), method, route);
      expectAbsent(await internal(method, route, body, TOKEN), method, route);
    });
  });

  describe('with the internal token loaded into truth', () => {
    beforeAll(async () => {
      // A truth that differs (its node name) so the running journal takes the reload, with the secret.
      await loadRepoTruth(journal.system, { secrets: { journal: { internalToken: TOKEN } }, patch: (truth) => void (truth.node.name = `${truth.node.name} (internal spec)`) });
      const deadline = Date.now() + 10_000;
      while ((await internal('GET', '/api/internal/alerts')).status !== 200) {
        if (Date.now() > deadline) throw new Error('the journal did not take the reloaded truth');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    beforeEach(async () => {
      await sync.skipToEnd();
    });

    it.each(ROUTES)('answers %s %s 404 to a missing, wrong or differently cased token', async (method, route, body) => {
      for (const token of [null, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase()]) expectAbsent(await internal(method, route, body, token), method, route);
      const res = await fetch(`${journal.url}${route}`, { method, headers: { authorization: TOKEN, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
      expect(res.status, 'a token without "Bearer "').toBe(404);
    });

    it('never asks the evaluator for a session or CSRF token', async () => {
      expect((await internal('POST', `/api/internal/alerts/${MISSING}/hits`, { at: 1, message: 'x' })).body).toMatchObject({ code: 'not-found', issues: [{ path: 'id' }] });
    });

    it("lists one user's enabled alerts with their owner, leaving out disabled ones and other users'", async () => {
      const dave = await journal.account('dave@example.com');
      const on = await create(dave, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
      await create(dave, { kind: 'price', symbol: 'SPX', level: 4900, direction: 'below', enabled: false });
      await create(bob, { kind: 'price', symbol: 'NDX', level: 18_000, direction: 'cross' });
      const page = await internal('GET', `/api/internal/alerts?user=${dave.userId}`);
      expect(page.status).toBe(200);
      expect(page.body).toEqual({ alerts: [{ ...on, userId: dave.userId }], nextCursor: null });
    });

    it('leaves out an alert whose saved position or trade no longer exists, so the evaluator never judges a ghost', async () => {
      const frank = await journal.account('frank@example.com');
      const position = await call(frank, 'POST', '/api/journal/positions', SPX_CALL_VERTICAL);
      expect(position.status, JSON.stringify(position.body)).toBe(201);
      const log = await call(frank, 'POST', '/api/logs', { name: 'Main', startingCapital: 0 });
      const tradeId = randomUUID();
      await journal.database.db
        .insertInto('trades')
        .values({ id: tradeId, user_id: frank.userId, log_id: log.body['id'] as string, symbol: 'SPX', strategy: 'vertical', side: 'long', quantity_micros: 1_000_000, opened_at: 1, closed_at: null, status: 'open', gross_micros: 0, fees_micros: 0, net_micros: 0, risk_micros: null, notes: '', market_at_entry: null, group_key: null, group_hash: null, computed_risk_micros: null, created_at: 1, updated_at: 1 })
        .execute();
      const onPosition = await create(frank, { kind: 'spread-debit', positionId: position.body['id'], target: 6.2, direction: 'above' });
      const onTrade = await create(frank, { kind: 'position-pnl', tradeId, target: -250, direction: 'below' });
      const onSymbol = await create(frank, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
      const listed = async () => ((await internal('GET', `/api/internal/alerts?user=${frank.userId}`)).body['alerts'] as Json[]).map((a) => a['id'] as string);
      // The evaluator's pages run in id order.
      expect(await listed()).toEqual([onPosition['id'], onTrade['id'], onSymbol['id']].sort());
      expect((await call(frank, 'DELETE', `/api/journal/positions/${position.body['id'] as string}`)).status).toBe(204);
      await journal.database.db.deleteFrom('trades').where('id', '=', tradeId).execute();
      expect(await listed()).toEqual([onSymbol['id']]);
      const everyone = ((await internal('GET', '/api/internal/alerts?limit=1000')).body['alerts'] as Json[]).map((a) => a['id']);
      expect(everyone).toContain(onSymbol['id']);
      expect(everyone).not.toContain(onPosition['id']);
      expect(everyone).not.toContain(onTrade['id']);
    });
    it('pages through every enabled alert by cursor, each exactly once', async () => {
      for (const level of [1, 2, 3]) await create(alice, { kind: 'price', symbol: 'SPY', level, direction: 'above' });
      const all = (await internal('GET', '/api/internal/alerts?limit=1000')).body['alerts'] as Json[];
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: Answer = await internal('GET', `/api/internal/alerts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...(page.body['alerts'] as Json[]).map((a) => a['id']));
        cursor = page.body['nextCursor'] as string | null;
      } while (cursor !== null);
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(seen).toEqual(all.map((a) => a['id']));
      expect(all.every((a) => a['enabled'] === true && typeof a['userId'] === 'string')).toBe(true);
    });

    it('refuses a bad query or body naming the field', async () => {
      for (const [route, field] of [['/api/internal/alerts?limit=0', 'limit'], ['/api/internal/alerts?limit=1001', 'limit'], ['/api/internal/prompt-alerts?cursor=', 'cursor'], ['/api/internal/alerts?bogus=1', '(root)']] as const) {
        const answer = await internal('GET', route);
        expect(answer.status, route).toBe(400);
        expect(answer.body['issues'], route).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
      }
      const alert = await create(alice, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
      for (const [body, field] of [[{ message: 'x' }, 'at'], [{ at: 1 }, 'message'], [{ at: 1, message: 'x', value: 'high' }, 'value']] as const) {
        const answer = await internal('POST', `/api/internal/alerts/${alert['id'] as string}/hits`, body);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'validation', issues: [{ path: field }] });
      }
      const stage = await internal('POST', `/api/internal/prompt-alerts/${MISSING}/stage`, { stage: 'done' });
      expect(stage.body).toMatchObject({ code: 'validation', issues: [{ path: 'stage', message: 'must be "watching", "warning" or "accomplished"' }] });
      expect((await internal('POST', '/api/internal/alerts/nope/hits', { at: 1, message: 'x' })).body).toMatchObject({ issues: [{ path: 'id' }] });
    });

    it('records a hit of a once alert and disables it; a second hit is 409; the owner sees the history', async () => {
      const alert = await create(alice, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
      await sync.skipToEnd();
      const at = Date.UTC(2026, 11, 7, 15, 30);
      const first = await hit(alert['id'], at, 'SPX crossed above 5000', 5000.25);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toEqual({
        hit: { id: expect.any(String) as string, alertId: alert['id'], at, message: 'SPX crossed above 5000', value: 5000.25 },
        alert: { ...alert, enabled: false, hitCount: 1, lastFiredAt: at, updatedAt: expect.any(Number) as number },
      });
      expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'alert', id: alert['id'], change: 'hit' }]);
      const again = await hit(alert['id'], at + 60_000);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'conflict', issues: [{ path: 'id', message: 'the alert is disabled' }] });
      expect((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}/history`)).body).toEqual({ hits: [first.body['hit']] });
      expect((await call(bob, 'GET', `/api/alerts/${alert['id'] as string}/history`)).status).toBe(404);
      expect(await sync.next()).toEqual([]);
    });

    it('records hits of a repeating alert, refusing one within the cooldown with 409 naming at', async () => {
      const alert = await create(alice, { kind: 'trailing-stop', symbol: 'SPX', side: 'long', trail: 10, trailUnit: 'points', behaviour: 'repeat', cooldownSec: 30 });
      const at = Date.UTC(2026, 11, 7, 15, 0);
      expect((await hit(alert['id'], at)).body['alert']).toMatchObject({ enabled: true, hitCount: 1, lastFiredAt: at });
      const early = await hit(alert['id'], at + 29_999);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'conflict', issues: [{ path: 'at' }] });
      expect((early.body['issues'] as Json[])[0]?.['message']).toContain(`next hit from ${at + 30_000}`);
      expect((await hit(alert['id'], at + 30_000)).body['alert']).toMatchObject({ enabled: true, hitCount: 2, lastFiredAt: at + 30_000 });
      const history = (await call(alice, 'GET', `/api/alerts/${alert['id'] as string}/history`)).body['hits'] as Json[];
      expect(history.map((h) => h['at'])).toEqual([at + 30_000, at]);
    });

    it('records the hit of a remove-on-hit alert by removing it and announcing the deletion, keeping the hit in the owner\'s recent hits', async () => {
      const gina = await journal.account('gina@example.com');
      const removable = await create(gina, { kind: 'price', symbol: 'QQQ', level: 400, direction: 'below', behaviour: 'remove-on-hit', label: 'QQQ 400' });
      await sync.skipToEnd();
      const answer = await hit(removable['id'], Date.UTC(2026, 11, 7, 16, 0), 'QQQ dropped below 400', 399.5);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ alert: null, hit: { alertId: removable['id'], message: 'QQQ dropped below 400', value: 399.5 } });
      expect(await sync.next()).toEqual([{ user: gina.userId, entity: 'alert', id: removable['id'], change: 'deleted' }]);
      expect((await call(gina, 'GET', `/api/alerts/${removable['id'] as string}`)).status).toBe(404);
      expect((await call(gina, 'GET', '/api/alerts')).body).toEqual({ alerts: [] });
      expect((await internal('GET', `/api/internal/alerts?user=${gina.userId}`)).body).toEqual({ alerts: [], nextCursor: null });
      expect((await hit(removable['id'], Date.UTC(2026, 11, 7, 16, 1))).body).toMatchObject({ code: 'not-found', issues: [{ path: 'id' }] });
      expect((await call(gina, 'DELETE', `/api/alerts/${removable['id'] as string}`)).status).toBe(404);
      expect((await call(gina, 'GET', '/api/alerts/hits')).body).toEqual({ hits: [{ ...(answer.body['hit'] as Json), label: 'QQQ 400', kind: 'price' }] });
    });

    it("lists the owner's most recent hits across all their alerts, newest first, up to the limit, and no one else's", async () => {
      const hank = await journal.account('hank@example.com');
      const repeating = await create(hank, { kind: 'trailing-stop', symbol: 'SPX', side: 'long', trail: 10, trailUnit: 'points', behaviour: 'repeat', cooldownSec: 30, label: 'SPX trail' });
      const removable = await create(hank, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above', behaviour: 'remove-on-hit' });
      const deleted = await create(hank, { kind: 'price', symbol: 'SPX', level: 5100, direction: 'above' });
      const at = Date.UTC(2026, 11, 9, 15, 0);
      const hits = [await hit(repeating['id'], at, 'trail 1'), await hit(removable['id'], at + 10_000, 'crossed 5000', 5000.5), await hit(repeating['id'], at + 60_000, 'trail 2'), await hit(deleted['id'], at + 70_000, 'crossed 5100')];
      expect(hits.map((h) => h.status)).toEqual([201, 201, 201, 201]);
      // Deleting an alert deletes its hits; a remove-on-hit's hit stays.
      expect((await call(hank, 'DELETE', `/api/alerts/${deleted['id'] as string}`)).status).toBe(204);
      const recent = (await call(hank, 'GET', '/api/alerts/hits')).body['hits'] as Json[];
      expect(recent.map((h) => [h['message'], h['alertId'], h['label'], h['kind']])).toEqual([
        ['trail 2', repeating['id'], 'SPX trail', 'trailing-stop'],
        ['crossed 5000', removable['id'], null, 'price'],
        ['trail 1', repeating['id'], 'SPX trail', 'trailing-stop'],
      ]);
      expect(recent[1]).toEqual({ ...(hits[1]?.body['hit'] as Json), label: null, kind: 'price' });
      expect(((await call(hank, 'GET', '/api/alerts/hits?limit=1')).body['hits'] as Json[]).map((h) => h['message'])).toEqual(['trail 2']);
      expect(((await call(bob, 'GET', '/api/alerts/hits?limit=200')).body['hits'] as Json[]).map((h) => h['alertId'])).not.toContain(repeating['id']);
    });

    it('records a keyed hit once: the same key again answers 200 with the first answer and replayed, and announces nothing', async () => {
      const alert = await create(alice, { kind: 'trailing-stop', symbol: 'SPX', side: 'long', trail: 10, trailUnit: 'points', behaviour: 'repeat', cooldownSec: 30 });
      await sync.skipToEnd();
      const key = `spx-trail-${randomUUID()}`;
      const at = Date.UTC(2026, 11, 8, 15, 0);
      const first = await internal('POST', `/api/internal/alerts/${alert['id'] as string}/hits`, { at, message: 'SPX trailed 10 points', value: 4990, key });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body['replayed']).toBeUndefined();
      expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'alert', id: alert['id'], change: 'hit' }]);
      // Past the cooldown and with another message: still the first hit's answer.
      const again = await internal('POST', `/api/internal/alerts/${alert['id'] as string}/hits`, { at: at + 60_000, message: 'retry', key });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, replayed: true });
      expect(await sync.next()).toEqual([]);
      expect(((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}/history`)).body['hits'] as Json[]).map((h) => h['id'])).toEqual([(first.body['hit'] as Json)['id']]);
    });

    it('replays the keyed hit of a remove-on-hit alert after the hit removed it', async () => {
      const removable = await create(alice, { kind: 'price', symbol: 'QQQ', level: 400, direction: 'below', behaviour: 'remove-on-hit' });
      const route = `/api/internal/alerts/${removable['id'] as string}/hits`;
      const body = { at: Date.UTC(2026, 11, 8, 16, 0), message: 'QQQ dropped below 400', key: randomUUID() };
      const first = await internal('POST', route, body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ alert: null, hit: { alertId: removable['id'] } });
      const again = await internal('POST', route, body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, replayed: true });
      expect((await internal('POST', route, { ...body, key: randomUUID() })).status).toBe(404);
    });

    it('answers two simultaneous posts of one key with exactly one 201 and one 200 replay, and stores one hit', async () => {
      const alert = await create(alice, { kind: 'price', symbol: 'SPX', level: 5100, direction: 'above' });
      await sync.skipToEnd();
      const body = { at: Date.UTC(2026, 11, 8, 15, 30), message: 'SPX crossed above 5100', key: randomUUID() };
      const answers = await Promise.all([1, 2].map(() => internal('POST', `/api/internal/alerts/${alert['id'] as string}/hits`, body)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
      const [replay, first] = [...answers].sort((a, b) => a.status - b.status);
      expect(replay?.body).toEqual({ ...first?.body, replayed: true });
      expect(((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}/history`)).body['hits'] as Json[])).toHaveLength(1);
      expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'alert', id: alert['id'], change: 'hit' }]);
    });

    it('refuses a key already recorded for another alert with 409 naming key, recording nothing', async () => {
      const [one, other] = [await create(alice, { kind: 'price', symbol: 'SPX', level: 5200, direction: 'above' }), await create(alice, { kind: 'price', symbol: 'SPX', level: 5300, direction: 'above' })];
      const key = randomUUID();
      expect((await internal('POST', `/api/internal/alerts/${one['id'] as string}/hits`, { at: 1000, message: 'x', key })).status).toBe(201);
      const refused = await internal('POST', `/api/internal/alerts/${other['id'] as string}/hits`, { at: 1000, message: 'x', key });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'conflict', issues: [{ path: 'key', message: `was already used for a hit of another alert (${one['id'] as string})` }] });
      expect((await call(alice, 'GET', `/api/alerts/${other['id'] as string}`)).body).toMatchObject({ enabled: true, hitCount: 0 });
    });

    it('refuses an empty or over-long key naming key', async () => {
      const alert = await create(alice, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
      for (const [key, message] of [['', 'must not be empty'], ['k'.repeat(201), 'must be at most 200 characters'], [7, 'must be a string']] as const) {
        const answer = await internal('POST', `/api/internal/alerts/${alert['id'] as string}/hits`, { at: 1, message: 'x', key });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'validation', issues: [{ path: 'key', message }] });
      }
    });

    describe('POST /api/internal/alerts/hits', () => {
      const batch = (hits: Json[]) => internal('POST', '/api/internal/alerts/hits', { hits });

      it('answers each hit of a batch as the single route would, in order, and announces only the applied ones in that order', async () => {
        const ivan = await journal.account('ivan@example.com');
        const fresh = await create(ivan, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
        const recorded = await create(ivan, { kind: 'price', symbol: 'SPX', level: 5100, direction: 'above' });
        const disabled = await create(ivan, { kind: 'price', symbol: 'SPX', level: 4900, direction: 'below', enabled: false });
        const repeating = await create(ivan, { kind: 'trailing-stop', symbol: 'SPX', side: 'long', trail: 10, trailUnit: 'points', behaviour: 'repeat', cooldownSec: 30 });
        const removable = await create(ivan, { kind: 'price', symbol: 'QQQ', level: 400, direction: 'below', behaviour: 'remove-on-hit' });
        const at = Date.UTC(2026, 11, 10, 15, 0);
        const recordedKey = randomUUID();
        const single = await internal('POST', `/api/internal/alerts/${recorded['id'] as string}/hits`, { at, message: 'SPX crossed above 5100', key: recordedKey });
        expect(single.status).toBe(201);
        await sync.skipToEnd();

        const hits = [
          { alertId: fresh['id'], at, message: 'SPX crossed above 5000', value: 5000.25, key: randomUUID() },
          { alertId: recorded['id'], at: at + 1000, message: 'sent again', key: recordedKey },
          { alertId: disabled['id'], at, message: 'SPX dropped below 4900', key: randomUUID() },
          { alertId: MISSING, at, message: 'gone', key: randomUUID() },
          { alertId: repeating['id'], at, message: 'trail 1', key: randomUUID() },
          { alertId: repeating['id'], at: at + 29_999, message: 'trail 2', key: randomUUID() },
          { alertId: removable['id'], at, message: 'QQQ dropped below 400', value: 399.5, key: randomUUID() },
        ];
        const answer = await batch(hits);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        const results = answer.body['results'] as Json[];
        expect(results.map((r) => [r['alertId'], r['key'], r['status']])).toEqual(hits.map((h, n) => [h.alertId, h.key, [201, 200, 409, 404, 201, 409, 201][n]]));
        expect(results[0]).toEqual({
          alertId: fresh['id'],
          key: hits[0]?.key,
          status: 201,
          result: { hit: { id: expect.any(String) as string, alertId: fresh['id'], at, message: 'SPX crossed above 5000', value: 5000.25 }, alert: { ...fresh, enabled: false, hitCount: 1, lastFiredAt: at, updatedAt: expect.any(Number) as number } },
        });
        expect(results[1]).toEqual({ alertId: recorded['id'], key: recordedKey, status: 200, result: { ...single.body, replayed: true } });
        expect(results[2]).toEqual({ alertId: disabled['id'], key: hits[2]?.key, status: 409, error: { code: 'conflict', message: `alert ${disabled['id'] as string} is disabled`, issues: [{ path: 'id', message: 'the alert is disabled' }] } });
        expect(results[3]).toEqual({ alertId: MISSING, key: hits[3]?.key, status: 404, error: { code: 'not-found', message: `no alert ${MISSING}`, issues: [{ path: 'id', message: 'no such alert' }] } });
        expect(results[4]).toMatchObject({ status: 201, result: { alert: { enabled: true, hitCount: 1, lastFiredAt: at } } });
        // The second hit of the repeating alert sees the first one's effect: it falls within the cooldown.
        expect(results[5]).toMatchObject({ status: 409, error: { code: 'conflict', issues: [{ path: 'at' }] } });
        expect(((results[5]?.['error'] as Json)['issues'] as Json[])[0]?.['message']).toContain(`next hit from ${at + 30_000}`);
        expect(results[6]).toMatchObject({ status: 201, result: { alert: null, hit: { alertId: removable['id'], value: 399.5 } } });
        expect(await sync.next()).toEqual([
          { user: ivan.userId, entity: 'alert', id: fresh['id'], change: 'hit' },
          { user: ivan.userId, entity: 'alert', id: repeating['id'], change: 'hit' },
          { user: ivan.userId, entity: 'alert', id: removable['id'], change: 'deleted' },
        ]);
        expect((await call(ivan, 'GET', `/api/alerts/${repeating['id'] as string}/history`)).body).toEqual({ hits: [(results[4]?.['result'] as Json)['hit']] });

        // The same batch again (a retry): every recorded key replays its first answer, nothing is recorded or announced.
        const again = (await batch(hits)).body['results'] as Json[];
        expect(again.map((r) => r['status'])).toEqual([200, 200, 409, 404, 200, 409, 200]);
        for (const n of [0, 4, 6]) expect(again[n]).toEqual({ ...results[n], status: 200, result: { ...(results[n]?.['result'] as Json), replayed: true } });
        expect(await sync.next()).toEqual([]);
        // And the single route replays a key the batch recorded.
        const replayed = await internal('POST', `/api/internal/alerts/${fresh['id'] as string}/hits`, { at, message: 'x', key: hits[0]?.key });
        expect(replayed).toEqual({ status: 200, body: { ...(results[0]?.['result'] as Json), replayed: true } });
      });

      it('refuses a bad batch naming the hit and its field, recording nothing', async () => {
        const alert = await create(alice, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
        const good = (n: number): Json => ({ alertId: alert['id'], at: 1000 + n, message: `hit ${n}`, key: randomUUID() });
        const { key: _, ...keyless } = good(3);
        const cases: [unknown, string, string?][] = [
          [{ hits: [good(0), good(1), good(2), keyless] }, 'hits.3.key'],
          [{ hits: [good(0), { ...good(1), alertId: 'nope' }] }, 'hits.1.alertId', 'must be an id (UUID)'],
          [{ hits: [{ ...good(0), at: -1 }] }, 'hits.0.at'],
          [{ hits: [{ ...good(0), extra: 1 }] }, 'hits.0'],
          [{ hits: [] }, 'hits', 'must hold at least one hit'],
          [{ hits: Array.from({ length: 201 }, (_, n) => good(n)) }, 'hits', 'must hold at most 200 hits'],
          [{}, 'hits'],
        ];
        for (const [body, path, message] of cases) {
          const answer = await internal('POST', '/api/internal/alerts/hits', body);
          expect(answer.status, path).toBe(400);
          expect(answer.body, path).toMatchObject({ code: 'validation', issues: expect.arrayContaining([expect.objectContaining({ path, ...(message && { message }) })]) as unknown });
        }
        expect((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}`)).body).toMatchObject({ enabled: true, hitCount: 0 });
      });

      it('takes 200 hits with the longest messages and keys in one request, past the 64kb other routes allow', async () => {
        const hits = Array.from({ length: 200 }, (_, n) => ({ alertId: MISSING, at: 1000, message: 'm'.repeat(500), key: `${n}-`.padEnd(200, 'k') }));
        expect(JSON.stringify({ hits }).length).toBeGreaterThan(64 * 1024);
        const answer = await batch(hits);
        expect(answer.status).toBe(200);
        expect((answer.body['results'] as Json[]).map((r) => r['status'])).toEqual(Array(200).fill(404));
      });
    });

    it("reads any user's order with its owner and its fill, and answers one past its close expired", async () => {
      const order = await call(bob, 'POST', '/api/orders', { symbol: 'SPX', legs: SPX_CALL_VERTICAL.legs, quantity: 2, limitPrice: 4.5 });
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      const route = `/api/internal/orders/${order.body['id'] as string}`;
      expect(await internal('GET', route)).toEqual({ status: 200, body: { ...order.body, userId: bob.userId } });

      // Filled as the worker fills it: claimed at a price, then its trade recorded.
      const orders = new OrdersRepository(journal.database.db);
      const at = Date.now();
      expect(await orders.claimFill(bob.userId, { orderId: order.body['id'] as string, priceMicros: 4_300_000, pricedFrom: 'legs', filledAt: at })).toBe(true);
      await orders.fillEntered(order.body['id'] as string, 'trade-of-the-fill');
      const filled = await internal('GET', route);
      expect(filled.body).toEqual({ ...order.body, userId: bob.userId, status: 'filled', closedAt: at, fill: { orderId: order.body['id'], symbol: 'SPX', quantity: 2, price: 4.3, at, tradeId: 'trade-of-the-fill', pricedFrom: 'legs' } });
      expect(filled.body).toEqual({ ...(await call(bob, 'GET', `/api/orders/${order.body['id'] as string}`)).body, userId: bob.userId });

      const resting = await call(bob, 'POST', '/api/orders', { symbol: 'SPX', legs: SPX_CALL_VERTICAL.legs, quantity: 1, limitPrice: 0.05 });
      const closedAt = Date.now() - 1_000;
      await journal.database.db.updateTable('orders').set({ expires_at: closedAt }).where('id', '=', resting.body['id'] as string).execute();
      expect((await internal('GET', `/api/internal/orders/${resting.body['id'] as string}`)).body).toMatchObject({ status: 'expired', closedAt, userId: bob.userId });
      expect((await internal('GET', `/api/internal/orders/${MISSING}`)).body).toMatchObject({ code: 'not-found', issues: [{ path: 'id' }] });
      expect((await internal('GET', '/api/internal/orders/nope')).body).toMatchObject({ code: 'validation', issues: [{ path: 'id' }] });
    });

    it("lists enabled prompt alerts with their owner and moves their stage to accomplished, which is final", async () => {
      const erin = await journal.account('erin@example.com');
      const created = await call(erin, 'POST', '/api/prompt-alerts', { text: 'SPX crosses 5000' });
      const prompt = created.body;
      const listed = await internal('GET', `/api/internal/prompt-alerts?user=${erin.userId}`);
      expect(listed.body).toEqual({ promptAlerts: [{ ...prompt, userId: erin.userId }], nextCursor: null });
      await sync.skipToEnd();
      const route = `/api/internal/prompt-alerts/${prompt['id'] as string}/stage`;
      const at = Date.UTC(2026, 11, 7, 15, 45);
      expect((await internal('POST', route, { stage: 'warning', at })).body).toMatchObject({ id: prompt['id'], stage: 'warning', stageChangedAt: at });
      expect((await internal('POST', route, { stage: 'accomplished', at: at + 1000 })).body).toMatchObject({ stage: 'accomplished', stageChangedAt: at + 1000 });
      expect(await sync.next()).toEqual([
        { user: erin.userId, entity: 'prompt-alert', id: prompt['id'], change: 'stage' },
        { user: erin.userId, entity: 'prompt-alert', id: prompt['id'], change: 'stage' },
      ]);
      const back = await internal('POST', route, { stage: 'watching' });
      expect(back.status).toBe(409);
      expect(back.body).toMatchObject({ code: 'conflict', issues: [{ path: 'stage', message: 'an accomplished prompt alert stays accomplished' }] });
      expect((await call(erin, 'GET', `/api/prompt-alerts/${prompt['id'] as string}`)).body).toMatchObject({ stage: 'accomplished', stageChangedAt: at + 1000 });
      expect((await internal('POST', `/api/internal/prompt-alerts/${MISSING}/stage`, { stage: 'warning' })).body).toMatchObject({ code: 'not-found', issues: [{ path: 'id' }] });
    });
    it('moves a prompt alert only forward: the same stage again, or back, is 409 naming stage and announces nothing', async () => {
      const created = await call(alice, 'POST', '/api/prompt-alerts', { text: 'SPX crosses 5000' });
      const route = `/api/internal/prompt-alerts/${created.body['id'] as string}/stage`;
      expect((await internal('POST', route, { stage: 'warning', at: 1000 })).status).toBe(200);
      await sync.skipToEnd();
      for (const stage of ['warning', 'watching']) {
        const refused = await internal('POST', route, { stage, at: 2000 });
        expect(refused.status, stage).toBe(409);
        expect(refused.body).toMatchObject({ code: 'conflict', issues: [{ path: 'stage', message: 'moves only forward (watching → warning → accomplished); it is already warning' }] });
      }
      expect(await sync.next()).toEqual([]);
      expect((await call(alice, 'GET', `/api/prompt-alerts/${created.body['id'] as string}`)).body).toMatchObject({ stage: 'warning', stageChangedAt: 1000 });
    });
  });
});
