import { type OptionType } from '../pricing/black-scholes.js';
import { roundToOptionTick, roundToOptionTickWithin } from '../pricing/option-ticks.js';
import { MS_PER_DAY } from '../pricing/year-fraction.js';
import { type ChainOption } from './chain.js';
import { bwbWing, payoffExtremes, tileStructure, type StructureLeg } from './tile-structure.js';

/**
 * Heatmap tile strategies, one lot each (`tileStructure` in tile-structure.ts lists the legs):
 * - `butterfly-call` / `butterfly-put`: bought; long 1 at strike − width, short 2 at strike, long 1 at strike + width;
 * - `vertical-call`: call debit spread, long the call at strike, short the call at strike + width;
 * - `vertical-put`: put debit spread, long the put at strike, short the put at strike − width;
 * - `single-call` / `single-put`: one long option at strike (width 0);
 * - `iron-fly`: SOLD for a credit; short the call and the put at strike, long the call at strike + width
 *   and the put at strike − width;
 * - `bwb-call`: broken-wing call butterfly; long 1 call at strike − width, short 2 at strike, long 1 at
 *   strike + wing (wing > width, see `bwbWing`): cheaper than the fly, at the cost of risk above;
 * - `bwb-put`: its mirror; long 1 put at strike + width, short 2 at strike, long 1 at strike − wing.
 */
export type TileStrategy = 'butterfly-call' | 'butterfly-put' | 'vertical-call' | 'vertical-put' | 'single-call' | 'single-put' | 'iron-fly' | 'bwb-call' | 'bwb-put';

export const TILE_STRATEGIES: readonly TileStrategy[] = [
  'butterfly-call',
  'butterfly-put',
  'vertical-call',
  'vertical-put',
  'single-call',
  'single-put',
  'iron-fly',
  'bwb-call',
  'bwb-put',
];

/** What a trader picks first in the heatmap and the ideas: the shape, before the side. */
export type StrategyFamily = 'butterfly' | 'vertical' | 'single' | 'iron-fly' | 'bwb';

export const STRATEGY_FAMILIES: readonly StrategyFamily[] = ['butterfly', 'vertical', 'single', 'iron-fly', 'bwb'];

export function strategyFamily(strategy: TileStrategy): StrategyFamily {
  switch (strategy) {
    case 'butterfly-call':
    case 'butterfly-put':
      return 'butterfly';
    case 'vertical-call':
    case 'vertical-put':
      return 'vertical';
    case 'single-call':
    case 'single-put':
      return 'single';
    case 'iron-fly':
      return 'iron-fly';
    case 'bwb-call':
    case 'bwb-put':
      return 'bwb';
  }
}

/** The option type a strategy is built from; undefined for the iron fly, which uses both. */
export function strategySide(strategy: TileStrategy): 'call' | 'put' | undefined {
  if (strategy === 'iron-fly') return undefined;
  return strategy.endsWith('-call') ? 'call' : 'put';
}

/**
 * One heatmap cell. Money is in index points per 1 lot (× 100 for dollars). `maxProfit` and
 * `rewardRisk` are null when the profit is unbounded (a long call).
 */
export interface HeatmapTile {
  /** `strategy:dte:width:strike`, e.g. `butterfly-call:0:10:5010`. */
  key: string;
  strategy: TileStrategy;
  dte: number;
  /** Expiry instant of the tile's options, epoch ms (the legs all share it). */
  expiry: number;
  /** Spread width in points: the wings of a fly or iron fly, a BWB's near wing, a vertical's strikes apart; 0 for a single. */
  width: number;
  /** Centre strike of a butterfly, iron fly or BWB, long strike of a vertical or single. */
  strike: number;
  /**
   * SIGNED net premium of one lot: positive paid, negative received (an iron fly, a BWB that prices
   * for a credit). The market price: the legs' quote mids combined, on the exchange tick of the root
   * when the tile was built for a symbol, else to the cent, and never outside [bid, ask] (see `tilePrice`).
   */
  debit: number;
  /** Best P&L at expiry, points per lot; null when unbounded. */
  maxProfit: number | null;
  /** Worst loss at expiry as a positive number of points per lot. */
  maxLoss: number;
  /** maxProfit / maxLoss, rounded to 1e-4. */
  rewardRisk: number | null;
  /**
   * Implied vol of the option at `strike` (the centre of a fly, iron fly (its call) or BWB, the
   * vertical's or single's long leg), rounded to 1e-3, when the chain provides one.
   */
  iv?: number;
  /** Model (theoretical) value of the spread, signed like `debit`, on the root's tick like `debit` (else to the cent). */
  theo?: number;
  /** What selling the spread fetches at the legs' natural quotes (signed like `debit`; bid ≤ debit). */
  bid?: number;
  /** What buying the spread costs at the legs' natural quotes (signed like `debit`; debit ≤ ask). */
  ask?: number;
  /** Far wing of a broken-wing butterfly, points from the centre (bwb-call / bwb-put only). */
  wing?: number;
}

export type HeatmapTiles = Record<string, HeatmapTile>;

/** Exactly the `heatmap` topic payload (heatmapPayloadSchema in services/shared/src/events/payloads.ts). */
export interface HeatmapPayload {
  symbol: string;
  version: number;
  kind: 'snapshot' | 'diff';
  tiles: HeatmapTiles;
  removed?: string[];
}

export function tileKey(strategy: TileStrategy, dte: number, width: number, strike: number): string {
  return `${strategy}:${dte}:${width}:${strike}`;
}

const round = (x: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(x * f) / f + 0; // + 0 turns −0 into 0
};

/** What a tile knows beyond its net price: the model value, the natural quotes, a BWB's far wing, the root's ticks. */
export interface TileDetail {
  /** Model value of the spread (signed like the debit). */
  theo?: number;
  /** Natural bid and ask of the spread (signed like the debit). */
  bid?: number;
  ask?: number;
  /** A broken-wing butterfly's far wing (required for bwb-call / bwb-put). */
  wing?: number;
  /** Root whose exchange ticks the debit is rounded to (`roundToOptionTick`); without one, to the cent. */
  symbol?: string;
}

/**
 * Builds one tile from its signed net premium `debitRaw` (points; negative for a credit) for options
 * expiring at `expiry` (epoch ms); `iv` is the implied vol of the option at `strike`, when known.
 * Max profit and loss come from the expiry payoff of the legs. Returns undefined when the quotes make
 * the trade meaningless: nothing at risk (a fly or vertical at no debit, an iron fly collecting its
 * whole width: a free lunch only a stale quote offers), or no price at expiry that makes money.
 */
export function makeTile(
  strategy: TileStrategy,
  dte: number,
  width: number,
  strike: number,
  debitRaw: number,
  expiry: number,
  iv?: number,
  detail: TileDetail = {},
): HeatmapTile | undefined {
  const w = strategyFamily(strategy) === 'single' ? 0 : width;
  const wing = strategyFamily(strategy) === 'bwb' ? detail.wing : undefined;
  const bid = detail.bid === undefined ? undefined : round(detail.bid, 2);
  const ask = detail.ask === undefined ? undefined : round(detail.ask, 2);
  const debit = tilePrice(debitRaw, bid, ask, detail.symbol);
  const extremes = payoffExtremes(tileStructure(strategy, strike, w, wing), debit);
  const maxProfit = extremes.maxProfit === null ? null : round(extremes.maxProfit, 2);
  const maxLoss = round(extremes.maxLoss, 2);
  if (!(maxLoss > 0) || !Number.isFinite(maxLoss)) return undefined;
  if (maxProfit !== null && maxProfit <= 0) return undefined;
  const tile: HeatmapTile = {
    key: tileKey(strategy, dte, w, strike),
    strategy,
    dte,
    expiry,
    width: w,
    strike,
    debit,
    maxProfit,
    maxLoss,
    rewardRisk: maxProfit === null ? null : round(maxProfit / maxLoss, 4),
  };
  if (iv !== undefined && Number.isFinite(iv)) tile.iv = round(iv, IV_PLACES);
  if (detail.theo !== undefined && Number.isFinite(detail.theo)) tile.theo = theoPrice(detail.theo, detail.symbol);
  if (bid !== undefined && ask !== undefined) {
    tile.bid = bid;
    tile.ask = ask;
  }
  if (wing !== undefined) tile.wing = wing;
  return tile;
}

/**
 * A tile's price: the mid on the root's tick (to the cent without a root), inside the natural market.
 * A mid rounded to a coarser tick than the legs' can land outside [bid, ask] (2.97 → 2.95 under a
 * 2.97 bid): it then takes the first tick inside from that side (3.00), so what the tile shows is
 * both fillable and on the tick. A market narrower than its tick (4.41 / 4.44 on SPX's 0.10) has no
 * such price; the tile then shows the mid to the cent, still inside the market, rather than a tick
 * outside it that would misstate where the spread trades.
 */
function tilePrice(raw: number, bid: number | undefined, ask: number | undefined, symbol: string | undefined): number {
  const low = bid ?? -Infinity;
  const high = ask ?? Infinity;
  const onTick = symbol === undefined ? undefined : roundToOptionTickWithin(symbol, raw, low, high);
  return onTick ?? Math.min(Math.max(round(raw, 2), low), high);
}

/**
 * Implied vol to 0.1 vol point and the model value on the root's tick (to the cent without a root):
 * the diff stream compares tiles field by field, and finer values changed on every tick of spot,
 * sending nearly every tile every cycle for differences no one reads off a heatmap.
 */
const IV_PLACES = 3;

function theoPrice(theo: number, symbol: string | undefined): number {
  return symbol === undefined ? round(theo, 2) : roundToOptionTick(symbol, theo);
}

/** Whole calendar days from `now` to `expiry` (0 for today's expiry), never negative. */
export function daysToExpiry(now: number, expiry: number): number {
  return Math.max(0, Math.floor((expiry - now) / MS_PER_DAY));
}

export interface HeatmapOptions {
  /** Epoch ms the chain was priced at (for the dte part of the key). */
  now: number;
  /** Spread widths in points, e.g. [5, 10, 20]. */
  widths: readonly number[];
  /** Default: all of TILE_STRATEGIES. */
  strategies?: readonly TileStrategy[];
  /** Strike spacing, for a BWB's far wing; default: the smallest spacing in the chain. */
  strikeStep?: number;
  /** Root whose exchange ticks the debits are rounded to; without one, to the cent. */
  symbol?: string;
  /**
   * Which spreads to build (every one whose legs are quoted by default). The producer uses it to keep
   * the streamed model small: see `tileBand` in services/massive.
   */
  keep?: (strike: number, width: number, expiry: number) => boolean;
}

/**
 * Every tile the chain can price, keyed `strategy:dte:width:strike`. The debit is the market: each
 * leg at its quote mid ((bid + ask) / 2, or `mid` when the chain has no quotes), on the root's tick;
 * `theo` combines the model mids; `bid`/`ask` are the natural quotes, when every leg has both.
 */
export function buildHeatmapTiles(chain: readonly ChainOption[], options: HeatmapOptions): HeatmapTiles {
  const wanted = options.strategies ?? TILE_STRATEGIES;
  const singles = wanted.filter((s) => strategyFamily(s) === 'single');
  const spreads = wanted.filter((s) => strategyFamily(s) !== 'single');
  // expiry → type → strike → option: numeric keys, no strings built per lookup (this runs for every
  // strike × width × strategy of every symbol each cycle).
  const book = new Map<number, Record<OptionType, Map<number, ChainOption>>>();
  for (const o of chain) {
    let byType = book.get(o.expiry);
    if (!byType) book.set(o.expiry, (byType = { call: new Map(), put: new Map() }));
    byType[o.type].set(o.strike, o);
  }
  const step = options.strikeStep ?? smallestSpacing(chain);
  const tiles: HeatmapTiles = {};
  for (const [expiry, byType] of book) {
    const dte = daysToExpiry(options.now, expiry);
    const strikes = new Set([...byType.call.keys(), ...byType.put.keys()]);
    const build = (strategy: TileStrategy, K: number, w: number): void => {
      const wing = strategyFamily(strategy) === 'bwb' ? bwbWing(w, step) : undefined;
      const legs = tileStructure(strategy, K, w, wing);
      const quotes: ChainOption[] = [];
      for (const l of legs) {
        const q = byType[l.type].get(l.strike);
        if (q === undefined) return;
        quotes.push(q);
      }
      const { market, ...quoted } = spreadPrices(legs, quotes);
      const centre = byType[strategySide(strategy) ?? 'call'].get(K);
      const detail: TileDetail = { ...quoted, wing };
      if (options.symbol !== undefined) detail.symbol = options.symbol;
      const tile = makeTile(strategy, dte, w, K, market, expiry, centre?.iv, detail);
      if (tile !== undefined) tiles[tile.key] = tile;
    };
    for (const K of strikes) {
      for (const strategy of singles) build(strategy, K, 0);
      for (const w of options.widths) {
        if (options.keep && !options.keep(K, w, expiry)) continue;
        for (const strategy of spreads) build(strategy, K, w);
      }
    }
  }
  return tiles;
}

/** The spread's market mid, model value and (when every leg is quoted) natural bid and ask. */
function spreadPrices(legs: readonly StructureLeg[], options: readonly ChainOption[]): { market: number; theo: number; bid?: number; ask?: number } {
  let market = 0;
  let theo = 0;
  let bid = 0;
  let ask = 0;
  let quoted = true;
  legs.forEach((leg, i) => {
    const o = options[i]!;
    theo += leg.ratio * o.mid;
    if (o.bid === undefined || o.ask === undefined) {
      quoted = false;
      market += leg.ratio * o.mid;
      return;
    }
    market += (leg.ratio * (o.bid + o.ask)) / 2;
    // Buying the spread lifts the offers of its long legs and hits the bids of its short ones.
    ask += leg.ratio * (leg.ratio > 0 ? o.ask : o.bid);
    bid += leg.ratio * (leg.ratio > 0 ? o.bid : o.ask);
  });
  return quoted ? { market, theo, bid, ask } : { market, theo };
}

function smallestSpacing(chain: readonly ChainOption[]): number {
  const strikes = [...new Set(chain.map((o) => o.strike))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < strikes.length; i++) step = Math.min(step, strikes[i]! - strikes[i - 1]!);
  return Number.isFinite(step) ? step : 1;
}

function sameTile(a: HeatmapTile, b: HeatmapTile): boolean {
  const fields = Object.keys(a) as (keyof HeatmapTile)[];
  return fields.length === Object.keys(b).length && fields.every((field) => a[field] === b[field]);
}

/** A full snapshot payload (sent first, and whenever a consumer must resynchronise). */
export function heatmapSnapshot(symbol: string, version: number, tiles: HeatmapTiles): HeatmapPayload {
  return { symbol, version, kind: 'snapshot', tiles: { ...tiles } };
}

/**
 * The diff from `prev` (published as `prevVersion`) to `next`: tiles that are new or changed, the keys
 * that disappeared (sorted), and version prevVersion + 1. `removed` is always present on a diff.
 */
export function diffHeatmap(symbol: string, prevVersion: number, prev: HeatmapTiles, next: HeatmapTiles): HeatmapPayload {
  const tiles: HeatmapTiles = {};
  for (const [key, tile] of Object.entries(next)) {
    const old = prev[key];
    if (old === undefined || !sameTile(old, tile)) tiles[key] = tile;
  }
  const removed = Object.keys(prev)
    .filter((key) => !Object.hasOwn(next, key))
    .sort();
  return { symbol, version: prevVersion + 1, kind: 'diff', tiles, removed };
}

/** Applies a snapshot or diff to a consumer's tiles (returns a new map; the input is not modified). */
export function applyHeatmap(current: HeatmapTiles, payload: HeatmapPayload): HeatmapTiles {
  if (payload.kind === 'snapshot') return { ...payload.tiles };
  const out: HeatmapTiles = { ...current };
  for (const key of payload.removed ?? []) delete out[key];
  return Object.assign(out, payload.tiles);
}
