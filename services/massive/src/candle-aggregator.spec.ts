import { describe, expect, it } from 'vitest';
import { CandleAggregator } from './candle-aggregator.js';

const T0 = Date.UTC(2026, 2, 2, 14, 30); // 09:30 New York, on a 1m/5m/15m and 30-minute boundary
const S1 = '2026-03-02';
const S2 = '2026-03-03';

describe(CandleAggregator.name, () => {
  it('builds OHLCV within a bucket for every interval', () => {
    const agg = new CandleAggregator();
    agg.add({ symbol: 'SPX', price: 100, size: 2, ts: T0, session: S1 });
    agg.add({ symbol: 'SPX', price: 103, size: 1, ts: T0 + 10_000, session: S1 });
    agg.add({ symbol: 'SPX', price: 98, ts: T0 + 20_000, session: S1 });
    const last = agg.add({ symbol: 'SPX', price: 101, size: 4, ts: T0 + 59_999, session: S1 });
    expect(last).toEqual([
      { symbol: 'SPX', interval: '1m', t: T0, o: 100, h: 103, l: 98, c: 101, v: 7 },
      { symbol: 'SPX', interval: '5m', t: T0, o: 100, h: 103, l: 98, c: 101, v: 7 },
      { symbol: 'SPX', interval: '15m', t: T0, o: 100, h: 103, l: 98, c: 101, v: 7 },
      { symbol: 'SPX', interval: '1h', t: T0 - 30 * 60_000, o: 100, h: 103, l: 98, c: 101, v: 7 },
    ]);
  });

  it('opens a new candle exactly at the bucket boundary and keeps the closed one in history', () => {
    const agg = new CandleAggregator();
    agg.add({ symbol: 'SPX', price: 100, size: 1, ts: T0 + 59_999, session: S1 });
    const [m1, m5] = agg.add({ symbol: 'SPX', price: 105, size: 1, ts: T0 + 60_000, session: S1 });
    expect(m1).toEqual({ symbol: 'SPX', interval: '1m', t: T0 + 60_000, o: 105, h: 105, l: 105, c: 105, v: 1 });
    expect(m5).toEqual({ symbol: 'SPX', interval: '5m', t: T0, o: 100, h: 105, l: 100, c: 105, v: 2 });
    agg.add({ symbol: 'SPX', price: 99, ts: T0 + 5 * 60_000, session: S1 });
    expect(agg.history('SPX', '1m').map((c) => [c.t, c.o, c.c])).toEqual([
      [T0, 100, 100],
      [T0 + 60_000, 105, 105],
      [T0 + 5 * 60_000, 99, 99],
    ]);
    expect(agg.history('SPX', '5m').map((c) => [c.t, c.o, c.h, c.l, c.c])).toEqual([
      [T0, 100, 105, 100, 105],
      [T0 + 5 * 60_000, 99, 99, 99, 99],
    ]);
    expect(agg.history('SPX', '15m')).toHaveLength(1);
  });

  it('opens fresh candles for a new session with no carry-over, and forgets the old day', () => {
    const agg = new CandleAggregator();
    agg.add({ symbol: 'SPX', price: 100, size: 5, ts: T0, session: S1 });
    agg.add({ symbol: 'SPX', price: 110, size: 5, ts: T0 + 6.5 * 3600_000 - 1, session: S1 });
    const nextDay = T0 + 24 * 3600_000;
    const candles = agg.add({ symbol: 'SPX', price: 90, size: 1, ts: nextDay, session: S2 });
    for (const c of candles) expect({ o: c.o, h: c.h, l: c.l, c: c.c, v: c.v }).toEqual({ o: 90, h: 90, l: 90, c: 90, v: 1 });
    expect(agg.history('SPX', '1m')).toHaveLength(1);
    expect(agg.session('SPX')).toBe(S2);
  });

  it('starts a new candle on a session change even inside the same bucket', () => {
    const agg = new CandleAggregator();
    agg.add({ symbol: 'SPX', price: 100, ts: T0, session: S1 });
    const [m1] = agg.add({ symbol: 'SPX', price: 120, ts: T0 + 1000, session: S2 });
    expect(m1).toMatchObject({ t: T0, o: 120, h: 120, l: 120, c: 120, v: 0 });
  });

  it('keeps symbols apart', () => {
    const agg = new CandleAggregator();
    agg.add({ symbol: 'SPX', price: 5000, ts: T0, session: S1 });
    agg.add({ symbol: 'NDX', price: 17500, ts: T0 + 1, session: S1 });
    expect(agg.history('SPX', '1m')[0]).toMatchObject({ o: 5000, c: 5000 });
    expect(agg.history('NDX', '1m')[0]).toMatchObject({ o: 17500, c: 17500 });
  });

  it('folds a late tick into the current candle instead of reopening an old bucket', () => {
    const agg = new CandleAggregator();
    agg.add({ symbol: 'SPX', price: 100, ts: T0 + 60_000, session: S1 });
    const [m1] = agg.add({ symbol: 'SPX', price: 90, size: 2, ts: T0, session: S1 });
    expect(m1).toEqual({ symbol: 'SPX', interval: '1m', t: T0 + 60_000, o: 100, h: 100, l: 90, c: 100, v: 2 });
    expect(agg.history('SPX', '1m')).toHaveLength(1);
  });

  it('restores candles in bucket order, replacing an older copy of the same bucket', () => {
    const agg = new CandleAggregator();
    const c = (t: number, close: number) => ({ symbol: 'SPX', interval: '1m' as const, t, o: 100, h: 110, l: 90, c: close, v: 1 });
    agg.restore(S1, [c(T0 + 120_000, 1), c(T0, 2), c(T0 + 60_000, 3), c(T0, 4)]);
    expect(agg.history('SPX', '1m').map((x) => [x.t, x.c])).toEqual([
      [T0, 4],
      [T0 + 60_000, 3],
      [T0 + 120_000, 1],
    ]);
    expect(agg.session('SPX')).toBe(S1);
  });
});
