import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TypedEvent } from '@marketswarm/shared/events';
import { Registry } from '@marketswarm/shared/metrics';
import { FakeResponse } from '../testing/fake-response.js';
import { createGatewayMetrics } from './gateway-metrics.js';
import { ingest, type IngestedEvent } from './ingested-event.js';
import { PositionSeal } from './position-seal.js';
import { CursorCodec } from './resume-cursor.js';
import { SseConnection, type Wire } from './sse-connection.js';
import type { Subscription } from './subscription.js';

const codec = new CursorCodec(new PositionSeal(randomBytes(32)));
const ALICE = { id: 'u-alice', sessionId: 's-alice' };

function setup(options: { topics?: Subscription['topics']; symbol?: string; capacity?: number; byteBudget?: number; resume?: string; wire?: Wire } = {}) {
  const res = new FakeResponse(options.capacity);
  const metrics = createGatewayMetrics(new Registry());
  const closed: SseConnection[] = [];
  const subscription: Subscription = { route: 'test', topics: options.topics ?? ['spot', 'vexy'], symbol: options.symbol };
  const connection = new SseConnection(res.asResponse(), ALICE, subscription, options.resume ? codec.parse(options.resume) : null, {
    byteBudget: options.byteBudget ?? 1024 * 1024,
    codec,
    metrics,
    ...(options.wire ? { wire: options.wire } : {}),
    onClose: (c) => closed.push(c),
  });
  return { res, metrics, connection, closed };
}

/** A socket stand-in that counts what reaches the kernel: one send per uncorked write or uncork. */
class CorkableWire extends FakeResponse {
  corked = 0;
  sends = 0;
  private pending = false;

  cork(): void {
    this.corked++;
  }

  uncork(): void {
    if (this.corked > 0 && --this.corked === 0 && this.pending) {
      this.pending = false;
      this.sends++;
    }
  }

  override write(chunk: Buffer | string): boolean {
    if (this.corked > 0) this.pending = true;
    else this.sends++;
    return super.write(chunk);
  }
}

let ms = 1_700_000_000_000;
function event(data: TypedEvent, seq = 0): IngestedEvent {
  return ingest(data, { ms: ++ms, seq });
}
const spot = (symbol: string, price: number) => event({ topic: 'spot', type: 'tick', ts: 1, data: { symbol, price } });
const vexy = (text: string) => event({ topic: 'vexy', type: 'note', ts: 1, data: { text } });
const alert = (user: string, id: string) => event({ topic: 'alerts', type: 'alert', ts: 1, data: { id, message: id, severity: 'info' }, user });
async function counted(metric: { get(): Promise<{ values: { labels: object; value: number }[] }> }, labels: Record<string, string>): Promise<number | undefined> {
  return (await metric.get()).values.find((v) => Object.entries(labels).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x))?.value;
}
const dataOf = (frame: { data: string }) => (JSON.parse(frame.data) as { data: Record<string, unknown> }).data;

describe(SseConnection.name, () => {
  describe('delivery', () => {
    it('writes each live event once with the cursor as its id, and drops what the cursor already covers', () => {
      const { res, connection } = setup();
      connection.goLive();
      const first = vexy('one');
      connection.deliver(first);
      connection.deliver(first);
      connection.deliver(vexy('two'));
      const frames = res.frames();
      expect(frames.map((f) => dataOf(f)['text'])).toEqual(['one', 'two']);
      // Each id carries the position of the event it ends, and parses back to it.
      expect(codec.parse(frames[1]!.id)?.get('vexy')).toEqual({ ms, seq: 0 });
    });

    it('routes by topic, symbol and owner', () => {
      const { connection } = setup({ topics: ['spot', 'alerts'], symbol: 'SPX' });
      expect(connection.accepts(spot('SPX', 1))).toBe(true);
      expect(connection.accepts(spot('NDX', 1))).toBe(false);
      expect(connection.accepts(vexy('not followed'))).toBe(false);
      const mine = setup({ topics: ['alerts'] }).connection;
      expect(mine.accepts(alert(ALICE.id, 'a'))).toBe(true);
      expect(mine.accepts(alert('u-bob', 'b'))).toBe(false);
    });

    it('shares a multi-topic frame with connections in the same state only for live events, never for replayed ones', () => {
      const replayed = vexy('replayed, held by StoredEntries');
      const live = vexy('live');
      const [a, b] = [setup(), setup()];
      for (const { connection } of [a, b]) connection.deliver(replayed);
      expect(replayed.frames?.size ?? 0).toBe(0);
      for (const { connection } of [a, b]) {
        connection.goLive();
        connection.offer(live);
      }
      expect(live.frames?.size).toBe(1);
      expect(a.res.frames()).toEqual(b.res.frames());
    });

    it('holds live events back while catch-up runs and delivers them after, without duplicates', () => {
      const { res, connection } = setup();
      const replayed = vexy('replayed');
      connection.offer(vexy('live during catch-up'));
      connection.deliver(replayed);
      // The reader saw the replayed entry live too: the cursor drops it on goLive.
      connection.offer(replayed);
      expect(res.frames().map((f) => dataOf(f)['text'])).toEqual(['replayed']);
      connection.goLive();
      expect(res.frames().map((f) => dataOf(f)['text'])).toEqual(['replayed', 'live during catch-up']);
    });

    it('cuts a connection whose held-back live events pass the budget during catch-up', () => {
      const { res, connection, closed } = setup({ byteBudget: 2000 });
      for (let i = 0; i < 30; i++) connection.offer(vexy('x'.repeat(100)));
      expect(closed).toEqual([connection]);
      expect(res.frames().at(-1)).toMatchObject({ event: 'error' });
      expect(JSON.parse(res.frames().at(-1)!.data)).toMatchObject({ reason: 'slow-consumer' });
    });
  });

  describe('back-pressure', () => {
    it('queues once the socket is full and flushes in order on drain', async () => {
      const { res, connection } = setup({ capacity: 200 });
      connection.goLive();
      connection.deliver(vexy('a'.repeat(250)));
      expect(connection.isLagging).toBe(true);
      connection.deliver(vexy('b'));
      connection.deliver(vexy('c'));
      expect(res.frames()).toHaveLength(1);
      const drained = connection.drained();
      res.drain();
      await drained;
      expect(res.frames().map((f) => String(dataOf(f)['text']).charAt(0))).toEqual(['a', 'b', 'c']);
      expect(connection.isLagging).toBe(false);
    });

    it('conflates queued ticks per symbol (newest wins, counted) and never drops commentary', async () => {
      const { res, connection, metrics } = setup({ capacity: 100 });
      connection.goLive();
      connection.deliver(vexy('x'.repeat(150)));
      connection.deliver(spot('SPX', 1));
      connection.deliver(vexy('kept'));
      connection.deliver(spot('SPX', 2));
      connection.deliver(spot('NDX', 3));
      connection.deliver(spot('SPX', 4));
      while (connection.isLagging) res.drain();
      const delivered = res.frames().map((f) => dataOf(f));
      expect(delivered.filter((d) => d['symbol'] === 'SPX').map((d) => d['price'])).toEqual([4]);
      expect(delivered.map((d) => d['text'] ?? d['symbol'])).toEqual(['x'.repeat(150), 'kept', 'NDX', 'SPX']);
      expect(await counted(metrics.conflated, { topic: 'spot' })).toBe(2);
    });

    it('disconnects with a reason once socket and queue hold more than the budget, and counts it', async () => {
      const { res, connection, closed, metrics } = setup({ capacity: 100, byteBudget: 1000 });
      connection.goLive();
      for (let i = 0; i < 20; i++) connection.deliver(vexy('y'.repeat(100)));
      expect(closed).toEqual([connection]);
      expect(connection.isClosed).toBe(true);
      const last = res.frames().at(-1)!;
      expect(last.event).toBe('error');
      expect(JSON.parse(last.data)).toMatchObject({ reason: 'slow-consumer', message: expect.stringContaining('1000 bytes') as string });
      expect(res.ended).toBe(true);
      expect(await counted(metrics.disconnected, { reason: 'slow-consumer' })).toBe(1);
      // Nothing more is written to a closed connection.
      const written = res.chunks.length;
      connection.deliver(vexy('late'));
      expect(res.chunks.length).toBe(written);
    });

    it('skips keepalives while lagging', () => {
      const { res, connection } = setup({ capacity: 10 });
      connection.goLive();
      connection.deliver(vexy('fill'));
      const before = res.chunks.length;
      connection.keepalive(Buffer.from(': keepalive\n\n'));
      expect(res.chunks.length).toBe(before);
    });
  });

  describe('connect batching', () => {
    it('sends a held connect (snapshot and ready) in one write once it goes live', () => {
      const wire = new CorkableWire();
      const { connection } = setup({ topics: ['vexy'], wire });
      connection.hold();
      connection.writeSnapshotEntry('vexy', vexy('recent').body, { ms: 5, seq: 0 }, true);
      connection.control('ready', { topics: ['vexy'], resumed: [], reset: [] }, true);
      expect(wire.sends).toBe(0);
      connection.goLive();
      expect(wire.sends).toBe(1);
      expect(wire.frames().map((f) => f.event)).toEqual(['vexy', 'ready']);
      connection.deliver(vexy('live'));
      expect(wire.sends).toBe(2);
    });

    it('lets a held connect go at the first back-pressure, so catch-up can wait for the drain', async () => {
      const wire = new CorkableWire(100);
      const { connection } = setup({ topics: ['vexy'], wire });
      connection.hold();
      connection.writeSnapshotEntry('vexy', vexy('x'.repeat(200)).body, { ms: 5, seq: 0 }, true);
      expect(wire.corked).toBe(0);
      expect(connection.isLagging).toBe(true);
      const drained = connection.drained();
      wire.drain();
      await drained;
      expect(connection.isLagging).toBe(false);
    });

    it('lets a held connect go when it is cut, so the reason reaches the client', () => {
      const wire = new CorkableWire();
      const { res, connection } = setup({ topics: ['vexy'], wire });
      connection.hold();
      connection.disconnect('shutdown');
      expect(wire.corked).toBe(0);
      expect(JSON.parse(res.frames().at(-1)!.data)).toMatchObject({ reason: 'shutdown' });
    });
  });

  describe('cursor', () => {
    it('moves a snapshot topic only with its last entry, so a cut snapshot is resent whole', () => {
      const { res, connection } = setup({ topics: ['spot'] });
      const at = { ms: 42, seq: 0 };
      connection.writeSnapshotEntry('spot', spot('SPX', 1).body, at, false);
      expect(res.frames()[0]?.id).toBe('');
      connection.writeSnapshotEntry('spot', spot('NDX', 1).body, at, true);
      expect(codec.parse(res.frames()[1]?.id)?.get('spot')).toEqual(at);
    });

    it('stamps ready with the full cursor and resumes from what the client sent', () => {
      const { res, connection } = setup({ resume: 'v1-0.s2-0' });
      connection.control('ready', { topics: ['spot', 'vexy'], resumed: [], reset: [] }, true);
      expect(res.frames()[0]).toMatchObject({ event: 'ready', id: 's2-0.v1-0' });
    });

    it('never shares an id holding a user-topic position between connections, and keeps its seal while the position stays', () => {
      const one = setup({ topics: ['spot', 'alerts'] });
      const two = setup({ topics: ['spot', 'alerts'] });
      for (const { connection } of [one, two]) {
        connection.advance('alerts', { ms: 7, seq: 0 });
        connection.goLive();
      }
      const tick = spot('SPX', 1);
      one.connection.deliver(tick);
      two.connection.deliver(tick);
      one.connection.deliver(spot('NDX', 2));
      const [a, b] = [one.res.frames()[0]!.id!, two.res.frames()[0]!.id!];
      expect(a).not.toBe(b);
      expect(codec.parse(a)?.get('alerts')).toEqual({ ms: 7, seq: 0 });
      expect(codec.parse(b)?.get('spot')).toEqual(tick.id);
      // The alerts segment did not move, so the next id repeats it rather than sealing again.
      const alertsSegment = (id: string) => id.split('.').find((seg) => seg.startsWith('a'));
      expect(alertsSegment(one.res.frames()[1]!.id!)).toBe(alertsSegment(a));
    });

    it('writes a large body to a user-topic connection as the shared buffer itself, never a copy, and a small one in one frame', () => {
      const wire = new FakeResponse();
      const { connection } = setup({ topics: ['vexy', 'alerts'], wire });
      connection.goLive();
      const before = wire.chunks.length;
      const large = vexy('x'.repeat(20_000));
      const small = vexy('short');
      connection.deliver(large);
      connection.deliver(small);
      const events = wire.chunks.slice(before);
      expect(events).toHaveLength(3);
      expect(events[0]).toBe(large.body);
      expect(wire.frames().filter((f) => f.event === 'vexy').map((f) => [f.event, (JSON.parse(f.data) as { data: { text: string } }).data.text.length, codec.parse(f.id)?.get('vexy')])).toEqual([
        ['vexy', 20_000, large.id],
        ['vexy', 5, small.id],
      ]);
    });

    it('ends the stream for a closed session with the reason', () => {
      const { res, connection, closed } = setup();
      connection.disconnect('signed-out');
      expect(JSON.parse(res.frames().at(-1)!.data)).toMatchObject({ reason: 'signed-out' });
      expect(closed).toEqual([connection]);
    });
  });
});
