import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { encodeStreamEntry, type TypedEvent } from '../events/index.js';
import { readCandles, type CandlesQuery } from './read-candles.js';

type Entry = [id: string, fields: string[]];

/** Just enough of XLEN / XREVRANGE (with `(` exclusive ends and a `-` or millisecond start) over an in-memory stream, oldest first. */
function fakeStream(entries: Entry[]): { redis: Redis; pages: number[] } {
  const pages: number[] = [];
  const cmp = (a: string, b: string) => {
    const [am = 0, as = 0] = a.split('-').map(Number);
    const [bm = 0, bs = 0] = b.split('-').map(Number);
    return am - bm || as - bs;
  };
  const redis = {
    // No history sets here: these specs cover the stream fallback (the sets are covered against a real Redis).
    zrevrangebyscore: (): Promise<string[]> => Promise.resolve([]),
    xlen: (): Promise<number> => Promise.resolve(entries.length),
    xrevrange: (_key: string, end: string, start: string, _count: 'COUNT', count: number): Promise<Entry[]> => {
      pages.push(count);
      const below = (id: string) => end === '+' || (end.startsWith('(') ? cmp(id, end.slice(1)) < 0 : cmp(id, end) <= 0);
      const above = (id: string) => start === '-' || cmp(id, start) >= 0;
      return Promise.resolve([...entries].reverse().filter(([id]) => below(id) && above(id)).slice(0, count));
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
const query = (over: Partial<CandlesQuery> = {}): CandlesQuery => ({ symbol: 'SPX', interval: '1m', limit: 500, ...over });

describe(readCandles.name, () => {
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
    expect(await readCandles(redis, 's', query())).toEqual([
      { t: 60_000, o: 100, h: 110, l: 90, c: 101, v: 5 },
      { t: 120_000, o: 100, h: 110, l: 90, c: 103, v: 7 },
      { t: 180_000, o: 100, h: 110, l: 90, c: 104 },
    ]);
    expect(await readCandles(redis, 's', query({ interval: '5m' }))).toEqual([{ t: 0, o: 100, h: 110, l: 90, c: 555 }]);
  });

  it('reports each entry that fails the contract, and why', async () => {
    const reasons: string[] = [];
    const invalid = { topic: 'candles', type: 'candle', ts: 1, data: { symbol: 'SPX', interval: '1m', t: 240_000, o: 100, h: 110, l: 90, c: 'high' } };
    await readCandles(fakeStream([...entries, raw(['e', JSON.stringify(invalid)])]).redis, 's', query(), { onSkip: (reason) => reasons.push(reason) });
    expect(reasons).toHaveLength(3);
    expect(reasons.slice(1)).toEqual(['no "e" field', 'not JSON']);
    expect(reasons[0]).toMatch(/^data\.c/);
  });

  it('pages through the stream with exclusive ends, never past its length, and stops at limit distinct candles', async () => {
    const all = fakeStream(entries);
    expect((await readCandles(all.redis, 's', query(), { pageSize: 3 })).map((c) => c.t)).toEqual([60_000, 120_000, 180_000]);
    expect(all.pages).toEqual([3, 3, 2]);
    const two = fakeStream(entries);
    const newest = await readCandles(two.redis, 's', query({ limit: 2 }), { pageSize: 3 });
    expect(newest.map((c) => [c.t, c.c])).toEqual([
      [120_000, 103],
      [180_000, 104],
    ]);
    expect(two.pages).toEqual([3]);
  });

  it('reads no entry older than since, and leaves out a bar that began before it', async () => {
    // Stream times 100 … 400 ms. Since 250: the entries of 300 and 400 are read, then the next page
    // is empty and the read stops; the 200 bar republished at 300 began before since and is left out.
    const at = (id: number, [, fields]: Entry): Entry => [`${id}-0`, fields];
    const { redis, pages } = fakeStream([at(100, candle('SPX', '1m', 100, 101)), at(200, candle('SPX', '1m', 200, 102)), at(300, candle('SPX', '1m', 200, 103)), at(400, candle('SPX', '1m', 300, 104))]);
    expect(await readCandles(redis, 's', query({ since: 250 }), { pageSize: 1 })).toEqual([{ t: 300, o: 100, h: 110, l: 90, c: 104 }]);
    expect(pages).toEqual([1, 1, 1]);
  });

  it('answers an empty list for an empty stream or an unknown symbol', async () => {
    expect(await readCandles(fakeStream([]).redis, 's', query())).toEqual([]);
    expect(await readCandles(fakeStream(entries).redis, 's', query({ symbol: 'RUT' }))).toEqual([]);
  });
});
