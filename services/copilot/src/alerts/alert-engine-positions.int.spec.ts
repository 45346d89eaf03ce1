import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_SYNC_STREAM, type OrderDto, type TradeLogDto } from '@marketswarm/shared/dto';
import type { HeatmapTiles } from '@marketswarm/shared/models';
import { bootService, type ServiceContext } from '@marketswarm/shared/service';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import type { AlertEngine } from './alert-engine.js';
import { createAlertEngine } from './alert-engine.factory.js';
import { ALERTS_STATE_KEY } from './alert-keys.js';
import { FiredAlerts } from './fired-alerts.js';
import { eventually, startAlertEngineHarness, type AlertEngineHarness } from './testing/alert-engine-harness.js';
import { openAlertStream } from './testing/alert-sse-client.js';
import { CALL_VERTICAL as vertical, CHAIN_DATE as DATE, recordedTiles } from './testing/recorded-chain.js';

type Json = Record<string, unknown>;

/**
 * Position alerts, order fills and prompt alerts in the engine against real Redis, the real journal
 * and the real SSE gateway: the heatmap is published as the market producer publishes it (a full
 * model, then diffs), saved positions, orders and prompt alerts are made through the journal's REST
 * API, and the open trade an order fill enters reaches the engine through the journal's `positions`
 * stream.
 */
describe('AlertEngine on positions', () => {
  let h: AlertEngineHarness;
  let ctx: ServiceContext;
  let engine: AlertEngine;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let clock = Date.now();
  const at = (ms = 1000) => (clock += ms);
  let version = 0;
  let tiles: HeatmapTiles | undefined;
  let openTradeId = '';

  /** Publishes the next SPX heatmap with the 5000 call at `c5000`, and waits until the engine evaluated it. */
  const heatmapAt = async (c5000: number) => {
    const next = recordedTiles(c5000);
    await h.heatmap('SPX', ++version, next, tiles, at());
    tiles = next;
    await caughtUp(h.market, h.truth.topics['heatmap']?.stream ?? '');
  };
  const tick = async (symbol: string, price: number) => {
    await h.tick(symbol, price, at());
    await caughtUp(h.market, h.truth.topics['spot']?.stream ?? '');
  };
  /** The engine's committed cursor on `stream` reached the stream's last entry. */
  const caughtUp = async (redis: AlertEngineHarness['system'], stream: string) => {
    const last = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0];
    if (last === undefined) return;
    await eventually(`the engine to read ${stream}`, async () => (await h.system.hget(ALERTS_STATE_KEY, `cursor:${stream}`)) === last);
  };
  /** Every alert change and book change the journal wrote so far has reached the engine. */
  const synced = async () => {
    for (const stream of [ALERT_SYNC_STREAM, h.truth.topics['positions']?.stream ?? '', h.truth.topics['risk-graph']?.stream ?? '']) await caughtUp(h.system, stream);
  };
  const created = async (who: SignedInAccount, route: string, body: Json): Promise<string> => {
    const answer = await h.call<Json>(who, 'POST', route, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    await synced();
    return String(answer.body['id']);
  };
  const eventsOf = async (alertId: string) => (await h.alertEvents()).filter((e) => e.data['alertId'] === alertId);
  const history = async (who: SignedInAccount, alertId: string) => (await h.call<{ hits: Json[] }>(who, 'GET', `/api/alerts/${alertId}/history`)).body.hits ?? [];

  beforeAll(async () => {
    h = await startAlertEngineHarness({ gateway: true });
    alice = await h.account('alice@example.com');
    bob = await h.account('bob@example.com');
    ctx = await bootService({ id: 'copilot', version: '0.0.0', env: { ...h.redis.env, LOG_LEVEL: 'silent' }, handleSignals: false });
    engine = createAlertEngine(ctx, new FiredAlerts(), { MS_JOURNAL_URL: h.journal.url }, { leaseCheckMs: 200, blockMs: 200 });
    engine.start();
    await eventually('the engine to lead', () => Promise.resolve(engine.isLeader));
    await tick('SPX', 5000);
    await heatmapAt(12.4); // the vertical at 12.40 − 8.10 = 4.30
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    await ctx?.shutdown('spec done');
    await h?.stop();
  });

  it('fires a spread-debit alert on a saved position once, when the heatmap moves the spread through its target', async () => {
    const positionId = await created(alice, '/api/journal/positions', { name: 'Call vertical', symbol: 'SPX', legs: vertical, quantity: 2, entryPrice: 4.3 });
    const id = await created(alice, '/api/alerts', { kind: 'spread-debit', positionId, target: 5, direction: 'above' });
    await heatmapAt(12.9); // 4.80: below the target
    expect(await eventsOf(id)).toHaveLength(0);
    await heatmapAt(13.5); // 5.40: through it
    await heatmapAt(13.6); // 5.50: still above, but a once alert is done
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ user: alice.userId, type: 'fired', data: { alertId: id, kind: 'spread-debit', value: 5.4, symbol: 'SPX' } });
    expect(await history(alice, id)).toHaveLength(1);
    // Done for good: its previous mark left the engine's state with it.
    expect(await h.system.hexists(ALERTS_STATE_KEY, `mark:${id}`)).toBe(0);
  });

  it('marks a position on an underlying whose diffs went unread until its first watcher came, from the snapshot', async () => {
    let ndx: HeatmapTiles | undefined;
    // Nobody watches NDX yet: the engine skips these without decoding them.
    for (const [v, c5000] of [[1, 12.4], [2, 12.9], [3, 13.5]] as const) {
      const next = recordedTiles(c5000);
      await h.heatmap('NDX', v, next, ndx, at());
      ndx = next;
    }
    await caughtUp(h.market, h.truth.topics['heatmap']?.stream ?? '');
    const positionId = await created(bob, '/api/journal/positions', { name: 'NDX vertical', symbol: 'NDX', legs: vertical, quantity: 1, entryPrice: 4.3 });
    // Not `created`: the hit's own sync entry moves the engine's cursor past the creation's at once.
    const answer = await h.call<Json>(bob, 'POST', '/api/alerts', { kind: 'spread-debit', positionId, target: 5, direction: 'above' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const id = String(answer.body['id']);
    // Marked when it appears, at version 3's 13.50 − 8.10 = 5.40: no diff has come since.
    await eventually('the spread-debit event', async () => (await eventsOf(id)).length > 0);
    await synced();
    expect((await eventsOf(id)).map((e) => [e.user, e.data['value']])).toEqual([[bob.userId, 5.4]]);
  });

  it('sends one "Order filled" event to the owner of an order the journal fills against the heatmap', async () => {
    const logId = (await h.call<{ logs: TradeLogDto[] }>(alice, 'GET', '/api/logs')).body.logs[0]?.id;
    const orderId = await created(alice, '/api/orders', { symbol: 'SPX', legs: vertical, quantity: 2, limitPrice: 6, logId });
    await eventually('the order-fill event', async () => (await eventsOf(orderId)).length > 0);
    const order = (await h.call<OrderDto>(alice, 'GET', `/api/orders/${orderId}`)).body;
    expect(order.fill).toMatchObject({ price: 5.5 });
    openTradeId = order.fill?.tradeId ?? '';
    await synced();
    const events = await eventsOf(orderId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ user: alice.userId, data: { kind: 'order-fill', severity: 'info' } });
    expect(String(events[0]?.data['message'])).toMatch(/^Order filled: SPX ×2 at 5\.5 debit/);
  });

  it('fires a position-pnl alert on the open trade at (mark − entry) × quantity × 100', async () => {
    expect(openTradeId).not.toBe('');
    const id = await created(alice, '/api/alerts', { kind: 'position-pnl', tradeId: openTradeId, target: 100, direction: 'above' });
    await heatmapAt(13.9); // (5.80 − 5.50) × 2 × 100 = 60
    expect(await eventsOf(id)).toHaveLength(0);
    await heatmapAt(14.2); // (6.10 − 5.50) × 2 × 100 = 120
    const events = await eventsOf(id);
    expect(events.map((e) => e.data['value'])).toEqual([120]);
    expect(events[0]).toMatchObject({ user: alice.userId, data: { kind: 'position-pnl' } });
  });

  it('fires a greeks alert once, when a spot tick moves the position\'s delta past its threshold', async () => {
    const positionId = await created(bob, '/api/journal/positions', { name: 'Long call', symbol: 'SPX', legs: [{ expiry: DATE, strike: 5000, right: 'call', ratio: 1 }], quantity: 1, entryPrice: 14.2 });
    const id = await created(bob, '/api/alerts', { kind: 'greeks', positionId, greek: 'delta', op: 'above', value: 0.95 });
    await heatmapAt(14.3); // at 5000, the long-dated call's delta is about 0.7
    expect(await eventsOf(id)).toHaveLength(0);
    await tick('SPX', 9000); // deep in the money: delta near 1, at the tiles' IV
    await heatmapAt(14.4); // marked again: a once alert stays fired
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ user: bob.userId, data: { kind: 'greeks' } });
    expect(Number(events[0]?.data['value'])).toBeGreaterThan(0.95);
    await tick('SPX', 5000);
  });

  it('moves a prompt alert from watching to warning to accomplished on spot ticks, in the journal and as events', async () => {
    const id = await created(alice, '/api/prompt-alerts', { text: 'SPY crosses above 510' });
    await tick('SPY', 500); // watching: no event
    expect(await eventsOf(id)).toHaveLength(0);
    await tick('SPY', 509); // within 0.25 % of 510
    await tick('SPY', 511);
    await eventually('both stages', async () => (await eventsOf(id)).length === 2);
    const events = await eventsOf(id);
    expect(events.map((e) => [e.user, e.data['kind'], e.data['severity']])).toEqual([
      [alice.userId, 'prompt-alert', 'warning'],
      [alice.userId, 'prompt-alert', 'critical'],
    ]);
    expect((await h.call<Json>(alice, 'GET', `/api/prompt-alerts/${id}`)).body).toMatchObject({ stage: 'accomplished' });
  });

  it('stages a prompt alert on the P&L of the user\'s open positions as the heatmap marks them', async () => {
    const id = await created(alice, '/api/prompt-alerts', { text: 'if my position P&L reaches 500' });
    await heatmapAt(15.85); // (7.75 − 5.50) × 200 = 450: within 10 % of 500
    await heatmapAt(16.2); // (8.10 − 5.50) × 200 = 520: reached
    await eventually('both stages', async () => (await eventsOf(id)).length === 2);
    expect((await eventsOf(id)).map((e) => e.data['value'])).toEqual([450, 520]);
    expect((await h.call<Json>(alice, 'GET', `/api/prompt-alerts/${id}`)).body).toMatchObject({ stage: 'accomplished' });
    await caughtUp(h.market, h.truth.topics['heatmap']?.stream ?? '');
    expect(await h.system.hexists(ALERTS_STATE_KEY, `mark:${id}`)).toBe(0);
  });

  it('delivers a fired alert through the SSE gateway to its owner only', async () => {
    const gateway = h.gateway?.url ?? '';
    const aliceTab = openAlertStream(gateway, alice.cookie);
    const bobTab = openAlertStream(gateway, bob.cookie);
    try {
      await Promise.all([aliceTab.ready, bobTab.ready]);
      const mine = await created(alice, '/api/alerts', { kind: 'price', symbol: 'QQQ', level: 400, direction: 'above' });
      const theirs = await created(bob, '/api/alerts', { kind: 'price', symbol: 'QQQ', level: 402, direction: 'above' });
      await tick('QQQ', 399);
      await tick('QQQ', 401); // alice's only
      await tick('QQQ', 403); // then bob's
      await eventually('bob to receive his own alert', () => Promise.resolve(bobTab.alerts.some((a) => a.data['alertId'] === theirs)));
      await eventually('alice to receive hers', () => Promise.resolve(aliceTab.alerts.some((a) => a.data['alertId'] === mine)));
      expect(bobTab.alerts.map((a) => a.data['alertId'])).not.toContain(mine);
      expect(aliceTab.alerts.map((a) => a.data['alertId'])).not.toContain(theirs);
      expect(aliceTab.alerts.filter((a) => a.data['alertId'] === mine)).toHaveLength(1);
    } finally {
      aliceTab.close();
      bobTab.close();
    }
  });
});
