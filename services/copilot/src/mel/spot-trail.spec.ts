import { describe, expect, it } from 'vitest';
import type { SpotPrint } from '../market/market-reader.js';
import { SpotTrail } from './spot-trail.js';

const MINUTE = 60_000;

/** The spot stream as MarketReader.spotTrail reads it, recording each read's start. */
class SpotStream {
  readonly prints: SpotPrint[] = [];
  readonly reads: Array<number | string> = [];
  private seq = 0;

  add(ts: number, price: number): void {
    this.prints.push({ id: `${ts}-${this.seq++}`, ts, price });
  }

  spotTrail(_symbol: string, since: number | `(${string}`): Promise<SpotPrint[]> {
    this.reads.push(since);
    if (typeof since === 'number') return Promise.resolve(this.prints.filter((p) => p.ts >= since));
    const after = this.prints.findIndex((p) => p.id === since.slice(1));
    return Promise.resolve(this.prints.slice(after + 1));
  }
}

describe(SpotTrail.name, () => {
  it('reads the whole window once, then only the prints after the last one it holds', async () => {
    const stream = new SpotStream();
    stream.add(0, 6000);
    stream.add(MINUTE, 6001);
    const trail = new SpotTrail(stream, 'SPX', 30 * MINUTE);
    expect((await trail.read(2 * MINUTE)).map((p) => p.price)).toEqual([6000, 6001]);
    stream.add(3 * MINUTE, 6002);
    expect((await trail.read(3 * MINUTE)).map((p) => p.price)).toEqual([6000, 6001, 6002]);
    expect(stream.reads).toEqual([2 * MINUTE - 30 * MINUTE, `(${MINUTE}-1`]);
  });

  it('lets prints older than the window go', async () => {
    const stream = new SpotStream();
    stream.add(0, 6000);
    stream.add(20 * MINUTE, 6010);
    const trail = new SpotTrail(stream, 'SPX', 30 * MINUTE);
    await trail.read(20 * MINUTE);
    // 40 minutes: the print at 0 is 40 minutes old, the one at 20 is 20.
    expect((await trail.read(40 * MINUTE)).map((p) => p.price)).toEqual([6010]);
  });

  it('holds a print stamped after the reader\'s clock without returning it, and never fetches it again', async () => {
    const stream = new SpotStream();
    stream.add(MINUTE, 6000);
    stream.add(5 * MINUTE, 6005);
    const trail = new SpotTrail(stream, 'SPX', 30 * MINUTE);
    expect((await trail.read(2 * MINUTE)).map((p) => p.price)).toEqual([6000]);
    expect((await trail.read(5 * MINUTE)).map((p) => p.price)).toEqual([6000, 6005]);
    expect(stream.reads.at(-1)).toBe(`(${5 * MINUTE}-1`);
  });

  it('runs reads asked at once one after the other, so no print is fetched or held twice', async () => {
    const stream = new SpotStream();
    stream.add(0, 6000);
    const trail = new SpotTrail(stream, 'SPX', 30 * MINUTE);
    const [first, second] = await Promise.all([trail.read(MINUTE), trail.read(MINUTE)]);
    expect(first.map((p) => p.price)).toEqual([6000]);
    expect(second.map((p) => p.price)).toEqual([6000]);
    expect(stream.reads).toEqual([MINUTE - 30 * MINUTE, '(0-0']);
  });

  it('keeps serving after a failed read', async () => {
    const stream = new SpotStream();
    stream.add(0, 6000);
    let fail = true;
    const flaky = { spotTrail: (symbol: string, since: number | `(${string}`) => (fail ? Promise.reject(new Error('redis down')) : stream.spotTrail(symbol, since)) };
    const trail = new SpotTrail(flaky, 'SPX', 30 * MINUTE);
    await expect(trail.read(MINUTE)).rejects.toThrow('redis down');
    fail = false;
    expect((await trail.read(MINUTE)).map((p) => p.price)).toEqual([6000]);
  });
});
