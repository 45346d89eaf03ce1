import type { BackfillWindow, HeldHistory, SymbolBackfill } from './backfill-plan.js';
import { planBackfill, sessionStart, symbolBackfill } from './backfill-plan.js';
import { backfillPath } from './backfill-path.js';
import type { MarketClock } from './market-clock.js';
import type { MarketPublisher } from './market-publisher.js';
import type { MarketSink } from './market-sink.js';
import type { SimulatorSource } from './simulator-source.js';
import type { Tick } from './tick-source.js';

/** Ten seconds between generated prices: enough texture for 1m highs and lows, a third of a second of work per day. */
export const BACKFILL_STEP_MS = 10_000;

export interface BackfillDeps {
  publisher: MarketPublisher;
  /** Read for the history sets (the publisher has already resumed from the stream and the snapshot). */
  sink: MarketSink;
  simulator: SimulatorSource;
  clock: MarketClock;
  seed: number;
  symbols: readonly string[];
  now: number;
  stepMs?: number;
}

export interface BackfillResult {
  /** The sessions' windows generated, over every symbol (a symbol may have had fewer). */
  windows: BackfillWindow[];
  candles: number;
}

/** Symbols that need the same windows, generated as one path. */
interface PathGroup {
  windows: BackfillWindow[];
  symbols: string[];
  plans: Map<string, SymbolBackfill>;
}

/**
 * Generates the history a symbol lacks at start (see `symbolBackfill`): on a first start the previous
 * and the latest session up to now, ending at the simulator's start so the live ticks continue it; on
 * a stack that holds today's bars but no prior close (upgraded from before the backfill, or whose
 * previous session is gone) the previous session and the part of today before its earliest bar,
 * ending at that bar's open; nothing on an ordinary restart. The history sets' last bar before the
 * latest session gives a missing prior close first. Call after `publisher.resume` and before any live
 * tick. Replayed data is never backfilled (the caller only passes a simulator).
 */
export async function backfillOnStart(deps: BackfillDeps): Promise<BackfillResult> {
  const { publisher, sink, simulator, clock, symbols, now } = deps;
  const plan = planBackfill(clock.mode, now);
  const boundary = sessionStart(plan.latest.session);
  const groups = new Map<string, PathGroup>();
  for (const symbol of symbols) {
    const edges = await sink.historyEdges(symbol, boundary);
    const held: HeldHistory = {};
    const priorClose = publisher.prevClose(symbol);
    if (priorClose !== undefined) held.priorClose = priorClose;
    const lastPrice = publisher.lastPrice(symbol);
    if (lastPrice !== undefined) held.lastPrice = lastPrice;
    if (edges.before) {
      const session = clock.at(edges.before.t).session;
      held.before = { session, close: edges.before.c };
      publisher.recallClose(symbol, edges.before.c, session);
    }
    if (edges.after) held.first = { t: edges.after.t, open: edges.after.o };
    const wanted = symbolBackfill(plan, held);
    if (wanted.windows.length === 0) continue;
    // Symbols that need the same windows share one path, as on a first start (same seed, same history).
    const key = JSON.stringify(wanted.windows);
    const group: PathGroup = groups.get(key) ?? { windows: wanted.windows, symbols: [], plans: new Map() };
    group.symbols.push(symbol);
    group.plans.set(symbol, wanted);
    groups.set(key, group);
  }
  if (groups.size === 0) return { windows: [], candles: 0 };

  const live = simulator.prices();
  const ticks: Tick[] = [];
  const windows = new Map<string, BackfillWindow>();
  for (const group of groups.values()) {
    const start = new Map<string, number>();
    const end = new Map<string, number>();
    for (const [symbol, wanted] of group.plans) {
      if (wanted.start !== undefined) start.set(symbol, wanted.start);
      const to = wanted.end ?? live.get(symbol);
      if (to !== undefined) end.set(symbol, to);
    }
    ticks.push(...backfillPath({ seed: deps.seed, symbols: group.symbols, windows: group.windows, stepMs: deps.stepMs ?? BACKFILL_STEP_MS, end, start }));
    for (const w of group.windows) windows.set(`${w.session}:${w.from}:${w.to}`, w);
  }
  const generated = [...windows.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  return { windows: generated, candles: await publisher.backfill(ticks, now) };
}
