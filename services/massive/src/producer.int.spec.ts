import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { loadRepoTruth, startRedisTrio, startServiceProcess, type RedisTrio, type ServiceProcess } from '@marketswarm/shared/testing';

const SPOT_STREAM = '{market}:stream:spot';
const SPOT_SNAPSHOT = '{market}:snapshot:spot';
const CANDLE_STREAM = '{market}:stream:candles';
const CANDLE_SNAPSHOT = '{market}:snapshot:candles';
const SYMBOLS = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];

async function readStream(redis: RedisTrio, key: string): Promise<Array<{ id: string; event: TypedEvent }>> {
  const entries = await redis.market.client().xrange(key, '-', '+');
  return entries.map(([id, fields]) => {
    const parsed = decodeStreamEntry(fields);
    if (!parsed.ok) throw new Error(`invalid entry ${id}: ${JSON.stringify(parsed.issues)}`);
    return { id, event: parsed.event };
  });
}

const compareIds = (a: string, b: string) => {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am === bm ? Number(as - bs) : Number(am - bm);
};

describe('massive producer publishing the simulated market', () => {
  let redis: RedisTrio;
  let producer: ServiceProcess;

  beforeAll(async () => {
    redis = await startRedisTrio();
    await loadRepoTruth(redis.system.client(), {
      patch: (truth) => {
        const settings = truth.components['massive']!.settings;
        Object.assign(settings, { spotIntervalMs: 100, clock: 'demo' });
      },
    });
    producer = await startServiceProcess({ dir: 'services/massive', env: redis.env });
  });

  afterAll(async () => {
    await producer?.stop();
    await redis?.stop();
  });

  it('publishes valid spot ticks for every symbol at the configured rate', async () => {
    await new Promise((r) => setTimeout(r, 1600));
    const spot = await readStream(redis, SPOT_STREAM);
    for (const { event } of spot) expect(event).toMatchObject({ topic: 'spot', type: 'tick' });
    expect(new Set(spot.map((s) => s.event.data['symbol']))).toEqual(new Set(SYMBOLS));
    // 100 ms cycles: about 10 ticks per symbol per second (generous bounds for a loaded CI box).
    const spx = spot.filter((s) => s.event.data['symbol'] === 'SPX').map((s) => s.event.ts);
    const perSecond = ((spx.length - 1) * 1000) / (spx[spx.length - 1]! - spx[0]!);
    expect(perSecond).toBeGreaterThan(6);
    expect(perSecond).toBeLessThan(12);
    const first = spot.find((s) => s.event.data['symbol'] === 'SPX')!.event.data['price'] as number;
    expect(first).toBeGreaterThan(4500);
    expect(first).toBeLessThan(5500);
  });

  it('publishes valid candle updates for all four intervals', async () => {
    const candles = await readStream(redis, CANDLE_STREAM);
    expect(candles.length).toBeGreaterThan(0);
    for (const { event } of candles) expect(event).toMatchObject({ topic: 'candles', type: 'candle' });
    expect(new Set(candles.map((c) => c.event.data['interval']))).toEqual(new Set(['1m', '5m', '15m', '1h']));
    for (const { event } of candles) {
      const d = event.data as { o: number; h: number; l: number; c: number };
      expect(d.h).toBeGreaterThanOrEqual(Math.max(d.o, d.c, d.l));
      expect(d.l).toBeLessThanOrEqual(Math.min(d.o, d.c));
    }
  });

  it('keeps the latest tick per symbol (and candle per symbol:interval) in the snapshot hashes', async () => {
    expect(await producer.stop()).toBe(0);
    const spot = await readStream(redis, SPOT_STREAM);
    const snapshot = await redis.market.client().hgetall(SPOT_SNAPSHOT);
    expect(Object.keys(snapshot).sort()).toEqual([...SYMBOLS].sort());
    for (const symbol of SYMBOLS) {
      const last = spot.filter((s) => s.event.data['symbol'] === symbol).at(-1)!.event;
      expect(JSON.parse(snapshot[symbol]!)).toEqual(last);
    }
    const candleFields = Object.keys(await redis.market.client().hgetall(CANDLE_SNAPSHOT));
    expect(candleFields).toHaveLength(SYMBOLS.length * 4);
    expect(candleFields).toContain('SPX:1m');
  });

  it('continues the streams after a restart with strictly increasing ids and seq numbers, no duplicates', async () => {
    const before = (await readStream(redis, SPOT_STREAM)).length;
    const hourBefore = JSON.parse((await redis.market.client().hget(CANDLE_SNAPSHOT, 'SPX:1h'))!) as { data: { t: number; o: number; v: number } };
    producer = await startServiceProcess({ dir: 'services/massive', env: redis.env });
    await new Promise((r) => setTimeout(r, 800));
    expect(await producer.stop()).toBe(0);
    // Today's candles were reloaded: the hour candle keeps its open and volume grows (unless the hour rolled over).
    const hourAfter = JSON.parse((await redis.market.client().hget(CANDLE_SNAPSHOT, 'SPX:1h'))!) as { data: { t: number; o: number; v: number } };
    if (hourAfter.data.t === hourBefore.data.t) {
      expect(hourAfter.data.o).toBe(hourBefore.data.o);
      expect(hourAfter.data.v).toBeGreaterThan(hourBefore.data.v);
    }
    // The simulator resumes from the last published prices instead of jumping back to its start.
    const spot = await readStream(redis, SPOT_STREAM);
    const spx = spot.filter((s) => s.event.data['symbol'] === 'SPX');
    const lastBefore = spx[spx.findIndex((s) => (s.event.data['seq'] as number) >= before) - 1]!.event.data['price'] as number;
    const firstAfter = spx.find((s) => (s.event.data['seq'] as number) >= before)!.event.data['price'] as number;
    expect(Math.abs(firstAfter / lastBefore - 1)).toBeLessThan(0.002);
    for (const key of [SPOT_STREAM, CANDLE_STREAM]) {
      const entries = await readStream(redis, key);
      if (key === SPOT_STREAM) expect(entries.length).toBeGreaterThan(before + 6);
      for (let i = 1; i < entries.length; i++) {
        expect(compareIds(entries[i]!.id, entries[i - 1]!.id)).toBeGreaterThan(0);
        expect(entries[i]!.event.data['seq']).toBe((entries[i - 1]!.event.data['seq'] as number) + 1);
      }
      expect(entries[0]!.event.data['seq']).toBe(0);
    }
  });
});
