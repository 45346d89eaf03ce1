import { type OptionType } from '../pricing/black-scholes.js';
import { MS_PER_DAY } from '../pricing/year-fraction.js';
import { type ChainOption } from './chain.js';

/**
 * Heatmap tile strategies. All are debit trades, bought:
 * - `butterfly-call` / `butterfly-put`: long 1 at strike − width, short 2 at strike, long 1 at strike + width;
 * - `vertical-call`: call debit spread, long the call at strike, short the call at strike + width;
 * - `vertical-put`: put debit spread, long the put at strike, short the put at strike − width;
 * - `single-call` / `single-put`: one long option at strike (width 0).
 */
export type TileStrategy = 'butterfly-call' | 'butterfly-put' | 'vertical-call' | 'vertical-put' | 'single-call' | 'single-put';

export const TILE_STRATEGIES: readonly TileStrategy[] = ['butterfly-call', 'butterfly-put', 'vertical-call', 'vertical-put', 'single-call', 'single-put'];

/**
 * One heatmap cell. Money is in index points per 1 lot (× 100 for dollars), rounded to cents;
 * `maxProfit` and `rewardRisk` are null when the profit is unbounded (a long call).
 */
export interface HeatmapTile {
  /** `strategy:dte:width:strike`, e.g. `butterfly-call:0:10:5010`. */
  key: string;
  strategy: TileStrategy;
  dte: number;
  /** Expiry instant of the tile's options, epoch ms (the legs all share it). */
  expiry: number;
  width: number;
  /** Centre strike of a butterfly, long strike of a vertical or single. */
  strike: number;
  debit: number;
  maxProfit: number | null;
  maxLoss: number;
  /** maxProfit / maxLoss, rounded to 1e-4. */
  rewardRisk: number | null;
  /**
   * Implied vol of the option at `strike` (the butterfly's centre, the vertical's or single's long
   * leg), rounded to 1e-4, when the chain provides one.
   */
  iv?: number;
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

/**
 * Builds one tile from leg prices (points) for options expiring at `expiry` (epoch ms); `iv` is the
 * implied vol of the option at `strike`, when known. Returns undefined when the quotes make the trade
 * meaningless: a debit ≤ 0, or a defined-risk trade whose debit is ≥ its width (no profit possible).
 */
export function makeTile(
  strategy: TileStrategy,
  dte: number,
  width: number,
  strike: number,
  debitRaw: number,
  expiry: number,
  iv?: number,
): HeatmapTile | undefined {
  const debit = round(debitRaw, 2);
  if (!(debit > 0)) return undefined;
  let maxProfit: number | null;
  switch (strategy) {
    case 'butterfly-call':
    case 'butterfly-put':
    case 'vertical-call':
    case 'vertical-put':
      maxProfit = round(width - debit, 2);
      break;
    case 'single-call':
      maxProfit = null;
      break;
    case 'single-put':
      maxProfit = round(strike - debit, 2);
      break;
  }
  if (maxProfit !== null && maxProfit <= 0) return undefined;
  const isSingle = strategy === 'single-call' || strategy === 'single-put';
  const w = isSingle ? 0 : width;
  const tile: HeatmapTile = {
    key: tileKey(strategy, dte, w, strike),
    strategy,
    dte,
    expiry,
    width: w,
    strike,
    debit,
    maxProfit,
    maxLoss: debit,
    rewardRisk: maxProfit === null ? null : round(maxProfit / debit, 4),
  };
  if (iv !== undefined && Number.isFinite(iv)) tile.iv = round(iv, 4);
  return tile;
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
}

/** Every tile the chain can price, keyed `strategy:dte:width:strike`, from the options' mids. */
export function buildHeatmapTiles(chain: readonly ChainOption[], options: HeatmapOptions): HeatmapTiles {
  const wanted = new Set(options.strategies ?? TILE_STRATEGIES);
  const mids = new Map<string, number>();
  const idx = (expiry: number, type: OptionType, strike: number): string => `${expiry}|${type}|${strike}`;
  for (const o of chain) mids.set(idx(o.expiry, o.type, o.strike), o.mid);
  const tiles: HeatmapTiles = {};
  const add = (tile: HeatmapTile | undefined): void => {
    if (tile !== undefined) tiles[tile.key] = tile;
  };
  for (const o of chain) {
    const dte = daysToExpiry(options.now, o.expiry);
    const mid = (strike: number): number | undefined => mids.get(idx(o.expiry, o.type, strike));
    const K = o.strike;
    const side = o.type;
    // Every tile built here is keyed at K on this option's side, so K's option is its centre/long leg.
    const tile = (strategy: TileStrategy, width: number, debit: number): HeatmapTile | undefined => makeTile(strategy, dte, width, K, debit, o.expiry, o.iv);
    if (wanted.has(`single-${side}`)) add(tile(`single-${side}`, 0, o.mid));
    for (const w of options.widths) {
      const lower = mid(K - w);
      const upper = mid(K + w);
      if (wanted.has(`butterfly-${side}`) && lower !== undefined && upper !== undefined) {
        add(tile(`butterfly-${side}`, w, lower - 2 * o.mid + upper));
      }
      if (side === 'call' && wanted.has('vertical-call') && upper !== undefined) add(tile('vertical-call', w, o.mid - upper));
      if (side === 'put' && wanted.has('vertical-put') && lower !== undefined) add(tile('vertical-put', w, o.mid - lower));
    }
  }
  return tiles;
}

function sameTile(a: HeatmapTile, b: HeatmapTile): boolean {
  return (
    a.key === b.key &&
    a.strategy === b.strategy &&
    a.dte === b.dte &&
    a.expiry === b.expiry &&
    a.width === b.width &&
    a.strike === b.strike &&
    a.debit === b.debit &&
    a.maxProfit === b.maxProfit &&
    a.maxLoss === b.maxLoss &&
    a.rewardRisk === b.rewardRisk &&
    a.iv === b.iv
  );
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
