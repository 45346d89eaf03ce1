/** How the P&L table colours a cell: its sign and one of four strengths relative to the table's largest |P&L|. */
export function cellTone(value: number, maxAbs: number): string {
  const cents = Math.round(value * 100);
  if (cents === 0 || !(maxAbs > 0) || !Number.isFinite(value)) return 'rg-cell-flat';
  const level = Math.min(4, Math.max(1, Math.ceil((Math.abs(value) / maxAbs) * 4)));
  return `rg-cell-${cents > 0 ? 'up' : 'down'}-${level}`;
}

/** The index of the price nearest `spot` (the row the table marks), -1 without prices. */
export function nearestIndex(prices: readonly number[], spot: number): number {
  let best = -1;
  let gap = Infinity;
  prices.forEach((p, i) => {
    const d = Math.abs(p - spot);
    if (d < gap) {
      gap = d;
      best = i;
    }
  });
  return best;
}

/** Whole dollars with a true minus sign, grouped: the table has no room for cents. */
export function tableMoney(v: number): string {
  const r = Math.round(v);
  if (r === 0) return '0';
  return `${r < 0 ? '−' : '+'}${Math.abs(r).toLocaleString('en-US')}`;
}
