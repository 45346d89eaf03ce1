import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../events/envelope.js';
import { decodeStreamEntry } from '../events/stream-codec.js';
import { useFreshSystemRedis } from '../testing/fresh-system-redis.js';
import type { TopicRoute } from '../truth/truth-doc.schema.js';
import { InvalidEventError, publishEvents } from './publish-event.js';
import { readSnapshot } from './read-snapshot.js';

const spotRoute: TopicRoute = { topic: 'spot', bus: 'market', stream: 't:spot', maxlen: 1000, snapshot: 't:spot:latest', producers: ['test'] };
const intelRoute: TopicRoute = { topic: 'intel', bus: 'intel', stream: 't:intel', maxlen: 1000, producers: ['test'] };
const heatmapRoute: TopicRoute = { topic: 'heatmap', bus: 'market', stream: 't:heatmap', maxlen: 1000, snapshot: 't:heatmap:latest', producers: ['test'] };
const TS = 1_700_000_000_000;

describe(publishEvents.name, () => {
  let redis: Redis;
  useFreshSystemRedis((client) => (redis = client));

  const stream = async (route: TopicRoute) => (await redis.xrange(route.stream, '-', '+')).map(([id, fields]) => ({ id, decoded: decodeStreamEntry(fields) }));

  it('appends each event to the stream and keeps the latest per symbol in the snapshot, returning the ids in order', async () => {
    const ids = await publishEvents(redis, spotRoute, [
      { topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'SPX', price: 5000, seq: 0 } },
      { topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'NDX', price: 17_500, seq: 1 } },
      { topic: 'spot', type: 'tick', ts: TS + 1, data: { symbol: 'SPX', price: 5001, seq: 2 } },
    ]);
    expect((await stream(spotRoute)).map((e) => e.id)).toEqual(ids);
    const snapshot = await readSnapshot(redis, spotRoute, 'spot');
    expect(snapshot.events.map((e) => [e.data.symbol, e.data.price]).sort()).toEqual([
      ['NDX', 17_500],
      ['SPX', 5001],
    ]);
  });

  it('does not compile a payload of the wrong shape, and refuses it at run time without writing anything', async () => {
    const wrong = [
      // @ts-expect-error a spot tick needs a numeric price
      { topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'SPX', price: '5000' } },
      // @ts-expect-error a spot payload is not a gex payload
      { topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'SPX', strikes: [] } },
    ] satisfies readonly EventInput[];
    // Forced through the types, as JSON from outside would be: the run-time check still refuses it.
    for (const event of wrong) await expect(publishEvents(redis, spotRoute, [event as unknown as EventInput<'spot'>])).rejects.toThrow(InvalidEventError);
    await expect(publishEvents(redis, spotRoute, [{ topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'spx', price: -1 } }])).rejects.toThrow(
      /data\.symbol: must be an upper-case ticker such as SPX; data\.price/,
    );
    expect(await redis.exists(spotRoute.stream, spotRoute.snapshot!)).toBe(0);
  });

  it('does not compile a misspelt payload field, though the loose schema would keep an extra field', async () => {
    // @ts-expect-error `sise` is not a spot payload field (`size` is)
    const misspelt: EventInput<'spot'> = { topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'SPX', price: 5000, sise: 2 } };
    await publishEvents(redis, spotRoute, [misspelt]);
    const [entry] = await stream(spotRoute);
    expect(entry?.decoded).toMatchObject({ ok: true, event: { data: { sise: 2 } } });
  });

  it('refuses an event for another topic than the route', async () => {
    await expect(publishEvents(redis, intelRoute, [{ topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'SPX', price: 1 } }])).rejects.toThrow(
      'topic: event is for "spot" but the route is "intel"',
    );
  });

  it('fills payload defaults before writing, so every reader sees them', async () => {
    await publishEvents(redis, intelRoute, [{ topic: 'intel', type: 'item', ts: TS, data: { id: 'n1', title: 'Fed holds', source: 'wire' } }]);
    const [entry] = await stream(intelRoute);
    expect(entry?.decoded.ok && entry.decoded.event.topic === 'intel' && entry.decoded.event.data.tickers).toEqual([]);
  });

  it('keeps the full state in the snapshot when snapshotOf says so, while the stream carries the diff', async () => {
    const tile = { key: 'single-call:0:0:5000', strategy: 'single-call' as const, dte: 0, width: 0, strike: 5000, debit: 12, maxProfit: null, maxLoss: -12, rewardRisk: null, expiry: TS };
    await publishEvents(redis, heatmapRoute, [{ topic: 'heatmap', type: 'diff', ts: TS, data: { symbol: 'SPX', version: 2, kind: 'diff', tiles: {}, removed: [] } }], {
      snapshotOf: (event) => ({ ...event, type: 'snapshot', data: { ...event.data, kind: 'snapshot', tiles: { [tile.key]: tile } } }),
    });
    const [entry] = await stream(heatmapRoute);
    expect(entry?.decoded).toMatchObject({ ok: true, event: { type: 'diff', data: { kind: 'diff', version: 2 } } });
    const { events } = await readSnapshot(redis, heatmapRoute, 'heatmap');
    expect(events.map((e) => [e.type, e.data.kind, e.data.version, Object.keys(e.data.tiles)])).toEqual([['snapshot', 'snapshot', 2, [tile.key]]]);
  });
  it('appends at most once per token: sent again (as a client resends after a dropped reply), it returns the same ids and writes nothing', async () => {
    const tick = (seq: number): EventInput<'spot'> => ({ topic: 'spot', type: 'tick', ts: TS, data: { symbol: 'SPX', price: 5000 + seq, seq } });
    const first = await publishEvents(redis, spotRoute, [tick(0), tick(1)], { token: 'batch-1' });
    const again = await publishEvents(redis, spotRoute, [tick(0), tick(1)], { token: 'batch-1' });
    expect(again).toEqual(first);
    expect((await stream(spotRoute)).map((e) => e.id)).toEqual(first);
    // Another token is another publish.
    const next = await publishEvents(redis, spotRoute, [tick(2)], { token: 'batch-2' });
    expect((await stream(spotRoute)).map((e) => e.id)).toEqual([...first, ...next]);
    // The token expires on its own: nothing is kept for long.
    expect(await redis.ttl('{t:spot}:publish:batch-1')).toBeGreaterThan(0);
  });
});

describe(readSnapshot.name, () => {
  let redis: Redis;
  useFreshSystemRedis((client) => (redis = client));

  it('reads nothing for a route without a snapshot hash, and refuses another topic\'s route', async () => {
    expect(await readSnapshot(redis, intelRoute, 'intel')).toEqual({ events: [], skipped: [] });
    await expect(readSnapshot(redis, intelRoute, 'spot')).rejects.toThrow('the route of "intel" was given for topic "spot"');
  });
});
