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

  it('follows a level that moves (a gamma flip) under one key', () => {
    const gate = new CrossingGate({ cooldownMs: COOLDOWN });
    expect(gate.observe({ key: 'SPX|gamma-flip', level: 6000, price: 5995, band: 10, now: 0 })).toBeUndefined();
    // The flip drops under a still price: the price is now above it.
    expect(gate.observe({ key: 'SPX|gamma-flip', level: 5990, price: 5995, previousPrice: 5995, band: 10, now: 1000 })).toBe('up');
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
