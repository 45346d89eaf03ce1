import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MarketClock } from './market-clock.js';
import type { RowError } from './recording-parser.js';
import { ReplaySource } from './replay-source.js';
import { SimulatorSource } from './simulator-source.js';
import type { Tick } from './tick-source.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const SYMBOLS = ['SPX', 'VIX'];

function replay(file: string, speed: number) {
  const ticks: Tick[] = [];
  const bad: RowError[] = [];
  return new Promise<{ ticks: Tick[]; bad: RowError[]; summary: { ticks: number; badRows: number; error?: Error }; ms: number }>((resolve) => {
    const started = Date.now();
    const source = new ReplaySource({
      file: path.join(fixtures, file),
      speed,
      onBadRow: (e) => bad.push(e),
      onEnd: (summary) => resolve({ ticks, bad, summary, ms: Date.now() - started }),
    });
    source.start((t) => ticks.push(t));
  });
}

describe(SimulatorSource.name, () => {
  it('emits one tick per symbol per step at the injected time while the market is open', () => {
    const now = Date.UTC(2026, 2, 2, 15, 0);
    const sim = new SimulatorSource({ seed: 1, symbols: SYMBOLS, intervalMs: 1000, clock: new MarketClock('regular'), now: () => now });
    const ticks = sim.next();
    expect(ticks.map((t) => [t.symbol, t.ts])).toEqual([
      ['SPX', now],
      ['VIX', now],
    ]);
    expect(ticks.every((t) => (t.size ?? 0) >= 1)).toBe(true);
  });

  it('emits nothing while the regular market is closed', () => {
    const saturday = Date.UTC(2026, 2, 7, 15, 0);
    const sim = new SimulatorSource({ seed: 1, symbols: SYMBOLS, intervalMs: 1000, clock: new MarketClock('regular'), now: () => saturday });
    expect(sim.next()).toEqual([]);
  });

  it('is reproducible: two simulators with one seed give the same ticks', () => {
    const make = () => new SimulatorSource({ seed: 3, symbols: SYMBOLS, intervalMs: 1000, clock: new MarketClock('demo'), now: () => 1 });
    const a = make();
    const b = make();
    for (let i = 0; i < 50; i++) expect(b.next()).toEqual(a.next());
  });
});

describe(ReplaySource.name, () => {
  it('plays the sample recording in order, as fast as possible with speed 0', async () => {
    const { ticks, bad, summary } = await replay('ok/sample-spx-session.ndjson', 0);
    expect(ticks).toHaveLength(300);
    expect(bad).toEqual([]);
    expect(summary).toEqual({ ticks: 300, badRows: 0 });
  });

  it('keeps the recorded pace divided by the speed', async () => {
    // 49 s of recording at 200× ≈ 245 ms
    const { ms } = await replay('ok/sample-spx-session.ndjson', 200);
    expect(ms).toBeGreaterThanOrEqual(230);
    expect(ms).toBeLessThan(2000);
  });

  it('reports bad rows with their line numbers and carries on', async () => {
    const { ticks, bad, summary } = await replay('not-ok/missing-fields.ndjson', 0);
    expect(bad.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(ticks.map((t) => t.price)).toEqual([5000, 5004]);
    expect(summary).toEqual({ ticks: 2, badRows: 3 });
  });

  it('ends with an error (and no throw) when the file cannot be read', async () => {
    const { summary } = await replay('ok/does-not-exist.ndjson', 0);
    expect(summary.error?.message).toMatch(/ENOENT/);
  });

  it('stops promptly in the middle of a slow replay', async () => {
    const ticks: Tick[] = [];
    const source = new ReplaySource({ file: path.join(fixtures, 'ok/sample-spx-session.ndjson'), speed: 1, onBadRow: () => undefined, onEnd: () => undefined });
    source.start((t) => ticks.push(t));
    await new Promise((r) => setTimeout(r, 100));
    const before = Date.now();
    await source.stop();
    expect(Date.now() - before).toBeLessThan(500);
    expect(ticks.length).toBe(6); // only the first second's rows
  });
});
