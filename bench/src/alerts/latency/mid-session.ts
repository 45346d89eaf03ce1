import type { CrossingEntry } from '@marketswarm/copilot/dist/alerts/index/crossing-index.js';
import { alertPopulation } from '../alert-population.js';
import { BENCH_SYMBOLS } from '../market.js';
import type { Tick } from '../tick-stream.js';
import { expectedFires } from './expected-fires.js';

export interface MidSession {
  /** Enabled alerts when measuring starts: `active` of them, as asked. */
  active: CrossingEntry[];
  /** Alerts the session's earlier ticks already fired (behaviour once): stored disabled, not loaded. */
  firedEarlier: CrossingEntry[];
  /** Each symbol's price when measuring starts: the engine's opening prices. */
  prices: Map<string, number>;
}

/**
 * The alert book as it stands some way into a session. Fresh alerts spread around the opening
 * price would make the first ticks fire thousands at once — a burst no real book sees, because
 * levels sitting on the price fire early in the day and are gone. So the walk's first ticks are
 * played here (no stack), what they fire becomes history, and the population is grown until
 * `active` alerts are still enabled when the measured ticks start.
 */
export function midSession(active: number, users: number, seed: number, earlier: readonly Tick[]): MidSession {
  let total = active;
  for (let round = 0; round < 8; round++) {
    const population = alertPopulation(total, users, seed).alerts;
    const fired = new Set(expectedFires(population, earlier).map((fire) => fire.alert.id));
    const survivors = population.filter((alert) => !fired.has(alert.id));
    if (survivors.length >= active) {
      // Generation is sequential, so the surplus is the newest alerts: leave them out entirely.
      const kept = new Set(survivors.slice(0, active).map((alert) => alert.id));
      const last = population.findIndex((alert) => alert.id === survivors[active - 1]!.id);
      const prices = new Map<string, number>(BENCH_SYMBOLS.map((s) => [s.symbol, s.price]));
      for (const tick of earlier) prices.set(tick.symbol, tick.price);
      return { active: population.filter((alert) => kept.has(alert.id)), firedEarlier: population.slice(0, last + 1).filter((alert) => fired.has(alert.id)), prices };
    }
    total += active - survivors.length;
  }
  throw new Error(`could not keep ${active} alerts enabled through ${earlier.length} ticks`);
}
