import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';
import { AlertLimits } from './alert-limits.js';
import { AlertSyncPublisher } from './alert-sync.publisher.js';
import { AlertSyncReader } from './alert-sync.testing.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { SPX_CALL_VERTICAL } from '../testing/journal-fixtures.js';

/**
 * `AlertsService.forgetTargets` against the real journal's database and system Redis: what the
 * code that deletes saved positions or trades calls so no alert outlives its target. Alerts are
 * created and read back through `/api/alerts`; the sync stream is read as the evaluator reads it.
 */

type Json = Record<string, unknown>;

describe(`${AlertsService.name}.forgetTargets`, () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let sync: AlertSyncReader;
  let alerts: AlertsService;

  const call = (who: SignedInAccount, method: string, route: string, body?: unknown) => journal.call<Json>(who, method, route, body);
  const create = async (who: SignedInAccount, body: Json): Promise<string> => {
    const answer = await call(who, 'POST', '/api/alerts', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body['id'] as string;
  };
  const savePosition = async (who: SignedInAccount): Promise<string> => {
    const answer = await call(who, 'POST', '/api/journal/positions', SPX_CALL_VERTICAL);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body['id'] as string;
  };
  const saveTrade = async (who: SignedInAccount): Promise<string> => {
    const log = await call(who, 'POST', '/api/logs', { name: `Log ${randomUUID()}`, startingCapital: 0 });
    expect(log.status, JSON.stringify(log.body)).toBe(201);
    const id = randomUUID();
    await journal.database.db
      .insertInto('trades')
      .values({ id, user_id: who.userId, log_id: log.body['id'] as string, symbol: 'SPX', strategy: 'vertical', side: 'long', quantity_micros: 1_000_000, opened_at: 1, closed_at: null, status: 'open', gross_micros: 0, fees_micros: 0, net_micros: 0, risk_micros: null, notes: '', market_at_entry: null, group_key: null, group_hash: null, computed_risk_micros: null, created_at: 1, updated_at: 1 })
      .execute();
    return id;
  };
  const alertIds = async (who: SignedInAccount) => ((await call(who, 'GET', '/api/alerts')).body['alerts'] as Json[]).map((a) => a['id']);

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    sync = new AlertSyncReader(journal.system);
    alerts = new AlertsService(new AlertsRepository(journal.database.db), new AlertSyncPublisher(journal.ctx), new AlertLimits(journal.ctx));
  });

  afterAll(async () => {
    await journal?.stop();
  });

  beforeEach(async () => {
    await sync.skipToEnd();
  });

  it('deletes the alerts on the given saved positions and trades and announces each as deleted', async () => {
    const [position, otherPosition, trade] = [await savePosition(alice), await savePosition(alice), await saveTrade(alice)];
    const spread = await create(alice, { kind: 'spread-debit', positionId: position, target: 6.2, direction: 'above' });
    const greeks = await create(alice, { kind: 'greeks', positionId: position, greek: 'delta', op: 'above', value: 0.35 });
    const pnl = await create(alice, { kind: 'position-pnl', tradeId: trade, target: -250, direction: 'below' });
    const kept = await create(alice, { kind: 'spread-debit', positionId: otherPosition, target: 5, direction: 'below' });
    const price = await create(alice, { kind: 'price', symbol: 'SPX', level: 5000, direction: 'above' });
    await sync.skipToEnd();

    const removed = await alerts.forgetTargets(alice.userId, { positionIds: [position], tradeIds: [trade] });

    expect([...removed].sort()).toEqual([spread, greeks, pnl].sort());
    expect(await alertIds(alice)).toEqual([kept, price]);
    const entries = await sync.next();
    expect(entries).toHaveLength(3);
    expect(entries).toEqual(expect.arrayContaining([spread, greeks, pnl].map((id) => ({ user: alice.userId, entity: 'alert', id, change: 'deleted' }))));
  });

  it("never touches another user's alerts, even given ids of their targets", async () => {
    const position = await savePosition(bob);
    const bobs = await create(bob, { kind: 'spread-debit', positionId: position, target: 6.2, direction: 'above' });
    await sync.skipToEnd();
    expect(await alerts.forgetTargets(alice.userId, { positionIds: [position] })).toEqual([]);
    expect(await alertIds(bob)).toContain(bobs);
    expect(await sync.next()).toEqual([]);
  });

  it('does nothing and announces nothing for targets no alert points at, or none at all', async () => {
    expect(await alerts.forgetTargets(alice.userId, { positionIds: [randomUUID()], tradeIds: [randomUUID()] })).toEqual([]);
    expect(await alerts.forgetTargets(alice.userId, {})).toEqual([]);
    expect(await sync.next()).toEqual([]);
  });
});
