import { tileKey, type HeatmapTile, type StrategyFamily, type TileStrategy } from '@marketswarm/shared/models';
import { robustDomain, type ValueDomain } from './robust-domain';

export type { StrategyFamily } from '@marketswarm/shared/models';
export type { ValueDomain } from './robust-domain';
export type Side = 'call' | 'put';
export type ColourBy = 'debit' | 'rewardRisk';

export const FAMILIES: readonly StrategyFamily[] = ['butterfly', 'iron-fly', 'bwb', 'vertical', 'single'];
export const SIDES: readonly Side[] = ['call', 'put'];

/** An iron fly has both sides at once (sold call and put at one strike), so the side toggle does not apply. */
export const familyHasSide = (family: StrategyFamily): boolean => family !== 'iron-fly';

export interface HeatmapFilter {
  family: StrategyFamily;
  side: Side;
  /** The DTE the trader picked; undefined (or one no longer present) falls back to the nearest DTE. */
  dte: number | undefined;
}

/** Rows, columns and lookups of the grid for one filter; rebuilt only when the structure changes. */
export interface HeatmapLayout {
  strategy: TileStrategy;
  /** Every DTE present for the family and side, ascending. */
  dtes: number[];
  /** The DTE shown (undefined when nothing matches the family and side). */
  dte: number | undefined;
  /** Strikes present for the filter, descending (the grid's rows). */
  strikes: number[];
  /** Widths present for the filter, ascending (the grid's columns; single has the one width 0). */
  widths: number[];
  /** Keys of the tiles present, to tell a cell from a hole in the grid. */
  keys: ReadonlySet<string>;
  domains: Record<ColourBy, ValueDomain | undefined>;
}

export function strategyOf(family: StrategyFamily, side: Side): TileStrategy {
  switch (family) {
    case 'iron-fly':
      return 'iron-fly';
    case 'butterfly':
    case 'vertical':
    case 'single':
    case 'bwb':
      return `${family}-${side}`;
  }
}

/** The key of the cell at (strike, width) for a layout. */
export function cellKey(layout: Pick<HeatmapLayout, 'strategy' | 'dte'>, strike: number, width: number): string {
  return tileKey(layout.strategy, layout.dte ?? 0, width, strike);
}

/** The value a cell shows and is coloured by. */
export function tileValue(tile: HeatmapTile, by: ColourBy): number | null {
  return by === 'debit' ? tile.debit : tile.rewardRisk;
}

/** Pure: the grid for `filter` from a symbol's tiles. */
export function buildLayout(tiles: Iterable<HeatmapTile>, filter: HeatmapFilter): HeatmapLayout {
  const strategy = strategyOf(filter.family, filter.side);
  const ofStrategy: HeatmapTile[] = [];
  const dteSet = new Set<number>();
  for (const tile of tiles) {
    if (tile.strategy !== strategy) continue;
    ofStrategy.push(tile);
    dteSet.add(tile.dte);
  }
  const dtes = [...dteSet].sort((a, b) => a - b);
  const dte = filter.dte !== undefined && dteSet.has(filter.dte) ? filter.dte : dtes[0];
  const strikes = new Set<number>();
  const widths = new Set<number>();
  const keys = new Set<string>();
  const debits: number[] = [];
  const rrs: number[] = [];
  for (const tile of ofStrategy) {
    if (tile.dte !== dte) continue;
    strikes.add(tile.strike);
    widths.add(tile.width);
    keys.add(tile.key);
    debits.push(tile.debit);
    if (tile.rewardRisk !== null) rrs.push(tile.rewardRisk);
  }
  return {
    strategy,
    dtes,
    dte,
    strikes: [...strikes].sort((a, b) => b - a),
    widths: [...widths].sort((a, b) => a - b),
    keys,
    // Reward/risk is coloured on a log scale (heatmap-colour), so its outliers are judged by ratio.
    domains: { debit: robustDomain(debits), rewardRisk: robustDomain(rrs, { log: true }) },
  };
}

/** Row index of the strike nearest `spot` in descending `strikes`, or −1 when there are none. */
export function nearestStrikeIndex(strikes: readonly number[], spot: number | undefined): number {
  if (spot === undefined || !Number.isFinite(spot)) return -1;
  let best = -1;
  let bestDistance = Infinity;
  strikes.forEach((strike, i) => {
    const d = Math.abs(strike - spot);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

export interface GridPos {
  row: number;
  col: number;
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

const GRID_KEYS = new Set<string>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function isGridKey(key: string): key is GridKey {
  return GRID_KEYS.has(key);
}

/**
 * Where focus goes from `from` for a key, skipping holes (`has` false). Arrows move one present
 * cell, Home/End go to the row's first/last cell, PageUp/PageDown jump 10 rows. Returns `from`
 * when there is nowhere to go.
 */
export function moveFocus(from: GridPos, key: GridKey, rows: number, cols: number, has: (pos: GridPos) => boolean): GridPos {
  const scan = (start: GridPos, dr: number, dc: number, steps = Infinity): GridPos | undefined => {
    let found: GridPos | undefined;
    let pos = { row: start.row + dr, col: start.col + dc };
    let taken = 0;
    while (pos.row >= 0 && pos.row < rows && pos.col >= 0 && pos.col < cols) {
      if (has(pos)) {
        found = pos;
        if (++taken >= steps) break;
      }
      pos = { row: pos.row + dr, col: pos.col + dc };
    }
    return found;
  };
  switch (key) {
    case 'ArrowUp':
      return scan(from, -1, 0, 1) ?? from;
    case 'ArrowDown':
      return scan(from, 1, 0, 1) ?? from;
    case 'ArrowLeft':
      return scan(from, 0, -1, 1) ?? from;
    case 'ArrowRight':
      return scan(from, 0, 1, 1) ?? from;
    case 'Home':
      return scan({ row: from.row, col: cols }, 0, -1) ?? from;
    case 'End':
      return scan({ row: from.row, col: -1 }, 0, 1) ?? from;
    case 'PageUp':
      return scan(from, -1, 0, 10) ?? from;
    case 'PageDown':
      return scan(from, 1, 0, 10) ?? from;
  }
}

/**
 * Where the roving tab stop starts: the first present cell of the row nearest the money, or of the
 * nearest row that has one (looking above and below alike); the grid's first cell without a spot.
 */
export function atmCell(rows: number, cols: number, atmRow: number, has: (pos: GridPos) => boolean): GridPos | undefined {
  if (atmRow < 0 || atmRow >= rows) return firstCell(rows, cols, has);
  for (let d = 0; d < rows; d++) {
    for (const row of d === 0 ? [atmRow] : [atmRow - d, atmRow + d]) {
      if (row < 0 || row >= rows) continue;
      for (let col = 0; col < cols; col++) if (has({ row, col })) return { row, col };
    }
  }
  return undefined;
}

/** The first present cell, row by row. */
export function firstCell(rows: number, cols: number, has: (pos: GridPos) => boolean): GridPos | undefined {
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) if (has({ row, col })) return { row, col };
  return undefined;
}
