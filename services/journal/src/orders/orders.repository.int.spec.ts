import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { OrdersRepository, type NewOrder } from './orders.repository.js';

const PLACED = Date.UTC(2026, 2, 2, 15);
const CLOSE = Date.UTC(2026, 2, 2, 21, 15);

const spread = (logId: string): NewOrder => ({
  logId,
  symbol: 'SPX',
  legs: [
    { expiry: '2026-03-02', strike: 5000, right: 'call', ratio: 1 },
    { expiry: '2026-03-02', strike: 5012.5, right: 'call', ratio: -1 },
  ],
  quantity: 3,
  limitPriceMicros: -1_250_000,
  source: { kind: 'tile', key: 'vertical-call:0:10:5000' },
  createdAt: PLACED,
  expiresAt: CLOSE,
});

describeOnBothDialects(OrdersRepository.name, (fixture) => {
  let orders: OrdersRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    orders = new OrdersRepository(fixture.db());
    alice = randomUUID();
    bob = randomUUID();
  });

  it('stores an order with its legs, signed limit and source, and reads it back only for its owner', async () => {
    const placed = await orders.create(alice, spread(randomUUID()));
    expect(await orders.get(alice, placed.id)).toEqual({ ...placed, fill: null });
    expect(placed).toMatchObject({ status: 'working', limitPriceMicros: -1_250_000, quantity: 3, source: { kind: 'tile', key: 'vertical-call:0:10:5000' } });
    expect(placed.legs[1]).toEqual({ expiry: '2026-03-02', strike: 5012.5, right: 'call', ratio: -1 });
    expect(await orders.get(bob, placed.id)).toBeUndefined();
    expect(await orders.close(placed.id, 'cancelled', PLACED + 1, null, bob)).toBe(false);
  });

  it('claims a fill once, with its fill row, and a cancel after it changes nothing', async () => {
    const placed = await orders.create(alice, spread(randomUUID()));
    const fill = { orderId: placed.id, priceMicros: -1_300_000, pricedFrom: 'legs' as const, filledAt: PLACED + 60_000 };
    expect(await orders.claimFill(alice, fill)).toBe(true);
    expect(await orders.claimFill(alice, fill)).toBe(false);
    expect(await orders.close(placed.id, 'cancelled', PLACED + 120_000, null, alice)).toBe(false);
    await orders.fillEntered(placed.id, 'trade-1');
    expect(await orders.get(alice, placed.id)).toMatchObject({ status: 'filled', closedAt: PLACED + 60_000, fill: { ...fill, tradeId: 'trade-1' } });
    expect((await orders.fills(alice)).map((f) => f.fill.tradeId)).toEqual(['trade-1']);
  });

  it('refuses a fill at or after the session close, though nobody has marked the order expired yet', async () => {
    const placed = await orders.create(alice, spread(randomUUID()));
    expect(await orders.claimFill(alice, { orderId: placed.id, priceMicros: 1, pricedFrom: 'legs', filledAt: CLOSE })).toBe(false);
    expect(await orders.get(alice, placed.id)).toMatchObject({ status: 'working', fill: null });
    expect(await orders.claimFill(alice, { orderId: placed.id, priceMicros: 1, pricedFrom: 'legs', filledAt: CLOSE - 1 })).toBe(true);
  });

  it("finds fills not yet announced, with or without their trade, every user's, once they are old enough not to be in flight", async () => {
    const settled = await orders.create(alice, spread(randomUUID()));
    const enteredOnly = await orders.create(alice, spread(randomUUID()));
    const leftAlice = await orders.create(alice, spread(randomUUID()));
    const leftBob = await orders.create(bob, spread(randomUUID()));
    for (const [o, at] of [[settled, PLACED + 1], [enteredOnly, PLACED + 2], [leftAlice, PLACED + 3], [leftBob, PLACED + 4]] as const) {
      await orders.claimFill(o.userId, { orderId: o.id, priceMicros: 1_000_000, pricedFrom: 'legs', filledAt: at });
    }
    await orders.fillEntered(settled.id, 'trade-1');
    await orders.fillAnnounced(settled.id, PLACED + 10);
    // Entered, then stopped (or refused by Redis) before its announcement was appended.
    await orders.fillEntered(enteredOnly.id, 'trade-2');
    expect((await orders.unannounced(PLACED + 4)).map((o) => [o.id, o.fill?.filledAt, o.fill?.tradeId])).toEqual([
      [enteredOnly.id, PLACED + 2, 'trade-2'],
      [leftAlice.id, PLACED + 3, null],
      [leftBob.id, PLACED + 4, null],
    ]);
    expect((await orders.unannounced(PLACED + 3)).map((o) => o.id)).toEqual([enteredOnly.id, leftAlice.id]);
  });

  it('undoes a claimed fill: back to working, or cancelled with the reason', async () => {
    const first = await orders.create(alice, spread(randomUUID()));
    const second = await orders.create(alice, spread(randomUUID()));
    for (const o of [first, second]) await orders.claimFill(alice, { orderId: o.id, priceMicros: 1, pricedFrom: 'tile', filledAt: PLACED + 1 });
    await orders.undoFill(first.id, { status: 'working' });
    await orders.undoFill(second.id, { status: 'cancelled', at: PLACED + 2, reason: 'not filled: the log is archived' });
    expect(await orders.get(alice, first.id)).toMatchObject({ status: 'working', closedAt: null, fill: null });
    expect(await orders.get(alice, second.id)).toMatchObject({ status: 'cancelled', closedAt: PLACED + 2, reason: 'not filled: the log is archived', fill: null });
    expect(await orders.fills(alice)).toEqual([]);
  });

  it('expires working orders at their close, for one user or for all', async () => {
    const mine = await orders.create(alice, spread(randomUUID()));
    const theirs = await orders.create(bob, spread(randomUUID()));
    expect(await orders.expireDue(CLOSE - 1, alice)).toBe(0);
    expect(await orders.expireDue(CLOSE, alice)).toBe(1);
    expect(await orders.get(alice, mine.id)).toMatchObject({ status: 'expired', closedAt: CLOSE });
    expect((await orders.get(bob, theirs.id))?.status).toBe('working');
    expect((await orders.working()).map((o) => o.id)).toContain(theirs.id);
    await orders.expireDue(CLOSE);
    expect((await orders.list(bob, 'expired')).map((o) => o.id)).toEqual([theirs.id]);
  });
});
