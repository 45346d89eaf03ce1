import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';
import { AlertSyncReader } from './alert-sync.testing.js';
import { SPX_CALL_VERTICAL } from '../testing/journal-fixtures.js';

/**
 * `/api/alerts` in the real journal (AppModule on a migrated SQLite file, real system Redis): every
 * route's happy path, a refusal naming its field, another user's alert answered 404, and the alert
 * sync stream entry each change appends (read back from Redis as the evaluator reads it).
 */

type Json = Record<string, unknown>;

describe('/api/alerts', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let sync: AlertSyncReader;
  let positionId: string;
  let tradeId: string;
  let bobPositionId: string;

  const call = (who: SignedInAccount, method: string, route: string, body?: unknown) => journal.call<Json>(who, method, route, body);
  const expectRefused = (answer: { status: number; body: Json }, field: string, message?: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body['code']).toBe('validation');
    expect(answer.body['issues']).toEqual(expect.arrayContaining([message === undefined ? expect.objectContaining({ path: field }) : { path: field, message }]));
  };
  const expectNotFound = (answer: { status: number; body: Json }, field = 'id') => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(404);
    expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: field }] });
  };
  const create = async (who: SignedInAccount, body: Json): Promise<Json> => {
    const answer = await call(who, 'POST', '/api/alerts', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  const priceAlert = { kind: 'price', symbol: 'spx', level: 5000, direction: 'above' };

  const savePosition = async (who: SignedInAccount): Promise<string> => {
    const answer = await call(who, 'POST', '/api/journal/positions', SPX_CALL_VERTICAL);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body['id'] as string;
  };

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    sync = new AlertSyncReader(journal.system);
    positionId = await savePosition(alice);
    bobPositionId = await savePosition(bob);
    const log = await call(alice, 'POST', '/api/logs', { name: 'Main', startingCapital: 0 });
    tradeId = randomUUID();
    const now = Date.now();
    await journal.database.db
      .insertInto('trades')
      .values({ id: tradeId, user_id: alice.userId, log_id: log.body['id'] as string, symbol: 'SPX', strategy: 'vertical', side: 'long', quantity_micros: 1_000_000, opened_at: now, closed_at: null, status: 'open', gross_micros: 0, fees_micros: 0, net_micros: 0, risk_micros: null, notes: '', market_at_entry: null, group_key: null, group_hash: null, computed_risk_micros: null, created_at: now, updated_at: now })
      .execute();
  });

  afterAll(async () => {
    await journal?.stop();
  });

  beforeEach(async () => {
    await sync.skipToEnd();
  });

  describe('POST /api/alerts', () => {
    it('creates a price alert with the defaults (manual source, once, enabled) and announces it on the sync stream', async () => {
      const alert = await create(alice, { ...priceAlert, label: 'SPX 5k' });
      expect(alert).toEqual({
        id: expect.any(String) as string,
        kind: 'price',
        symbol: 'SPX',
        level: 5000,
        direction: 'above',
        source: 'manual',
        sourceRef: null,
        label: 'SPX 5k',
        behaviour: 'once',
        cooldownSec: null,
        enabled: true,
        createdAt: expect.any(Number) as number,
        updatedAt: expect.any(Number) as number,
        lastFiredAt: null,
        hitCount: 0,
      });
      expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'alert', id: alert['id'], change: 'created' }]);
    });

    it('creates every kind, a repeating alert with the default 60 s cooldown', async () => {
      expect(await create(alice, { kind: 'price', symbol: 'NDX', level: 17_800.25, direction: 'cross', source: 'gex-wall', sourceRef: 'call wall 17800', behaviour: 'repeat' })).toMatchObject({ level: 17_800.25, source: 'gex-wall', sourceRef: 'call wall 17800', behaviour: 'repeat', cooldownSec: 60 });
      expect(await create(alice, { kind: 'spread-debit', positionId, target: 6.2, direction: 'above' })).toMatchObject({ kind: 'spread-debit', positionId, target: 6.2, direction: 'above' });
      expect(await create(alice, { kind: 'position-pnl', tradeId, target: -250.5, direction: 'below', behaviour: 'remove-on-hit' })).toMatchObject({ kind: 'position-pnl', tradeId, positionId: null, target: -250.5, behaviour: 'remove-on-hit' });
      expect(await create(alice, { kind: 'greeks', positionId, greek: 'delta', op: 'above', value: 0.35 })).toMatchObject({ kind: 'greeks', positionId, tradeId: null, greek: 'delta', op: 'above', value: 0.35 });
      expect(await create(alice, { kind: 'trailing-stop', symbol: 'SPY', side: 'long', trail: 1.5, trailUnit: 'percent', behaviour: 'repeat', cooldownSec: 10 })).toMatchObject({ kind: 'trailing-stop', symbol: 'SPY', side: 'long', trail: 1.5, trailUnit: 'percent', cooldownSec: 10 });
      expect((await sync.next()).map((e) => e.change)).toEqual(['created', 'created', 'created', 'created', 'created']);
    });

    it('refuses a body naming the field: unknown kind, bad level, short cooldown, both or neither reference, a field of another kind', async () => {
      expectRefused(await call(alice, 'POST', '/api/alerts', { ...priceAlert, kind: 'weather' }), 'kind');
      expectRefused(await call(alice, 'POST', '/api/alerts', { ...priceAlert, level: -1 }), 'level', 'must be positive');
      expectRefused(await call(alice, 'POST', '/api/alerts', { ...priceAlert, behaviour: 'repeat', cooldownSec: 5 }), 'cooldownSec', 'must be at least 10 seconds');
      expectRefused(await call(alice, 'POST', '/api/alerts', { ...priceAlert, cooldownSec: 30 }), 'cooldownSec', 'only a repeating alert has a cooldown');
      expectRefused(await call(alice, 'POST', '/api/alerts', { kind: 'position-pnl', target: 1, direction: 'above' }), 'positionId', 'give exactly one of positionId and tradeId');
      expectRefused(await call(alice, 'POST', '/api/alerts', { kind: 'greeks', positionId, tradeId, greek: 'delta', op: 'above', value: 1 }), 'tradeId', 'give exactly one of positionId and tradeId');
      expectRefused(await call(alice, 'POST', '/api/alerts', { ...priceAlert, greek: 'delta' }), '(root)');
      expectRefused(await call(alice, 'POST', '/api/alerts', { kind: 'trailing-stop', symbol: 'SPX', side: 'long', trail: 100, trailUnit: 'percent' }), 'trail', 'must be under 100 percent');
      expect(await sync.next()).toEqual([]);
    });

    it("answers 404 naming the field for another user's saved position or trade, and stores nothing", async () => {
      expectNotFound(await call(alice, 'POST', '/api/alerts', { kind: 'spread-debit', positionId: bobPositionId, target: 5, direction: 'above' }), 'positionId');
      expectNotFound(await call(bob, 'POST', '/api/alerts', { kind: 'position-pnl', tradeId, target: 5, direction: 'above' }), 'tradeId');
      expectNotFound(await call(bob, 'POST', '/api/alerts', { kind: 'greeks', positionId, greek: 'theta', op: 'below', value: -10 }), 'positionId');
      expect((await call(bob, 'GET', '/api/alerts')).body['alerts']).toEqual([]);
      expect(await sync.next()).toEqual([]);
    });
  });

  describe('GET /api/alerts', () => {
    it('lists only the user\'s alerts, filtered by enabled, kind and symbol', async () => {
      const carol = await journal.account('carol@example.com');
      const spx = await create(carol, priceAlert);
      const spy = await create(carol, { kind: 'trailing-stop', symbol: 'SPY', side: 'short', trail: 2, trailUnit: 'points', enabled: false });
      const ids = async (query: string) => ((await call(carol, 'GET', `/api/alerts${query}`)).body['alerts'] as Json[]).map((a) => a['id']);
      expect(await ids('')).toEqual([spx['id'], spy['id']]);
      expect(await ids('?enabled=true')).toEqual([spx['id']]);
      expect(await ids('?enabled=false')).toEqual([spy['id']]);
      expect(await ids('?kind=trailing-stop')).toEqual([spy['id']]);
      expect(await ids('?symbol=spx')).toEqual([spx['id']]);
      expect(await ids('?symbol=QQQ')).toEqual([]);
      expect(((await call(bob, 'GET', '/api/alerts')).body['alerts'] as Json[]).map((a) => a['id'])).not.toContain(spx['id']);
    });

    it('refuses a filter naming it', async () => {
      expectRefused(await call(alice, 'GET', '/api/alerts?enabled=yes'), 'enabled', 'must be "true" or "false"');
      expectRefused(await call(alice, 'GET', '/api/alerts?kind=weather'), 'kind');
    });
  });

  describe('GET|PATCH|DELETE /api/alerts/:id', () => {
    it("reads one alert, answering 404 for another user's and 400 for a malformed id", async () => {
      const alert = await create(alice, priceAlert);
      expect((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}`)).body).toEqual(alert);
      expectNotFound(await call(bob, 'GET', `/api/alerts/${alert['id'] as string}`));
      expectRefused(await call(alice, 'GET', '/api/alerts/nope'), 'id', 'must be an id (UUID)');
    });

    it('edits fields of the alert\'s kind, checks the merged alert, and announces the edit', async () => {
      const alert = await create(alice, priceAlert);
      await sync.skipToEnd();
      const edited = await call(alice, 'PATCH', `/api/alerts/${alert['id'] as string}`, { level: 5050.5, behaviour: 'repeat', cooldownSec: 30, label: 'wall' });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body).toMatchObject({ id: alert['id'], kind: 'price', symbol: 'SPX', level: 5050.5, behaviour: 'repeat', cooldownSec: 30, label: 'wall' });
      expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'alert', id: alert['id'], change: 'updated' }]);
      const back = await call(alice, 'PATCH', `/api/alerts/${alert['id'] as string}`, { behaviour: 'once', label: null });
      expect(back.body).toMatchObject({ behaviour: 'once', cooldownSec: null, label: null });
    });

    it('refuses a patch naming the field: a field of another kind, an empty patch, kind itself', async () => {
      const alert = await create(alice, priceAlert);
      await sync.skipToEnd();
      const route = `/api/alerts/${alert['id'] as string}`;
      expectRefused(await call(alice, 'PATCH', route, { greek: 'delta' }), 'greek', 'is not a field of a price alert');
      expectRefused(await call(alice, 'PATCH', route, {}), '(root)', 'change at least one field');
      expectRefused(await call(alice, 'PATCH', route, { kind: 'greeks' }), '(root)');
      expectRefused(await call(alice, 'PATCH', route, { level: 'high' }), 'level');
      expect(await sync.next()).toEqual([]);
    });

    it("answers 404 for another user's alert on PATCH and DELETE, changing nothing", async () => {
      const alert = await create(alice, priceAlert);
      await sync.skipToEnd();
      expectNotFound(await call(bob, 'PATCH', `/api/alerts/${alert['id'] as string}`, { level: 1 }));
      expectNotFound(await call(bob, 'DELETE', `/api/alerts/${alert['id'] as string}`));
      expect((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}`)).body).toMatchObject({ level: 5000 });
      expect(await sync.next()).toEqual([]);
    });

    it('deletes an alert and announces it; a second delete is 404', async () => {
      const alert = await create(alice, priceAlert);
      await sync.skipToEnd();
      expect((await call(alice, 'DELETE', `/api/alerts/${alert['id'] as string}`)).status).toBe(204);
      expect(await sync.next()).toEqual([{ user: alice.userId, entity: 'alert', id: alert['id'], change: 'deleted' }]);
      expectNotFound(await call(alice, 'DELETE', `/api/alerts/${alert['id'] as string}`));
      expectRefused(await call(alice, 'DELETE', '/api/alerts/nope'), 'id');
    });
  });

  describe('POST /api/alerts/:id/enable|disable and GET /api/alerts/:id/history', () => {
    it('disables and enables an alert, announcing each', async () => {
      const alert = await create(alice, priceAlert);
      await sync.skipToEnd();
      const route = `/api/alerts/${alert['id'] as string}`;
      expect((await call(alice, 'POST', `${route}/disable`)).body).toMatchObject({ enabled: false });
      expect((await call(alice, 'POST', `${route}/enable`)).body).toMatchObject({ enabled: true });
      expect(await sync.next()).toEqual([
        { user: alice.userId, entity: 'alert', id: alert['id'], change: 'disabled' },
        { user: alice.userId, entity: 'alert', id: alert['id'], change: 'enabled' },
      ]);
    });

    it("answers 404 for another user's alert and 400 for a malformed id", async () => {
      const alert = await create(alice, priceAlert);
      for (const action of ['enable', 'disable']) {
        expectNotFound(await call(bob, 'POST', `/api/alerts/${alert['id'] as string}/${action}`));
        expectRefused(await call(alice, 'POST', `/api/alerts/nope/${action}`), 'id');
      }
      expectNotFound(await call(bob, 'GET', `/api/alerts/${alert['id'] as string}/history`));
      expectRefused(await call(alice, 'GET', '/api/alerts/nope/history'), 'id');
    });

    it('starts with an empty history (hits are recorded by the internal API, see internal.int.spec.ts)', async () => {
      const alert = await create(alice, priceAlert);
      expect((await call(alice, 'GET', `/api/alerts/${alert['id'] as string}/history`)).body).toEqual({ hits: [] });
    });
  });

  describe('GET /api/alerts/hits', () => {
    it('answers a user with no hits an empty list, not a missing alert called "hits" (hits are recorded by the internal API, see internal.int.spec.ts)', async () => {
      const ivy = await journal.account('ivy@example.com');
      expect(await call(ivy, 'GET', '/api/alerts/hits')).toMatchObject({ status: 200, body: { hits: [] } });
    });

    it('refuses a limit outside 1..200 or an unknown parameter, naming it', async () => {
      expectRefused(await call(alice, 'GET', '/api/alerts/hits?limit=0'), 'limit', 'must be at least 1');
      expectRefused(await call(alice, 'GET', '/api/alerts/hits?limit=201'), 'limit', 'must be at most 200');
      expectRefused(await call(alice, 'GET', '/api/alerts/hits?limit=ten'), 'limit');
      expectRefused(await call(alice, 'GET', '/api/alerts/hits?alert=x'), '(root)');
    });
  });
});
