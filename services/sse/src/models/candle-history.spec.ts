import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { encodeStreamEntry, type TypedEvent } from '@marketswarm/shared/events';
import { candleHistoryRequestSchema } from '@marketswarm/shared/dto';
import { readCandleHistory } from './candle-history.js';

type Entry = [id: string, fields: string[]];

/** Just enough of XLEN / XREVRANGE (with `(` exclusive ends) over an in-memory stream, oldest first. */
function fakeStream(entries: Entry[]): { redis: Redis; pages: number[] } {
  const pages: number[] = [];
  const cmp = (a: string, b: string) => {
    const [am = 0, as = 0] = a.split('-').map(Number);
    const [bm = 0, bs = 0] = b.split('-').map(Number);
    return am - bm || as - bs;
  };
  const redis = {
    xlen: (): Promise<number> => Promise.resolve(entries.length),
    xrevrange: (_key: string, end: string, _start: string, _count: 'COUNT', count: number): Promise<Entry[]> => {
      pages.push(count);
      const below = (id: string) => end === '+' || (end.startsWith('(') ? cmp(id, end.slice(1)) < 0 : cmp(id, end) <= 0);
      return Promise.resolve([...entries].reverse().filter(([id]) => below(id)).slice(0, count));
    },
  };
  return { redis: redis as unknown as Redis, pages };
}

let n = 0;
const candle = (symbol: string, interval: string, t: number, c: number, v?: number): Entry => {
  const event = { topic: 'candles', type: 'candle', ts: t + 1, data: { symbol, interval, t, o: 100, h: 110, l: 90, c, ...(v === undefined ? {} : { v }) } } as TypedEvent;
  n++;
  return [`${1000 + n}-0`, encodeStreamEntry(event)];
};
const raw = (fields: string[]): Entry => [`${1000 + ++n}-0`, fields];
const request = (query: Record<string, unknown>) => candleHistoryRequestSchema.parse({ symbol: 'spx', ...query });

describe(readCandleHistory.name, () => {
  const entries: Entry[] = [
    candle('SPX', '1m', 60_000, 101, 5),
    candle('SPX', '1m', 120_000, 102),
    candle('NDX', '1m', 120_000, 9999),
    candle('SPX', '5m', 0, 555),
    raw(['e', '{not json']),
    raw(['x', 'no envelope field']),
    candle('SPX', '1m', 120_000, 103, 7), // newer version of t = 120 000
    candle('SPX', '1m', 180_000, 104),
  ];

  it('keeps the newest version of each candle of the symbol and interval, ascending, skipping bad entries', async () => {
    const { redis } = fakeStream(entries);
    expect(await readCandleHistory(redis, 's', request({}))).toEqual({
      symbol: 'SPX',
      interval: '1m',
      candles: [
        { t: 60_000, o: 100, h: 110, l: 90, c: 101, v: 5 },
        { t: 120_000, o: 100, h: 110, l: 90, c: 103, v: 7 },
        { t: 180_000, o: 100, h: 110, l: 90, c: 104 },
      ],
    });
    expect((await readCandleHistory(redis, 's', request({ interval: '5m' }))).candles).toEqual([{ t: 0, o: 100, h: 110, l: 90, c: 555 }]);
  });

  it('pages through the stream with exclusive ends, never past its length, and stops at limit distinct candles', async () => {
    const all = fakeStream(entries);
    expect((await readCandleHistory(all.redis, 's', request({}), 3)).candles.map((c) => c.t)).toEqual([60_000, 120_000, 180_000]);
    expect(all.pages).toEqual([3, 3, 2]);
    const two = fakeStream(entries);
    const newest = await readCandleHistory(two.redis, 's', request({ limit: '2' }), 3);
    expect(newest.candles.map((c) => [c.t, c.c])).toEqual([
      [120_000, 103],
      [180_000, 104],
    ]);
    expect(two.pages).toEqual([3]);
  });

  it('answers an empty list for an empty stream or an unknown symbol', async () => {
    expect((await readCandleHistory(fakeStream([]).redis, 's', request({}))).candles).toEqual([]);
    expect((await readCandleHistory(fakeStream(entries).redis, 's', request({ symbol: 'RUT' }))).candles).toEqual([]);
  });
});

describe('candle history request', () => {
  it('defaults to 1m and 500, upper-cases the symbol, and coerces the limit', () => {
    expect(candleHistoryRequestSchema.parse({ symbol: 'spx' })).toEqual({ symbol: 'SPX', interval: '1m', limit: 500 });
    expect(candleHistoryRequestSchema.parse({ symbol: 'NDX', interval: '1h', limit: '2000' })).toEqual({ symbol: 'NDX', interval: '1h', limit: 2000 });
  });

  it('refuses an unknown interval and a limit outside 1–2000 or not whole, naming the field', () => {
    const paths = (input: unknown) => {
      const r = candleHistoryRequestSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ symbol: 'SPX', interval: '2m' })).toEqual(['interval']);
    for (const limit of ['0', '2001', '1.5', 'ten', '']) expect(paths({ symbol: 'SPX', limit }), limit).toEqual(['limit']);
    expect(paths({ symbol: '$$' })).toEqual(['symbol']);
  });
});
