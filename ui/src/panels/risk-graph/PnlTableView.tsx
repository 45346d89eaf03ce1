import { memo } from 'react';
import { cellTone, nearestIndex, tableMoney } from './pnl-cells';

interface PnlTableViewProps {
  /** Ascending prices (the table lists them high to low, as a price ladder). */
  prices: readonly number[];
  dates: readonly { at: number; label: string }[];
  /** P&L in dollars, cells[date][price]. */
  cells: readonly (readonly number[])[];
  spot: number;
}

/** The P&L table by price × date (OptionStrat's view): colour-coded cells, the row nearest spot marked. */
export const PnlTableView = memo(function PnlTableView({ prices, dates, cells, spot }: PnlTableViewProps) {
  const maxAbs = cells.reduce((m, row) => row.reduce((a, v) => (Number.isFinite(v) ? Math.max(a, Math.abs(v)) : a), m), 0);
  const spotRow = nearestIndex(prices, spot);
  const order = prices.map((_, i) => i).reverse();
  return (
    <div className="rg-table-wrap" data-testid="rg-pnl-table" data-scroll-x tabIndex={0} role="region" aria-label="P&L by price and date">
      <table className="rg-pnl-table">
        <caption className="rg-caption">P&amp;L in dollars by underlying price (rows) and date (columns)</caption>
        <thead>
          <tr>
            <th scope="col">Price</th>
            {dates.map((d) => (
              <th key={d.at} scope="col">
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((i) => {
            const atSpot = i === spotRow;
            return (
              <tr key={prices[i]} className={atSpot ? 'rg-spot-row' : undefined} data-spot={atSpot || undefined} aria-current={atSpot ? 'true' : undefined}>
                <th scope="row" className="mono">
                  {prices[i]?.toFixed(2)}
                  {atSpot && <span className="visually-hidden"> (nearest spot)</span>}
                </th>
                {dates.map((d, j) => {
                  const v = cells[j]?.[i] ?? NaN;
                  return (
                    <td key={d.at} className={`mono ${cellTone(v, maxAbs)}`}>
                      {Number.isFinite(v) ? tableMoney(v) : '—'}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
