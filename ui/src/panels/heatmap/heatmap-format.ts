import { strategyFamily, strategySide, type HeatmapTile, type StrategyFamily } from '@marketswarm/shared/models';
import type { ColourBy } from './heatmap-layout';
import { formatPremium, premiumWords } from './premium-format';

/** Drops a trailing `.0` style noise from strikes (5010, 5012.5). */
export const formatStrike = (strike: number): string => String(Math.round(strike * 100) / 100);

/** What a trader calls the family: `butterfly`, `vertical`, `single`, `iron fly`, `broken-wing fly`. */
export function familyName(family: StrategyFamily): string {
  switch (family) {
    case 'iron-fly':
      return 'iron fly';
    case 'bwb':
      return 'broken-wing fly';
    case 'butterfly':
    case 'vertical':
    case 'single':
      return family;
  }
}

/**
 * The strikes part of a trade's name: `5010 ±10` (butterfly, iron fly), `5010/5020` (vertical, long
 * then short), `5000/5010/5030` (broken-wing fly, lower wing, body, far wing), `5010` (single).
 */
export function strikesLabel(tile: Pick<HeatmapTile, 'strategy' | 'strike' | 'width' | 'wing'>): string {
  const k = formatStrike(tile.strike);
  const wing = tile.wing ?? tile.width;
  switch (tile.strategy) {
    case 'butterfly-call':
    case 'butterfly-put':
    case 'iron-fly':
      return `${k} ±${formatStrike(tile.width)}`;
    case 'vertical-call':
      return `${k}/${formatStrike(tile.strike + tile.width)}`;
    case 'vertical-put':
      return `${k}/${formatStrike(tile.strike - tile.width)}`;
    case 'bwb-call':
      return `${formatStrike(tile.strike - tile.width)}/${k}/${formatStrike(tile.strike + wing)}`;
    case 'bwb-put':
      return `${formatStrike(tile.strike + tile.width)}/${k}/${formatStrike(tile.strike - wing)}`;
    case 'single-call':
    case 'single-put':
      return k;
  }
}

/** A trade's name without its expiry, e.g. `butterfly call 5010 ±10`, `iron fly 5005 ±20`. */
export function tradeTitle(tile: Pick<HeatmapTile, 'strategy' | 'strike' | 'width' | 'wing'>): string {
  const side = strategySide(tile.strategy);
  return `${familyName(strategyFamily(tile.strategy))}${side === undefined ? '' : ` ${side}`} ${strikesLabel(tile)}`;
}

/** A trade's name with its expiry, e.g. `butterfly call 5010 ±10, 0DTE`. */
export function tradeName(tile: HeatmapTile): string {
  return `${tradeTitle(tile)}, ${tile.dte}DTE`;
}

/**
 * A cell's accessible name: what pressing it does, to which trade, at what price, e.g.
 * `Try butterfly call 5005 ±10, debit 2.40`; unique within a grid (one DTE, one strategy).
 */
export function cellLabel(symbol: string, tile: HeatmapTile): string {
  return `Try ${tradeTitle(tile)}, ${premiumWords(symbol, tile.debit)}`;
}

/** The text a cell shows (the price at its tick, `cr` for a credit; reward/risk with two decimals). */
export function formatCellValue(symbol: string, tile: HeatmapTile, by: ColourBy): string {
  if (by === 'debit') return formatPremium(symbol, tile.debit);
  return tile.rewardRisk === null ? '—' : tile.rewardRisk.toFixed(2);
}

/** Column header for a width. */
export function widthLabel(family: StrategyFamily, width: number): string {
  switch (family) {
    case 'single':
      return 'long';
    case 'butterfly':
    case 'iron-fly':
      return `±${formatStrike(width)}`;
    case 'vertical':
    case 'bwb':
      return `${formatStrike(width)}w`;
  }
}
