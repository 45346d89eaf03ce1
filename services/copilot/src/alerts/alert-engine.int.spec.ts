import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_SYNC_STREAM } from '@marketswarm/shared/dto';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import type { AlertEngine } from './alert-engine.js';
import { createAlertEngine } from './alert-engine.factory.js';
import { ALERTS_STATE_KEY } from './alert-keys.js';
import { FiredAlerts, type FiredAlert } from './fired-alerts.js';
import { eventually, startAlertEngineHarness, type AlertEngineHarness } from './testing/alert-engine-harness.js';

type Json = Record<string, unknown>;

/**
 * The engine in-process against real Redis and the real journal: each alert fires once per its
 * behaviour, to its owner only, recorded in the journal's history and published on the `alerts`
 * stream; changes made through the journal's REST API reach it through the sync stream.
 */
describe('AlertEngine', () => {
  let h: AlertEngineHarness;
  let ctx: ServiceContext;
  let engine: AlertEngine;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  const fired: FiredAlert[] = [];
  let clock = Date.now();
  /** Tick timestamps move forward from now, so cooldowns can be stepped through without waiting. */
  const at = (ms = 1000) => (clock += ms);

  const createAlert = async (who: SignedInAccount, body: Json): Promise<string> => {
    const answer = await h.call<Json>(who, 'POST', '/api/alerts', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    await synced();
    return String(answer.body['id']);
  };
  /** The engine has applied every sync entry written so far (its committed cursor reached the stream's end). */
  const synced = async () => {
    const last = (await h.system.xrevrange(ALERT_SYNC_STREAM, '+', '-', 'COUNT', 1))[0]?.[0];
    if (last === undefined) return;
    await eventually('the engine to apply the sync stream', async () => (await h.system.hget(ALERTS_STATE_KEY, `cursor:${ALERT_SYNC_STREAM}`)) === last);
  };
  /** The engine has evaluated every spot tick written so far. */
  const evaluated = async () => {
    const stream = h.truth.topics['spot']?.stream ?? '';
    const last = (await h.market.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0];
    await eventually('the engine to evaluate the ticks', async () => (await h.system.hget(ALERTS_STATE_KEY, `cursor:${stream}`)) === last);
  };
  const eventsOf = async (alertId: string) => (await h.alertEvents()).filter((e) => e.data['alertId'] === alertId);
  const history = async (who: SignedInAccount, alertId: string) => (await h.call<{ hits: Json[] }>(who, 'GET', `/api/alerts/${alertId}/history`)).body.hits ?? [];

  beforeAll(async () => {
    h = await startAlertEngineHarness();
    alice = await h.account('alice@example.com');
    bob = await h.account('bob@example.com');
    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...h.redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    const notices = new FiredAlerts();
    notices.onFired((f) => fired.push(f));
    engine = createAlertEngine(ctx, notices, { MS_JOURNAL_URL: h.journal.url }, { leaseCheckMs: 200, blockMs: 200 });
    engine.start();
    await eventually('the engine to lead', () => Promise.resolve(engine.isLeader));
  });

  afterAll(async () => {
    await engine?.stop();
    await ctx?.shutdown('spec done');
    await h?.stop();
  });

  it('fires a price alert once when the price gaps through its level, recorded and published to its owner', async () => {
    const id = await createAlert(alice, { kind: 'price', symbol: 'SPX', level: 5010, direction: 'above' });
    await h.tick('SPX', 5000, at());
    await h.tick('SPX', 5020, at()); // jumps over 5010: no tick at the level
    await h.tick('SPX', 5030, at());
    await evaluated();
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ user: alice.userId, type: 'fired', data: { alertId: id, kind: 'price', symbol: 'SPX', value: 5020, severity: 'warning' } });
    const hits = await history(alice, id);
    expect(hits).toHaveLength(1);
    expect(events[0]?.data['id']).toBe(hits[0]?.['id']);
    expect(fired.filter((f) => f.alertId === id).map((f) => f.userId)).toEqual([alice.userId]);
  });

  it('does not fire a once alert again on a later crossing', async () => {
    const id = await createAlert(alice, { kind: 'price', symbol: 'RUT', level: 2000, direction: 'cross', behaviour: 'once' });
    for (const price of [1990, 2010, 1990, 2010]) await h.tick('RUT', price, at());
    await evaluated();
    expect(await eventsOf(id)).toHaveLength(1);
    expect(await history(alice, id)).toHaveLength(1);
  });

  it('fires a repeating alert, holds it through its cooldown, and fires it again after', async () => {
    const id = await createAlert(alice, { kind: 'price', symbol: 'NDX', level: 17000, direction: 'cross', behaviour: 'repeat', cooldownSec: 10 });
    await h.tick('NDX', 16990, at());
    await h.tick('NDX', 17010, at()); // fires
    await h.tick('NDX', 16990, at(2000)); // crosses back 2 s later: within the cooldown
    await h.tick('NDX', 17010, at(11_000)); // 13 s after the first hit: fires again
    await evaluated();
    await synced();
    const events = await eventsOf(id);
    expect(events.map((e) => e.data['value'])).toEqual([17010, 17010]);
    expect(await history(alice, id)).toHaveLength(2);
  });

  it('never gives one user\'s alert to another: each event carries its owner', async () => {
    const mine = await createAlert(alice, { kind: 'price', symbol: 'QQQ', level: 400, direction: 'above' });
    const theirs = await createAlert(bob, { kind: 'price', symbol: 'QQQ', level: 401, direction: 'above' });
    await h.tick('QQQ', 399, at());
    await h.tick('QQQ', 402, at());
    await evaluated();
    expect((await eventsOf(mine)).map((e) => e.user)).toEqual([alice.userId]);
    expect((await eventsOf(theirs)).map((e) => e.user)).toEqual([bob.userId]);
    expect((await history(alice, theirs)).length).toBe(0);
  });

  it('follows changes made through the REST API: a disabled alert stays quiet, an edited level fires at the new level', async () => {
    const id = await createAlert(bob, { kind: 'price', symbol: 'SPY', level: 500, direction: 'above', behaviour: 'repeat', cooldownSec: 10 });
    expect((await h.call(bob, 'POST', `/api/alerts/${id}/disable`)).status).toBe(200);
    await synced();
    await h.tick('SPY', 495, at());
    await h.tick('SPY', 505, at());
    await evaluated();
    expect(await eventsOf(id)).toHaveLength(0);

    expect((await h.call(bob, 'PATCH', `/api/alerts/${id}`, { level: 510, enabled: true })).status).toBe(200);
    await synced();
    await h.tick('SPY', 495, at());
    await h.tick('SPY', 508, at()); // through the old level only
    await h.tick('SPY', 512, at()); // through the new one
    await evaluated();
    const events = await eventsOf(id);
    expect(events.map((e) => e.data['value'])).toEqual([512]);
  });

  it('fires a trailing stop when the price falls its trail below the best since it was armed', async () => {
    const id = await createAlert(alice, { kind: 'trailing-stop', symbol: 'VIX', side: 'long', trail: 2, trailUnit: 'points' });
    for (const price of [15, 18, 16.5, 15.9, 14]) await h.tick('VIX', price, at());
    await evaluated();
    const events = await eventsOf(id);
    expect(events.map((e) => e.data['value'])).toEqual([15.9]); // best 18, stop 16
    expect(events[0]).toMatchObject({ user: alice.userId, data: { kind: 'trailing-stop', severity: 'critical' } });
  });
});
