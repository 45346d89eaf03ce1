import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_SYNC_STREAM } from '@marketswarm/shared/dto';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import type { AlertEngine } from './alert-engine.js';
import { createAlertEngine } from './alert-engine.factory.js';
import { ALERTS_OUTBOX_KEY, ALERTS_STATE_KEY } from './alert-keys.js';
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
  const counter = async (name: string): Promise<number> => (await ctx.metrics.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
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

  it('reports the hits one tick fires to the journal in one batch request, each recorded and published once', async () => {
    const ids = [
      await createAlert(alice, { kind: 'price', symbol: 'SMH', level: 250, direction: 'above' }),
      await createAlert(alice, { kind: 'price', symbol: 'SMH', level: 251, direction: 'above' }),
      await createAlert(bob, { kind: 'price', symbol: 'SMH', level: 252, direction: 'above' }),
    ];
    await h.tick('SMH', 249, at());
    await evaluated();
    const histogram = async () => {
      const values = (await ctx.metrics.getSingleMetric('ms_copilot_alerts_journal_batch_hits')?.get())?.values ?? [];
      const of = (name: string) => values.find((v) => (v as { metricName?: string }).metricName === name)?.value ?? 0;
      return { requests: of('ms_copilot_alerts_journal_batch_hits_count'), hits: of('ms_copilot_alerts_journal_batch_hits_sum') };
    };
    const before = await histogram();
    await h.tick('SMH', 253, at()); // through all three
    await evaluated();
    expect(await histogram()).toEqual({ requests: before.requests + 1, hits: before.hits + 3 });
    for (const id of ids) expect(await eventsOf(id)).toHaveLength(1);
    expect(await history(alice, ids[0] ?? '')).toHaveLength(1);
  });

  it('fires a re-enabled once alert again on a tick that carries the same timestamp as its first hit', async () => {
    const id = await createAlert(bob, { kind: 'price', symbol: 'XLF', level: 40, direction: 'above', behaviour: 'once' });
    const [before, through] = [at(), at()];
    await h.tick('XLF', 39.5, before);
    await h.tick('XLF', 40.5, through);
    await evaluated();
    await synced();
    expect(await h.call(bob, 'PATCH', `/api/alerts/${id}`, { enabled: true })).toMatchObject({ status: 200 });
    await synced();
    // The producer's clock is not the stream's: a replayed session stamps its ticks with the same times again.
    await h.tick('XLF', 39.5, before);
    await h.tick('XLF', 40.5, through);
    await evaluated();
    await synced();
    expect((await eventsOf(id)).map((e) => e.data['firedAt'])).toEqual([through, through]);
    expect(await history(bob, id)).toHaveLength(2);
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

  it('reads nobody\'s alerts again for the sync entries its own hits caused, whatever the behaviour', async () => {
    const once = await createAlert(alice, { kind: 'price', symbol: 'IWM', level: 210, direction: 'above', behaviour: 'once' });
    const removed = await createAlert(bob, { kind: 'price', symbol: 'IWM', level: 211, direction: 'above', behaviour: 'remove-on-hit' });
    const repeat = await createAlert(alice, { kind: 'price', symbol: 'IWM', level: 212, direction: 'above', behaviour: 'repeat', cooldownSec: 10 });
    const before = await counter('ms_copilot_alerts_user_reloads_total');
    await h.tick('IWM', 205, at());
    await h.tick('IWM', 215, at());
    await evaluated();
    await synced();
    for (const id of [once, removed, repeat]) expect(await eventsOf(id)).toHaveLength(1);
    expect(await counter('ms_copilot_alerts_user_reloads_total')).toBe(before);
    // The book applied the hits itself: nothing fires again within the cooldown, the repeat after it.
    await h.tick('IWM', 205, at());
    await h.tick('IWM', 215, at(11_000));
    await evaluated();
    await synced();
    expect(await eventsOf(once)).toHaveLength(1);
    expect(await eventsOf(removed)).toHaveLength(1);
    expect(await eventsOf(repeat)).toHaveLength(2);
  });

  it('ends with the user\'s edit when it races a hit of the same alert', async () => {
    const id = await createAlert(bob, { kind: 'price', symbol: 'DIA', level: 400, direction: 'cross', behaviour: 'repeat', cooldownSec: 10 });
    await h.tick('DIA', 395, at());
    await evaluated();
    const [edit] = await Promise.all([h.call(bob, 'PATCH', `/api/alerts/${id}`, { level: 420 }), h.tick('DIA', 405, at())]);
    expect(edit.status).toBe(200);
    await evaluated();
    await synced();
    const fired = (await eventsOf(id)).length; // 0 or 1: whichever reached the engine first
    await h.tick('DIA', 410, at(11_000)); // through the old level only: the edit moved it
    await h.tick('DIA', 425, at()); // through the new one
    await evaluated();
    await synced();
    expect((await eventsOf(id)).map((e) => e.data['value'])).toEqual([...(fired === 1 ? [405] : []), 425]);
  });

  it('fires a once alert whose batch failed to write its outbox, when the batch is read again', async () => {
    const id = await createAlert(alice, { kind: 'price', symbol: 'XSP', level: 500, direction: 'above', behaviour: 'once' });
    await h.tick('XSP', 495, at());
    await evaluated();
    const failures = await counter('ms_copilot_alerts_failed_batches_total');
    // A value of the wrong type makes the outbox write fail as a Redis error would.
    await h.system.set(ALERTS_OUTBOX_KEY, 'not a hash');
    try {
      await h.tick('XSP', 505, at());
      await eventually('the batch to fail', async () => (await counter('ms_copilot_alerts_failed_batches_total')) > failures);
    } finally {
      await h.system.del(ALERTS_OUTBOX_KEY);
    }
    await evaluated();
    await synced();
    expect((await eventsOf(id)).map((e) => e.data['value'])).toEqual([505]);
    expect(await history(alice, id)).toHaveLength(1);
  });
});
