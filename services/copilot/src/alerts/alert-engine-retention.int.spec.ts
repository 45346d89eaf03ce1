import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_SYNC_STREAM } from '@marketswarm/shared/dto';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import type { AlertEngine } from './alert-engine.js';
import { createAlertEngine } from './alert-engine.factory.js';
import { ALERTS_STATE_KEY } from './alert-keys.js';
import { FiredAlerts } from './fired-alerts.js';
import { eventually, startAlertEngineHarness, type AlertEngineHarness } from './testing/alert-engine-harness.js';
import { startSlowJournal, type SlowJournal } from './testing/slow-journal.js';

/**
 * The sync stream trimmed past the engine's cursor while it is busy, against real Redis and the real
 * journal: reading alice's alerts again is held back (a real HTTP server in front of the journal),
 * and while the engine waits for it, bob's new alert is announced and trimmed away before it is read.
 */
describe('AlertEngine behind retention', () => {
  let h: AlertEngineHarness;
  let slow: SlowJournal;
  let ctx: ServiceContext;
  let engine: AlertEngine;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let carol: SignedInAccount;
  let aliceReloads = 0;

  const cursorAtEnd = async () => {
    const last = (await h.system.xrevrange(ALERT_SYNC_STREAM, '+', '-', 'COUNT', 1))[0]?.[0];
    if (last === undefined) return;
    await eventually('the engine to read the sync stream', async () => (await h.system.hget(ALERTS_STATE_KEY, `cursor:${ALERT_SYNC_STREAM}`)) === last, 15_000);
  };
  const create = async (who: SignedInAccount, body: Record<string, unknown>): Promise<string> => {
    const answer = await h.call<Record<string, unknown>>(who, 'POST', '/api/alerts', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return String(answer.body['id']);
  };

  beforeAll(async () => {
    h = await startAlertEngineHarness();
    [alice, bob, carol] = [await h.account('alice@example.com'), await h.account('bob@example.com'), await h.account('carol@example.com')];
    const aliceId = alice.userId;
    slow = await startSlowJournal(h.journal.url, (req) => req.method === 'GET' && (req.url ?? '').includes(`user=${encodeURIComponent(aliceId)}`) && (req.url ?? '').startsWith('/api/internal/alerts'), 1_500, () => aliceReloads++);
    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...h.redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    engine = createAlertEngine(ctx, new FiredAlerts(), { MS_JOURNAL_URL: slow.url }, { leaseCheckMs: 200, blockMs: 200 });
    engine.start();
    await eventually('the engine to lead', () => Promise.resolve(engine.isLeader));
    await cursorAtEnd();
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    await ctx?.shutdown('spec done');
    await slow?.close();
    await h?.stop();
  });

  it('loads every alert again at once when a change was trimmed from the sync stream before it was read', async () => {
    await create(alice, { kind: 'price', symbol: 'SPY', level: 600, direction: 'above' });
    await eventually('the engine to be reading alice\'s alerts again', () => Promise.resolve(aliceReloads > 0));
    const lost = await create(bob, { kind: 'price', symbol: 'QQQ', level: 400, direction: 'above' });
    await h.system.xtrim(ALERT_SYNC_STREAM, 'MAXLEN', 0); // bob's entry goes before the engine read it
    await create(carol, { kind: 'price', symbol: 'IWM', level: 200, direction: 'above' });
    await cursorAtEnd();
    const now = Date.now();
    await h.tick('QQQ', 399, now + 1000);
    await h.tick('QQQ', 401, now + 2000);
    await eventually('bob\'s alert to fire', async () => (await h.alertEvents()).some((e) => e.data['alertId'] === lost), 5_000);
    const gaps = (await ctx.metrics.getSingleMetric('ms_copilot_alerts_stream_gaps_total')?.get())?.values ?? [];
    expect(gaps.find((v) => v.labels['stream'] === ALERT_SYNC_STREAM)?.value).toBe(1);
  }, 60_000);
});
