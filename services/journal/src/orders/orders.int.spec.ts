import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_SYNC_STREAM, type OrderDto, type OrderFillListDto, type OrderListDto, type TradeLogDto, type TradePageDto } from '@marketswarm/shared/dto';
import { publishEvents } from '@marketswarm/shared/bus';
import { buildHeatmapTiles, diffHeatmap, heatmapSnapshot, type ChainOption, type HeatmapTiles } from '@marketswarm/shared/models';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { AlertSyncReader } from '../alerts/alert-sync.testing.js';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';
import { OrdersRepository } from './orders.repository.js';

type Json = Record<string, unknown>;

// A recorded slice of an SPX chain expiring Wednesday 2 January 2030 at the 16:00 New York close.
const EXPIRY = Date.UTC(2030, 0, 2, 21);
const DATE = '2030-01-02';
const option = (type: 'call' | 'put', strike: number, mid: number): ChainOption => ({ strike, expiry: EXPIRY, type, mid, gamma: 0.001, openInterest: 1000, iv: 0.16 });
const recordedChain = (c5000: number): ChainOption[] => [option('call', 4990, 17.2), option('call', 5000, c5000), option('call', 5010, 8.1), option('call', 5020, 5.0), option('put', 4990, 9.55)];

// The call debit vertical 5000/5010: 12.40 − 8.10 = 4.30 at the mid in the recorded chain.
const vertical = [
  { expiry: DATE, strike: 5000, right: 'call', ratio: 1 },
  { expiry: DATE, strike: 5010, right: 'call', ratio: -1 },
];

/**
 * `/api/orders` in the real journal: orders fill against the heatmap a producer writes to market
 * Redis (published here through the shared publisher exactly as massive publishes it: a full
 * snapshot, then a diff with the full model kept in the snapshot hash), through manual entry into
 * the order's log; the rest of the lifecycle (working, cancel, expiry) and who may see what.
 */
describe('simulated orders', () => {
  let journal: JournalApp;
  let market: Redis;
  let route: TopicRoute;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let aliceLog: string;
  let tilesV1: HeatmapTiles;
  let sync: AlertSyncReader;

  const call = (who: SignedInAccount, method: string, path: string, body?: unknown) => journal.call<Json>(who, method, path, body);
  const place = async (who: SignedInAccount, body: Json): Promise<OrderDto> => {
    const answer = await journal.call<OrderDto>(who, 'POST', '/api/orders', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  const order = async (who: SignedInAccount, id: string): Promise<OrderDto> => (await journal.call<OrderDto>(who, 'GET', `/api/orders/${id}`)).body;
  /** The worker fills asynchronously: wait (bounded) for the order to leave `working` and its fill to have its trade. */
  const settled = async (who: SignedInAccount, id: string): Promise<OrderDto> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const current = await order(who, id);
      const done = current.status !== 'working' && (current.status !== 'filled' || current.fill?.tradeId);
      if (done || Date.now() > deadline) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** The fills announced to the evaluator since the last look, waiting (bounded) for at least `count`: the announcement follows the trade's entry. */
  const announcedFills = async (count: number) => {
    const seen: Json[] = [];
    const deadline = Date.now() + 10_000;
    while (seen.length < count && Date.now() < deadline) {
      seen.push(...(await sync.next()).filter((entry) => entry.entity === 'order'));
      if (seen.length < count) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return seen;
  };
  const expectRefused = (answer: { status: number; body: Json }, field: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect((answer.body['issues'] as { path: string }[]).map((i) => i.path)).toContain(field);
  };

  const publishHeatmap = async (version: number, tiles: HeatmapTiles, previous?: HeatmapTiles) => {
    const now = Date.now();
    const full = heatmapSnapshot('SPX', version, tiles);
    const streamed = previous ? diffHeatmap('SPX', version - 1, previous, tiles) : full;
    await publishEvents(market, route, [{ topic: 'heatmap', type: streamed.kind, ts: now, data: { ...streamed, seq: version } }], {
      snapshotOf: () => ({ topic: 'heatmap', type: 'snapshot', ts: now, data: { ...full, seq: version } }),
    });
  };

  beforeAll(async () => {
    journal = await startJournalApp();
    market = journal.redis.market.client();
    const heatmap = journal.ctx.truth().doc.topics['heatmap'];
    if (!heatmap) throw new Error('the repository truth declares no heatmap topic');
    route = heatmap;
    sync = new AlertSyncReader(journal.system);
    alice = await journal.account('alice@example.com');
    bob = await journal.account('bob@example.com');
    aliceLog = (await journal.call<{ logs: TradeLogDto[] }>(alice, 'GET', '/api/logs')).body.logs[0]?.id ?? '';
    tilesV1 = buildHeatmapTiles(recordedChain(12.4), { now: Date.now(), widths: [10] });
    await publishHeatmap(1, tilesV1);
  });
  afterAll(async () => {
    await journal?.stop();
  });

  describe('POST /api/orders and the fill worker', () => {
    let resting: OrderDto;
    let marketable: OrderDto;

    it('fills an order whose limit is above the mid at the mid, as a trade in its log, and keeps one below the mid working', async () => {
      resting = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 2, limitPrice: 4.0 });
      marketable = await place(alice, { symbol: 'spx', legs: vertical, quantity: 2, limitPrice: 4.5, source: { kind: 'tile', key: 'vertical-call:0:10:5000' } });
      expect(marketable).toMatchObject({ status: 'working', symbol: 'SPX', logId: aliceLog, quantity: 2, limitPrice: 4.5, fill: null, closedAt: null });

      const filled = await settled(alice, marketable.id);
      expect(filled.status).toBe('filled');
      expect(filled.fill).toMatchObject({ price: 4.3, pricedFrom: 'legs', quantity: 2, symbol: 'SPX' });
      expect(filled.fill?.price).toBeLessThanOrEqual(filled.limitPrice);

      const trades = (await journal.call<TradePageDto>(alice, 'GET', `/api/logs/${aliceLog}/trades`)).body.trades;
      expect(trades.map((t) => t.id)).toContain(filled.fill?.tradeId);
      const trade = trades.find((t) => t.id === filled.fill?.tradeId);
      expect(trade).toMatchObject({ symbol: 'SPX', status: 'open' });

      // The same pass that filled the marketable order priced this one at 4.30 too.
      expect((await order(alice, resting.id)).status).toBe('working');
    });

    it('follows the stream: a diff that brings the mid to 3.90 fills the 4.00 limit at 3.90', async () => {
      await publishHeatmap(2, buildHeatmapTiles(recordedChain(12.0), { now: Date.now(), widths: [10] }), tilesV1);
      const filled = await settled(alice, resting.id);
      expect(filled).toMatchObject({ status: 'filled', fill: { price: 3.9, pricedFrom: 'legs' } });
    });

    it('announces each fill to the evaluator on the alert sync stream once its trade is entered', async () => {
      expect(await announcedFills(2)).toEqual([marketable.id, resting.id].map((id) => ({ user: alice.userId, entity: 'order', id, change: 'filled' })));
    });

    it('lists the fills, newest first', async () => {
      const fills = (await journal.call<OrderFillListDto>(alice, 'GET', '/api/orders/fills')).body.fills;
      expect(fills.map((f) => f.price)).toEqual([3.9, 4.3]);
      expect((await journal.call<OrderFillListDto>(bob, 'GET', '/api/orders/fills')).body.fills).toEqual([]);
    });

    it('refuses a body naming each bad field', async () => {
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: [], quantity: 1, limitPrice: 1 }), 'legs');
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: vertical, quantity: 0, limitPrice: 1 }), 'quantity');
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: [{ ...vertical[0], ratio: 0 }], quantity: 1, limitPrice: 1 }), 'legs.0.ratio');
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: [{ ...vertical[0], right: 'C' }], quantity: 1, limitPrice: 1 }), 'legs.0.right');
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: vertical, quantity: 1 }), 'limitPrice');
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: [vertical[0], vertical[0]], quantity: 1, limitPrice: 1 }), 'legs.1');
      expectRefused(await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 1, source: { kind: 'chart' } }), 'source.kind');
      expectRefused(await call(alice, 'GET', '/api/orders?status=open'), 'status');
    });

    it("refuses another user's log as one that does not exist, naming logId", async () => {
      const bobLog = (await journal.call<{ logs: TradeLogDto[] }>(bob, 'GET', '/api/logs')).body.logs[0]?.id ?? '';
      const answer = await call(alice, 'POST', '/api/orders', { logId: bobLog, symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 1 });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: 'logId' }] });
    });
  });

  describe('POST /api/orders/:id/cancel', () => {
    it('cancels a working order once; a second cancel is a 409', async () => {
      const placed = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      const cancelled = await call(alice, 'POST', `/api/orders/${placed.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ id: placed.id, status: 'cancelled', fill: null });
      expect(typeof cancelled.body['closedAt']).toBe('number');
      const again = await call(alice, 'POST', `/api/orders/${placed.id}/cancel`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'conflict', issues: [{ path: 'id', message: 'the order is cancelled' }] });
      expect((await journal.call<OrderListDto>(alice, 'GET', '/api/orders?status=cancelled')).body.orders.map((o) => o.id)).toEqual([placed.id]);
    });

    it("answers another user's order as one that does not exist", async () => {
      const placed = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      for (const answer of [await call(bob, 'GET', `/api/orders/${placed.id}`), await call(bob, 'POST', `/api/orders/${placed.id}/cancel`)]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({ code: 'not-found', issues: [{ path: 'id' }] });
      }
      expect((await order(alice, placed.id)).status).toBe('working');
      expect((await journal.call<OrderListDto>(bob, 'GET', '/api/orders')).body.orders).toEqual([]);
      expectRefused(await call(alice, 'GET', '/api/orders/not-an-id'), 'id');
    });
  });

  describe('expiry', () => {
    it('places a day order until its session close, and answers it expired once the close has passed', async () => {
      const placed = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      // SPX index options close at 16:15 New York: 21:15 UTC in winter, 20:15 in summer.
      expect(new Date(placed.expiresAt).getUTCMinutes()).toBe(15);
      expect(placed.expiresAt).toBeGreaterThan(placed.createdAt);
      // The clock moves past the close: the stored close is set one second ago.
      const closedAt = Date.now() - 1_000;
      await journal.database.db.updateTable('orders').set({ expires_at: closedAt }).where('id', '=', placed.id).execute();
      const expired = await order(alice, placed.id);
      expect(expired).toMatchObject({ status: 'expired', closedAt });
      expect((await call(alice, 'POST', `/api/orders/${placed.id}/cancel`)).status).toBe(409);
      expect((await journal.call<OrderListDto>(alice, 'GET', '/api/orders?status=expired')).body.orders.map((o) => o.id)).toEqual([placed.id]);
    });
  });

  describe('sources', () => {
    it('trades a tile order on the live tile\'s legs, expiring on the tile\'s date whatever date was sent', async () => {
      const tile = Object.values(tilesV1).find((t) => t.strategy === 'vertical-call' && t.strike === 5000);
      if (!tile) throw new Error('the recorded chain makes no 5000 call vertical');
      const guessed = vertical.map((leg) => ({ ...leg, expiry: '2029-12-31' }));
      const placed = await place(alice, { symbol: 'SPX', legs: guessed, quantity: 1, limitPrice: 0.05, source: { kind: 'tile', key: tile.key } });
      expect(placed.legs).toEqual(vertical);
      expect(placed.source).toEqual({ kind: 'tile', key: tile.key });
      expect((await call(alice, 'POST', `/api/orders/${placed.id}/cancel`)).status).toBe(200);
    });

    it('places an order from one of the user\'s saved positions, and answers another user\'s as 404 naming source.id', async () => {
      const position = { name: 'Vertical', symbol: 'SPX', legs: vertical, quantity: 1, entryPrice: 0.05 };
      const mine = (await call(alice, 'POST', '/api/journal/positions', position)).body['id'] as string;
      const theirs = (await call(bob, 'POST', '/api/journal/positions', position)).body['id'] as string;
      const placed = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05, source: { kind: 'position', id: mine } });
      expect(placed.source).toEqual({ kind: 'position', id: mine });
      expect((await call(alice, 'POST', `/api/orders/${placed.id}/cancel`)).status).toBe(200);
      const refused = await call(alice, 'POST', '/api/orders', { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05, source: { kind: 'position', id: theirs } });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'not-found', message: `no saved position ${theirs}`, issues: [{ path: 'source.id' }] });
    });
  });

  describe('a fill left without its trade by a stopped process', () => {
    it('is entered as one trade on the worker\'s next pass, and entering it again adds nothing', async () => {
      // A resting order keeps the worker passing; the other is claimed as a process stopped right after its claim left it.
      const keepsWorking = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      const claimed = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      const repository = new OrdersRepository(journal.database.db);
      expect(await repository.claimFill(alice.userId, { orderId: claimed.id, priceMicros: 4_300_000, pricedFrom: 'legs', filledAt: Date.now() - 60_000 })).toBe(true);

      const entered = await settled(alice, claimed.id);
      const tradeId = entered.fill?.tradeId;
      expect(tradeId).toBeTruthy();
      // Only fills are announced: none of the orders cancelled or expired since.
      const announcement = { user: alice.userId, entity: 'order', id: claimed.id, change: 'filled' };
      expect(await announcedFills(1)).toEqual([announcement]);
      const trade = (await journal.call<Json>(alice, 'GET', `/api/trades/${tradeId}`)).body;
      expect((trade['legs'] as { strike: number; side: string }[]).map((l) => [l.strike, l.side])).toEqual([
        [5000, 'buy'],
        [5010, 'sell'],
      ]);

      // Stopped after the entry but before the trade id was written: the next sweep finds the same trade.
      const executions = async () => (await journal.database.db.selectFrom('executions').select('id').where('log_id', '=', aliceLog).execute()).length;
      const before = await executions();
      await journal.database.db.updateTable('order_fills').set({ trade_id: null, announced_at: null }).where('order_id', '=', claimed.id).execute();
      const again = await settled(alice, claimed.id);
      expect(again.fill?.tradeId).toBe(tradeId);
      expect(await executions()).toBe(before);
      // Announced again: the first announcement may have been lost with the stopped process.
      expect(await announcedFills(1)).toEqual([announcement]);
      expect((await call(alice, 'POST', `/api/orders/${keepsWorking.id}/cancel`)).status).toBe(200);
    });
  });

  describe('a fill whose announcement system Redis refused', () => {
    /** How many XADDs system Redis has refused so far (its own count, from INFO commandstats). */
    const refusedAppends = async (): Promise<number> => Number(/cmdstat_xadd:.*failed_calls=(\d+)/.exec(await journal.system.info('commandstats'))?.[1] ?? 0);
    const announcedAt = async (orderId: string) => (await journal.database.db.selectFrom('order_fills').select('announced_at').where('order_id', '=', orderId).executeTakeFirstOrThrow()).announced_at;
    const until = async (what: string, done: () => Promise<boolean>) => {
      const deadline = Date.now() + 10_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    it('stays unannounced while the append fails, and is announced once by the next sweep after Redis takes appends again', async () => {
      const keepsWorking = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      await sync.skipToEnd();
      const refusedBefore = await refusedAppends();
      // The stream's key holding a string makes every XADD to it fail (WRONGTYPE), as a real Redis error would.
      await journal.system.multi().del(ALERT_SYNC_STREAM).set(ALERT_SYNC_STREAM, 'not a stream').exec();
      let filling: OrderDto;
      try {
        // Marketable at the 3.90 mid the earlier specs left in the model.
        filling = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 4.5 });
        const filled = await settled(alice, filling.id);
        expect(filled).toMatchObject({ status: 'filled', fill: { price: 3.9 } });
        expect(filled.fill?.tradeId).toBeTruthy();
        await until('the fill\'s announcement was refused', async () => (await refusedAppends()) > refusedBefore);
        expect(await announcedAt(filling.id)).toBeNull();
      } finally {
        await journal.system.del(ALERT_SYNC_STREAM);
      }

      // The sweep leaves a fill this young to the process filling it: the clock moves a minute on.
      await journal.database.db.updateTable('order_fills').set({ filled_at: Date.now() - 60_000 }).where('order_id', '=', filling.id).execute();
      const announcement = (id: string) => ({ user: alice.userId, entity: 'order', id, change: 'filled' });
      expect(await announcedFills(1)).toEqual([announcement(filling.id)]);
      expect(await announcedAt(filling.id)).toEqual(expect.any(Number));

      // A fill claimed now is settled by a later sweep, which must find the first one announced already.
      const marker = await place(alice, { symbol: 'SPX', legs: vertical, quantity: 1, limitPrice: 0.05 });
      expect(await new OrdersRepository(journal.database.db).claimFill(alice.userId, { orderId: marker.id, priceMicros: 3_900_000, pricedFrom: 'legs', filledAt: Date.now() - 60_000 })).toBe(true);
      expect(await announcedFills(1)).toEqual([announcement(marker.id)]);
      expect(await sync.next()).toEqual([]);
      expect((await call(alice, 'POST', `/api/orders/${keepsWorking.id}/cancel`)).status).toBe(200);
    });
  });
});
