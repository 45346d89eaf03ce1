import type { BackfillWindow } from './backfill-plan.js';
import { planBackfill, windowsToBackfill } from './backfill-plan.js';
import { backfillPath } from './backfill-path.js';
import type { MarketClock } from './market-clock.js';
import type { MarketPublisher } from './market-publisher.js';
import type { SimulatorSource } from './simulator-source.js';

/** Ten seconds between generated prices: enough texture for 1m highs and lows, a third of a second of work per day. */
export const BACKFILL_STEP_MS = 10_000;

export interface BackfillDeps {
  publisher: MarketPublisher;
  simulator: SimulatorSource;
  clock: MarketClock;
  seed: number;
  symbols: readonly string[];
  now: number;
  stepMs?: number;
}

export interface BackfillResult {
  windows: BackfillWindow[];
  candles: number;
}

/**
 * On a first start (the candles stream holds nothing of the latest session) the simulator's history
 * is generated for the previous and the latest session up to now, ending at the simulator's start so
 * the live ticks continue it, and published as candles; its previous session gives every symbol a
 * prior close from the very first live tick. Call after `publisher.resume` and before any live tick.
 * When the previous session is already held, only the latest one is generated, leaving from the last
 * published prices. Replayed data is never backfilled (the caller only passes a simulator).
 */
export async function backfillFirstStart(deps: BackfillDeps): Promise<BackfillResult> {
  const { publisher, simulator, symbols, now } = deps;
  const windows = windowsToBackfill(planBackfill(deps.clock.mode, now), (session) => publisher.holdsSession(session));
  if (windows.length === 0) return { windows, candles: 0 };
  const start = new Map<string, number>();
  if (windows.length === 1) {
    for (const symbol of symbols) {
      const last = publisher.lastPrice(symbol);
      if (last !== undefined) start.set(symbol, last);
    }
  }
  const ticks = backfillPath({ seed: deps.seed, symbols, windows, stepMs: deps.stepMs ?? BACKFILL_STEP_MS, end: simulator.prices(), start });
  return { windows, candles: await publisher.backfill(ticks, now) };
}
