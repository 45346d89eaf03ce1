import { describe, expect, it } from 'vitest';
import { CrossingGate, type CrossingDirection } from './crossing-gate.js';

const MINUTE = 60_000;
const COOLDOWN = 5 * MINUTE;

/** Feeds `prices` one second apart from `start` against VIX 15 with a 0.2 band; returns the announcements. */
function run(gate: CrossingGate, prices: readonly number[], start = 0, key = 'VIX|round|15', level = 15): Array<CrossingDirection | undefined> {
  let previous: number | undefined;
  return prices.map((price, i) => {
    const out = gate.observe({ key, level, price, previousPrice: previous, band: 0.2, now: start + i * 1000 });
    previous = price;
    return out;
  });
}

describe(CrossingGate.name, () => {
  it('announces one crossing when the price jitters around a level for a minute', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    const jitter = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 14.98 : 15.02));
    const out = run(gate, jitter);
    expect(out.filter((d) => d !== undefined)).toEqual(['up']);
    expect(out[1]).toBe('up');
  });

  it('says nothing about the first price, which only tells which side of the level it is on', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 15.5, band: 0.2, now: 0 })).toBeUndefined();
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 15.4, band: 0.2, now: 1000 })).toBeUndefined();
  });

  it('counts a level first seen on a jump across it, from the side of the price before', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    expect(gate.observe({ key: 'SPX|round|6000', level: 6000, price: 6010, previousPrice: 5990, band: 10, now: 0 })).toBe('up');
  });

  it('announces the reverse crossing once the price moves decisively back through the band, even in the cooldown', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    // 14.9 → 15.05 crosses up; 14.85 is 0.15 below: inside the band; 14.79 is beyond 15 − 0.2.
    expect(run(gate, [14.9, 15.05, 14.85, 14.81, 14.79, 14.95, 15.1, 15.21])).toEqual([undefined, 'up', undefined, undefined, 'down', undefined, undefined, 'up']);
  });

  it('counts a plain crossing again once the cooldown has passed', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    expect(run(gate, [14.9, 15.05, 14.95])).toEqual([undefined, 'up', undefined]);
    // 4 min 59 s after the announcement the band still applies; at 5 min it no longer does.
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 14.95, band: 0.2, now: 1000 + COOLDOWN - 1000 })).toBeUndefined();
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 14.95, band: 0.2, now: 1000 + COOLDOWN })).toBe('down');
    // And the cooldown starts again from that announcement.
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 15.05, band: 0.2, now: 1000 + COOLDOWN + 1000 })).toBeUndefined();
  });

  it('keeps levels and symbols independent', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    expect(run(gate, [14.9, 15.05], 0, 'VIX|round|15')).toEqual([undefined, 'up']);
    expect(run(gate, [15.9, 16.05], 0, 'VIX|round|16', 16)).toEqual([undefined, 'up']);
    expect(run(gate, [14.9, 15.05], 0, 'UVXY|round|15')).toEqual([undefined, 'up']);
    // VIX 15 cooling down does not hold back the others.
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 14.95, band: 0.2, now: 5000 })).toBeUndefined();
    expect(gate.observe({ key: 'UVXY|round|15', level: 15, price: 14.7, band: 0.2, now: 5000 })).toBe('down');
  });

  it('treats a price exactly at the level as above it', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    expect(run(gate, [14.9, 15])).toEqual([undefined, 'up']);
  });

  it('does not call a level that moves past a still price a crossing, either way', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    const flip = (level: number, now: number) => gate.observe({ key: 'SPX|flip', level, price: 5995, previousPrice: 5995, band: 10, now });
    expect(flip(6000, 0)).toBeUndefined();
    // The flip drops under the still price, then rises back over it: the price crossed nothing.
    expect(flip(5990, 1000)).toBeUndefined();
    expect(flip(6000, 2000)).toBeUndefined();
    expect(flip(5970, 2 * COOLDOWN)).toBeUndefined();
  });

  it('never calls a crossing while the price stands still, however far and often the level moves', () => {
    for (const bandAlways of [false, true]) {
      const gate = new CrossingGate({ cooldownMs: COOLDOWN });
      let seed = 7;
      const calls = Array.from({ length: 2000 }, (_, i) => {
        seed = (seed * 16807) % 2147483647;
        const level = 5995 + ((seed % 41) - 20);
        return gate.observe({ key: 'SPX|flip', level, price: 5995, previousPrice: 5995, band: 10, bandAlways, now: i * 10_000 });
      });
      expect(calls.filter((d) => d !== undefined)).toEqual([]);
    }
  });

  it('calls the price crossing a still drifting level once, and only beyond the band', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    const calls = [5990, 5995, 6005, 6012, 6015, 6011, 6020].map((price, i, all) =>
      gate.observe({ key: 'SPX|flip', level: 6000, price, previousPrice: all[i - 1], band: 10, bandAlways: true, now: i * COOLDOWN }),
    );
    // Long past any cooldown, 6005 is still inside the band the drifting level always keeps.
    expect(calls).toEqual([undefined, undefined, undefined, 'up', undefined, undefined, undefined]);
  });

  it('makes a crossing clear the level as it was before the price moved and as it is now', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    const at = (level: number, price: number, previousPrice: number, now: number) => gate.observe({ key: 'SPX|flip', level, price, previousPrice, band: 10, bandAlways: true, now });
    expect(at(6000, 5985, 5985, 0)).toBeUndefined();
    // Up 25 while the flip rose 10: 6010 clears the old flip by its band but not the new one.
    expect(at(6010, 6010, 5985, 1000)).toBeUndefined();
    expect(at(6010, 6021, 6010, 2000)).toBe('up');
  });

  it('starts a level the price passed while it went unobserved from where the price is, silently', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    const wall = (price: number, previousPrice: number, now: number) => gate.observe({ key: 'SPX|call-wall|5550', level: 5550, price, previousPrice, band: 10, now });
    expect(wall(5545, 5545, 0)).toBeUndefined();
    // The wall moved elsewhere while the price rose through 5,550; now the wall is back at 5,550.
    expect(wall(5555, 5555, 60_000)).toBeUndefined();
    expect(wall(5540, 5555, 61_000)).toBe('down');
  });

  it('forgets pruned levels, which then start from the side of the price before', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    run(gate, [14.9, 15.05], 0, 'VIX|round|15');
    run(gate, [15.9, 16.05], 0, 'VIX|round|16', 16);
    gate.prune('VIX|', (level) => level !== 15);
    expect(gate.size).toBe(1);
    // Fresh, so no band: 14.95 after 15.05 is a plain crossing.
    expect(gate.observe({ key: 'VIX|round|15', level: 15, price: 14.95, previousPrice: 15.05, band: 0.2, now: 3000 })).toBe('down');
  });
});
