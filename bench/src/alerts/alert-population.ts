import type { CrossingEntry } from '@marketswarm/copilot/dist/alerts/index/crossing-index.js';
import { seededRandom } from '../journal/random.js';
import { BENCH_SYMBOLS, onIncrement } from './market.js';

/** How far from the price alerts are set: a trader's levels sit within a few percent of the market. */
const SPREAD = 0.03;
/** Share of `cross` alerts; the rest are `above` over the price or `below` under it, as set from a chart. */
const CROSS_SHARE = 0.25;

export interface AlertPopulation {
  alerts: CrossingEntry[];
  users: number;
  /** Builds the alert a user sets in place of one that fired, deterministically from a counter. */
  replacement(n: number, prices: ReadonlyMap<string, number>): CrossingEntry;
}

function alertAt(id: string, userId: string, symbolIndex: number, price: number, u1: number, u2: number, u3: number): CrossingEntry {
  const spec = BENCH_SYMBOLS[symbolIndex]!;
  // Triangular around the price: most levels close to it, a few far out.
  const offset = (u1 + u2 - 1) * SPREAD * price;
  const level = onIncrement(price + offset, spec.increment);
  const direction = u3 < CROSS_SHARE ? 'cross' : level > price ? 'above' : 'below';
  return { id, userId, symbol: spec.symbol, level, direction };
}

/** `count` price alerts over `users` users, spread over the six symbols around their start prices. */
export function alertPopulation(count: number, users: number, seed: number): AlertPopulation {
  const random = seededRandom(seed);
  const alerts: CrossingEntry[] = [];
  for (let n = 0; n < count; n++) {
    const symbolIndex = Math.floor(random() * BENCH_SYMBOLS.length);
    alerts.push(alertAt(`alert-${n}`, `user-${n % users}`, symbolIndex, BENCH_SYMBOLS[symbolIndex]!.price, random(), random(), random()));
  }
  return {
    alerts,
    users,
    replacement(n, prices) {
      const r = seededRandom(seed ^ Math.imul(n + 1, 0x9e3779b1));
      const symbolIndex = Math.floor(r() * BENCH_SYMBOLS.length);
      const spec = BENCH_SYMBOLS[symbolIndex]!;
      return alertAt(`again-${n}`, `user-${Math.floor(r() * users)}`, symbolIndex, prices.get(spec.symbol) ?? spec.price, r(), r(), r());
    },
  };
}
