import type { HeatmapTile, TileStrategy } from '@marketswarm/shared/models';
import type { ColourBy, StrategyFamily } from './heatmap-layout';

const fixed2 = (x: number): string => x.toFixed(2);

/** Drops a trailing `.0` style noise from strikes (5010, 5012.5). */
export const formatStrike = (strike: number): string => String(Math.round(strike * 100) / 100);

export function familyOf(strategy: TileStrategy): StrategyFamily {
  return strategy.startsWith('butterfly') ? 'butterfly' : strategy.startsWith('vertical') ? 'vertical' : 'single';
}

export function sideOf(strategy: TileStrategy): 'call' | 'put' {
  return strategy.endsWith('call') ? 'call' : 'put';
}

/** The strikes part of a trade's name: `5010 ±10` (butterfly), `5010/5020` (vertical), `5010` (single). */
export function strikesLabel(tile: Pick<HeatmapTile, 'strategy' | 'strike' | 'width'>): string {
  const k = formatStrike(tile.strike);
  switch (tile.strategy) {
    case 'butterfly-call':
    case 'butterfly-put':
      return `${k} ±${formatStrike(tile.width)}`;
    case 'vertical-call':
      return `${k}/${formatStrike(tile.strike + tile.width)}`;
    case 'vertical-put':
      return `${k}/${formatStrike(tile.strike - tile.width)}`;
    case 'single-call':
    case 'single-put':
      return k;
  }
}

/** Short name of a trade, e.g. `butterfly call 5010 ±10, 0DTE`. */
export function tradeName(tile: HeatmapTile): string {
  return `${familyOf(tile.strategy)} ${sideOf(tile.strategy)} ${strikesLabel(tile)}, ${tile.dte}DTE`;
}

/** Full description for a cell's title and accessible name. */
export function describeTile(symbol: string, tile: HeatmapTile): string {
  const profit = tile.maxProfit === null ? 'unlimited' : fixed2(tile.maxProfit);
  const rr = tile.rewardRisk === null ? 'n/a' : fixed2(tile.rewardRisk);
  return `${symbol} ${tradeName(tile)}: debit ${fixed2(tile.debit)}, max profit ${profit}, R/R ${rr}`;
}

/** The number a cell shows (always two decimals so the text width does not jump while values stream). */
export function formatCellValue(tile: HeatmapTile, by: ColourBy): string {
  const value = by === 'debit' ? tile.debit : tile.rewardRisk;
  return value === null ? '—' : fixed2(value);
}

/** Column header for a width. */
export function widthLabel(family: StrategyFamily, width: number): string {
  if (family === 'single') return 'long';
  return family === 'butterfly' ? `±${formatStrike(width)}` : `${formatStrike(width)}w`;
}
