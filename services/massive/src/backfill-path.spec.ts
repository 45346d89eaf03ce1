import { describe, expect, it } from 'vitest';
import type { BackfillWindow } from './backfill-plan.js';
import { backfillPath, type BackfillPathOptions } from './backfill-path.js';
import { MarketClock } from './market-clock.js';

const SYMBOLS = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];
// Monday 2026-03-02 09:30–16:00 New York, then Tuesday 09:30–11:00.
const MONDAY: BackfillWindow = { session: '2026-03-02', from: Date.parse('2026-03-02T14:30:00Z'), to: Date.parse('2026-03-02T21:00:00Z') };
const TUESDAY: BackfillWindow = { session: '2026-03-03', from: Date.parse('2026-03-03T14:30:00Z'), to: Date.parse('2026-03-03T16:00:00Z') };
const END = new Map([
  ['SPX', 5012.25],
  ['NDX', 17_480.5],
  ['RUT', 2003.1],
  ['VIX', 14.84],
  ['SPY', 501.22],
  ['QQQ', 426.35],
]);
const options: BackfillPathOptions = { seed: 42, symbols: SYMBOLS, windows: [MONDAY, TUESDAY], stepMs: 10_000, end: END };

describe(backfillPath.name, () => {
  const ticks = backfillPath(options);
  const of = (symbol: string) => ticks.filter((t) => t.symbol === symbol);

  it('is deterministic for a seed and differs for another seed', () => {
    expect(backfillPath(options)).toEqual(ticks);
    expect(backfillPath({ ...options, seed: 43 }).map((t) => t.price)).not.toEqual(ticks.map((t) => t.price));
  });

  it("ends every symbol exactly at the live simulator's start price", () => {
    for (const [symbol, price] of END) expect(of(symbol).at(-1)!.price).toBe(price);
  });

  it('steps through each window only, every step, one tick per symbol, in time order', () => {
    const times = [...new Set(ticks.map((t) => t.ts))];
    expect(times).toHaveLength((6.5 * 3600 + 1.5 * 3600) / 10);
    expect(times[0]).toBe(MONDAY.from);
    expect(times.at(-1)).toBe(TUESDAY.to - 10_000);
    expect(times.every((t) => (t >= MONDAY.from && t < MONDAY.to) || (t >= TUESDAY.from && t < TUESDAY.to))).toBe(true);
    expect(ticks.every((t, i) => i === 0 || t.ts >= ticks[i - 1]!.ts)).toBe(true);
    for (const symbol of SYMBOLS) expect(of(symbol)).toHaveLength(times.length);
  });

  it('falls in the sessions of its windows', () => {
    const clock = new MarketClock('regular');
    const minutes = [...new Set(ticks.map((t) => Math.floor(t.ts / 60_000) * 60_000))];
    expect([...new Set(minutes.map((m) => clock.at(m).session))]).toEqual(['2026-03-02', '2026-03-03']);
    expect(minutes.every((m) => clock.isOpen(m))).toBe(true);
  });

  it('stays positive with two-decimal prices and positive sizes, moving like a market (not flat, no wild jumps)', () => {
    expect(ticks.filter((t) => !(t.price > 0) || Math.round(t.price * 100) / 100 !== t.price || !((t.size ?? 0) > 0))).toEqual([]);
    const spx = of('SPX').map((t) => t.price);
    expect(new Set(spx).size).toBeGreaterThan(100);
    expect(Math.max(...spx) / Math.min(...spx)).toBeLessThan(1.2);
  });

  it('leaves from a given start price and still lands on the end (a bridge)', () => {
    const bridged = backfillPath({ ...options, windows: [TUESDAY], start: new Map([['SPX', 4950]]) });
    const spx = bridged.filter((t) => t.symbol === 'SPX');
    expect(Math.abs(spx[0]!.price / 4950 - 1)).toBeLessThan(0.003);
    expect(spx.at(-1)!.price).toBe(5012.25);
  });

  it('gives nothing for empty windows', () => {
    expect(backfillPath({ ...options, windows: [{ session: '2026-03-03', from: 5, to: 5 }] })).toEqual([]);
  });
});
