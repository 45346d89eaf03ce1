import { seededRandom } from '../journal/random.js';
import { BENCH_SYMBOLS, onIncrement } from './market.js';

export interface Tick {
  symbol: string;
  /** The symbol's previous price: the crossing is evaluated on from → price. */
  from: number;
  price: number;
  /** A gap: a jump of many increments at once (an open, a news print). */
  gap: boolean;
}

/**
 * Default per-tick volatility, in basis points of the price. At 50 ticks/s over six symbols each
 * symbol ticks about 8 times a second, so 0.5 bp a tick is about 2 % a day: a busy session, which
 * keeps enough alerts firing to measure.
 */
export const DEFAULT_TICK_SIGMA_BP = 0.5;
/** By default one tick in this many is a gap of 0.2–1 % of the price. */
export const DEFAULT_GAP_EVERY = 1000;

/**
 * A seeded random walk: each tick picks a symbol and moves it by a normal step (Box–Muller) on its
 * increment, now and then by a gap (`gapEvery` = Infinity: never; the random numbers drawn stay the
 * same). The same seed gives the same ticks, so both evaluators see the same market.
 */
export function tickStream(count: number, seed: number, sigmaBp: number = DEFAULT_TICK_SIGMA_BP, gapEvery: number = DEFAULT_GAP_EVERY): Tick[] {
  const random = seededRandom(seed);
  const prices = BENCH_SYMBOLS.map((s) => s.price as number);
  const ticks: Tick[] = [];
  for (let n = 0; n < count; n++) {
    const i = Math.floor(random() * BENCH_SYMBOLS.length);
    const spec = BENCH_SYMBOLS[i]!;
    const from = prices[i]!;
    const gap = random() < 1 / gapEvery;
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const move = gap ? (random() < 0.5 ? -1 : 1) * (0.002 + random() * 0.008) : normal * sigmaBp * 1e-4;
    const price = onIncrement(from * (1 + move), spec.increment);
    prices[i] = price;
    ticks.push({ symbol: spec.symbol, from, price, gap });
  }
  return ticks;
}
