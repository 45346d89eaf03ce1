import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import type { HeatmapTile } from '@marketswarm/shared/models';
import { tradeName } from './heatmap-format';
import { formatPremium, premiumKind } from './premium-format';

export interface TooltipRow {
  label: string;
  value: string;
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const money = (points: number): string => `${points.toFixed(2)} (${dollars.format(points * CONTRACT_MULTIPLIER)})`;

/**
 * What a cell's tooltip says about its trade, in reading order: the market mid at the tick against
 * the model's theo (and by how much the mid is rich or cheap), the natural bid/ask, what it can make
 * and lose per lot, and reward/risk.
 */
export function tooltipRows(symbol: string, tile: HeatmapTile): TooltipRow[] {
  const kind = premiumKind(tile.debit);
  const rows: TooltipRow[] = [{ label: `Mid (${kind})`, value: formatPremium(symbol, tile.debit) }];
  if (tile.theo !== undefined && Number.isFinite(tile.theo)) {
    // Seen from the trader's side of the tile: paying more than theo, or receiving less, is worse.
    const edge = tile.debit - tile.theo;
    const verdict = Math.abs(edge) < 0.005 ? 'mid at theo' : `mid ${Math.abs(edge).toFixed(2)} ${edge > 0 ? 'worse' : 'better'} than theo`;
    // Theo is the model's value, not a price anyone quotes, so it is shown unrounded.
    const theo = tile.theo < 0 ? `cr ${(-tile.theo).toFixed(2)}` : tile.theo.toFixed(2);
    rows.push({ label: 'Theo', value: `${theo} · ${verdict}` });
  }
  if (tile.bid !== undefined && tile.ask !== undefined) {
    rows.push({ label: 'Bid / ask', value: `${formatPremium(symbol, tile.bid)} / ${formatPremium(symbol, tile.ask)}` });
  }
  rows.push({ label: 'Max profit', value: tile.maxProfit === null ? 'unlimited' : money(tile.maxProfit) });
  rows.push({ label: 'Max loss', value: money(tile.maxLoss) });
  rows.push({ label: 'Reward/risk', value: tile.rewardRisk === null ? '∞' : tile.rewardRisk.toFixed(2) });
  if (tile.iv !== undefined) rows.push({ label: 'IV', value: `${(tile.iv * 100).toFixed(1)} %` });
  return rows;
}

/** The tooltip's heading: symbol and trade. */
export function tooltipTitle(symbol: string, tile: HeatmapTile): string {
  return `${symbol} ${tradeName(tile)}`;
}
