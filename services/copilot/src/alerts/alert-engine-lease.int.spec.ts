import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import type { AlertEngine } from './alert-engine.js';
import { createAlertEngine } from './alert-engine.factory.js';
import { FiredAlerts } from './fired-alerts.js';
import { eventually, startAlertEngineHarness, type AlertEngineHarness } from './testing/alert-engine-harness.js';
import { startSlowJournal, type SlowJournal } from './testing/slow-journal.js';

const LEASE_MS = 1_000;
/** The full load of every alert takes this long: well past the lease. */
const FULL_LOAD_MS = 2_500;

/**
 * The lease against real Redis while the takeover is slower than the lease lives: the journal (a
 * real one, behind a real HTTP server that holds back the full list of alerts) answers the full
 * load after 2.5 lease lifetimes.
 */
describe('AlertEngine lease', () => {
  let h: AlertEngineHarness;
  let slow: SlowJournal;
  let ctx: ServiceContext;
  let engine: AlertEngine;

  const metric = async (name: string, labels: Record<string, string> = {}): Promise<number> => {
    const values = (await ctx.metrics.getSingleMetric(name)?.get())?.values ?? [];
    return values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value ?? 0;
  };

  beforeAll(async () => {
    h = await startAlertEngineHarness();
    slow = await startSlowJournal(h.journal.url, (req) => req.method === 'GET' && /^\/api\/internal\/(alerts|prompt-alerts)(\?(?!.*user=)|$)/.test(req.url ?? ''), FULL_LOAD_MS);
    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...h.redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    await ctx?.shutdown('spec done');
    await slow?.close();
    await h?.stop();
  });

  it('keeps the lease through a takeover longer than the lease, then evaluates', async () => {
    const alice = await h.account('alice@example.com');
    const created = await h.call<Record<string, unknown>>(alice, 'POST', '/api/alerts', { kind: 'price', symbol: 'SPY', level: 500, direction: 'above' });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    engine = createAlertEngine(ctx, new FiredAlerts(), { MS_JOURNAL_URL: slow.url }, { leaseTtlMs: LEASE_MS, leaseCheckMs: LEASE_MS / 4, blockMs: 200 });
    engine.start();
    await eventually('the full load', async () => (await metric('ms_copilot_alerts_loaded', { kind: 'price' })) === 1, 20_000);
    const now = Date.now();
    await h.tick('SPY', 495, now + 1000);
    await h.tick('SPY', 505, now + 2000);
    await eventually('the alert to fire', async () => (await h.alertEvents()).some((e) => e.data['alertId'] === id), 20_000);
    // Several more lease lifetimes: a leader that lost its lease during the takeover would have stepped down and taken over again.
    await new Promise((r) => setTimeout(r, 3 * LEASE_MS));
    expect(engine.isLeader).toBe(true);
    expect(await metric('ms_copilot_alerts_takeovers_total')).toBe(1);
  }, 60_000);
});
