import type { Redis } from 'ioredis';
import { encodeStreamEntry, parseEvent } from '@marketswarm/shared/events';
import { startRedisServer, type RedisServerHandle } from '@marketswarm/shared/testing';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarketHistoryReader } from './market-history.reader.js';

const route = (topic: 'spot' | 'gex' | 'mode'): TopicRoute => ({ topic, bus: 'market', stream: `{market}:stream:${topic}`, maxlen: 10_000, producers: ['massive'] });
const ROUTES = { spot: route('spot'), gex: route('gex'), mode: route('mode') };
const T0 = Date.parse('2026-12-01T15:00:00Z'); // 10:00 New York

describe(MarketHistoryReader.name, () => {
  let server: RedisServerHandle;
  let redis: Redis;
  let reader: MarketHistoryReader;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
    reader = new MarketHistoryReader(redis, ROUTES);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });
  beforeEach(async () => {
    await redis.flushall();
  });

  /** Writes an event at an exact stream time, as the producer would have at that moment. */
  async function at(ms: number, topic: 'spot' | 'gex' | 'mode', data: Record<string, unknown>): Promise<void> {
    const parsed = parseEvent({ topic, type: 'update', ts: ms, data });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await redis.xadd(ROUTES[topic].stream, `${ms}-0`, ...encodeStreamEntry(parsed.event));
  }

  it('reads the last spot of the underlying and of VIX, the GEX regime and flip and the mode at or before entry, never after', async () => {
    await at(T0 - 60_000, 'spot', { symbol: 'SPX', price: 6010 });
    await at(T0 - 30_000, 'spot', { symbol: 'VIX', price: 15.2 });
    await at(T0 - 10_000, 'spot', { symbol: 'SPX', price: 6012.5 });
    await at(T0 - 5_000, 'spot', { symbol: 'NDX', price: 21000 });
    await at(T0 + 1_000, 'spot', { symbol: 'SPX', price: 6100 }); // after entry: must not be used
    await at(T0 - 120_000, 'gex', { symbol: 'SPX', strikes: [], total: -1.5e9, flip: 6025 });
    await at(T0 - 200_000, 'mode', { mode: 'expansion', score: 71 });
    // SPXW legs trade on SPX's market.
    expect(await reader.read('SPXW', T0)).toEqual({ status: 'recorded', at: T0, spot: 6012.5, vix: 15.2, gexRegime: 'negative', gexFlip: 6025, mode: 'expansion' });
  });

  it('leaves a value null when its last event is stale (a spot from an hour before entry says nothing about it)', async () => {
    await at(T0 - 3_600_000, 'spot', { symbol: 'SPX', price: 5990 });
    await at(T0 - 1_000, 'spot', { symbol: 'VIX', price: 14 });
    expect(await reader.read('SPX', T0)).toEqual({ status: 'recorded', at: T0, spot: null, vix: 14, gexRegime: null, gexFlip: null, mode: null });
  });

  it('finds the underlying behind more than a page of other symbols\' prints', async () => {
    await at(T0 - 50_000, 'spot', { symbol: 'SPX', price: 6001 });
    for (let i = 0; i < 450; i += 1) await at(T0 - 40_000 + i * 10, 'spot', { symbol: 'QQQ', price: 500 + i / 100 });
    const stamp = await reader.read('SPX', T0);
    expect(stamp).toMatchObject({ status: 'recorded', spot: 6001 });
  });

  it('labels a trade opened before the oldest market event kept instead of giving it numbers it never saw', async () => {
    await at(T0, 'spot', { symbol: 'SPX', price: 6000 });
    expect(await reader.read('SPX', T0 - 86_400_000)).toEqual({ status: 'unavailable', reason: 'before-retention' });
  });

  it('says there is no market data when the spot stream is empty', async () => {
    expect(await reader.read('SPX', T0)).toEqual({ status: 'unavailable', reason: 'no-market-data' });
  });

  it('skips a malformed entry a producer wrote and reads the one before it', async () => {
    await at(T0 - 20_000, 'spot', { symbol: 'SPX', price: 6005 });
    await redis.xadd(ROUTES.spot.stream, `${T0 - 10_000}-0`, 'e', '{not json');
    expect(await reader.read('SPX', T0)).toMatchObject({ status: 'recorded', spot: 6005 });
  });

  describe('settlement values', () => {
    // Friday 4 Dec 2026: 16:00 New York is 21:00 UTC (EST); 09:30 is 14:30 UTC.
    const PM_CLOSE = Date.parse('2026-12-04T21:00:00Z');
    const AM_OPEN = Date.parse('2026-12-18T14:30:00Z');

    it('settles a PM option at the index\'s last print at or before the close, never a later one', async () => {
      await at(PM_CLOSE - 2_000, 'spot', { symbol: 'SPX', price: 6041.25 });
      await at(PM_CLOSE + 60_000, 'spot', { symbol: 'SPX', price: 6100 });
      expect(await reader.settlementValue({ underlying: 'SPXW', expiry: '2026-12-04', amSettled: false })).toBe(6_041_250_000);
      // XSP is a tenth of SPX: 604.125.
      expect(await reader.settlementValue({ underlying: 'XSP', expiry: '2026-12-04', amSettled: false })).toBe(604_125_000);
    });

    it('settles an AM option at the first print at or after the open (SPX monthly, third Friday)', async () => {
      await at(AM_OPEN - 60_000, 'spot', { symbol: 'SPX', price: 5990 });
      await at(AM_OPEN + 3_000, 'spot', { symbol: 'SPX', price: 6002.5 });
      expect(await reader.settlementValue({ underlying: 'SPX', expiry: '2026-12-18', amSettled: true })).toBe(6_002_500_000);
    });

    it('knows no value without a print near the settlement time, or for a root it cannot settle', async () => {
      await at(PM_CLOSE - 3_600_000, 'spot', { symbol: 'SPX', price: 6000 });
      expect(await reader.settlementValue({ underlying: 'SPXW', expiry: '2026-12-04', amSettled: false })).toBeUndefined();
      expect(await reader.settlementValue({ underlying: 'AAPL', expiry: '2026-12-04', amSettled: false })).toBeUndefined();
    });
  });
});
