import type { BackfillWindow } from './backfill-plan.js';
import { Prng } from './prng.js';
import { TickProcess } from './tick-process.js';
import type { Tick } from './tick-source.js';

export interface BackfillPathOptions {
  seed: number;
  symbols: readonly string[];
  /** Ascending, non-overlapping; the path steps through each and jumps the gaps between them. */
  windows: readonly BackfillWindow[];
  /** Time between two generated ticks. */
  stepMs: number;
  /** Where each symbol's path ends: the live simulator's start, so live ticks continue it without a gap. */
  end: ReadonlyMap<string, number>;
  /** Where a symbol's path starts from (its last published price), when it must join history already held. */
  start?: ReadonlyMap<string, number>;
}

/** Separates the backfill's random numbers from the live simulator's, which uses the same seed. */
const PATH_SEED_SALT = 0x0bac_f111;
const SIZE_SEED_SALT = 0x51ce_0bac;

/**
 * A deterministic price history for the given windows: the simulator's own process (same dynamics as
 * the live ticks) stepped every `stepMs`, then pinned in log space so each symbol lands exactly on
 * `end` at the last tick and, with `start`, leaves from it (a Brownian bridge: the pin grows linearly
 * with the step, so the path keeps its texture). Log-space pinning keeps every price positive.
 * Sizes scale with the step so volumes look like the live ones. Pure: same options, same ticks.
 */
export function backfillPath(options: BackfillPathOptions): Tick[] {
  const { symbols, stepMs } = options;
  if (!(stepMs > 0)) throw new Error(`backfill step must be positive, got ${stepMs}`);
  const times: number[] = [];
  for (const { from, to } of options.windows) for (let t = from; t < to; t += stepMs) times.push(t);
  if (times.length === 0) return [];

  const process = new TickProcess({ seed: options.seed ^ PATH_SEED_SALT, symbols });
  const origin = process.prices();
  const logs = new Map<string, number[]>(symbols.map((s) => [s, []]));
  for (let i = 0; i < times.length; i++) {
    for (const [symbol, price] of process.step(stepMs / 1000)) logs.get(symbol)?.push(Math.log(price));
  }

  const n = times.length;
  const pinned = new Map<string, number[]>();
  for (const symbol of symbols) {
    const raw = logs.get(symbol)!;
    const end = options.end.get(symbol) ?? Math.exp(raw[n - 1]!);
    const start = options.start?.get(symbol);
    const endShift = Math.log(end) - raw[n - 1]!;
    const startShift = start === undefined ? endShift : Math.log(start) - Math.log(origin.get(symbol)!);
    // Step i is (i + 1) / n of the way from the start (before the first step) to the end (the last step).
    pinned.set(
      symbol,
      raw.map((x, i) => {
        const w = (i + 1) / n;
        return i === n - 1 ? round2(end) : Math.max(0.01, round2(Math.exp(x + (1 - w) * startShift + w * endShift)));
      }),
    );
  }

  const sizes = new Prng(options.seed ^ SIZE_SEED_SALT);
  const stepSeconds = stepMs / 1000;
  const ticks: Tick[] = [];
  times.forEach((ts, i) => {
    for (const symbol of symbols) ticks.push({ symbol, price: pinned.get(symbol)![i]!, size: Math.max(1, Math.round(stepSeconds * (1 + Math.floor(sizes.next() * 20)))), ts });
  });
  return ticks;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
