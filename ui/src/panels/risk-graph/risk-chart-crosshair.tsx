import { memo } from 'react';
import type { ChartFrame } from './risk-chart';
import { dateStyles, placeReadout, readoutRows, readoutSize, type ReadoutCurve } from './risk-chart-readout';
import { DATE_STYLES } from './risk-chart';
import { formatMoney } from './risk-scenario';

interface CrosshairProps {
  price: number;
  /** Pixel of the price on the x axis. */
  x: number;
  /** Pointer height, or undefined for the keyboard crosshair (the readout then sits at the top). */
  y: number | undefined;
  frame: ChartFrame;
  spots: readonly number[];
  curves: readonly ReadoutCurve[];
  /** Announce the readout (keyboard crosshair): a pointer's would chatter on every move. */
  announce: boolean;
}

/**
 * The crosshair: a vertical line at the price and a readout of each curve's P&L there. Drawn over
 * the plot in HTML, apart from the curves, so moving it re-renders only this.
 */
export const RiskChartCrosshair = memo(function RiskChartCrosshair({ price, x, y, frame, spots, curves, announce }: CrosshairProps) {
  const rows = readoutRows(spots, curves, price);
  const styles = dateStyles(curves, DATE_STYLES);
  const size = readoutSize(rows.length);
  const plot = { left: frame.left, top: frame.top, width: frame.right - frame.left, height: frame.bottom - frame.top };
  const at = placeReadout(x, y, size, plot);
  return (
    <div className="rg-crosshair" data-testid="rg-crosshair" data-price={price.toFixed(2)}>
      <div className="rg-crosshair-line" style={{ left: x, top: frame.top, height: frame.bottom - frame.top }} />
      <div className="rg-readout" style={{ left: at.left, top: at.top, width: size.width }} aria-live={announce ? 'polite' : 'off'}>
        <div className="rg-readout-price">
          <span>Price</span>
          <span>{price.toFixed(2)}</span>
        </div>
        {rows.map((r) => (
          <div key={r.id} className={`rg-readout-row rg-readout-${r.kind === 'date' ? `date-${styles.get(r.id) ?? 0}` : r.kind}`} data-curve={r.id}>
            <span className="rg-readout-label">{r.label}</span>
            <span className={r.value === undefined ? undefined : r.value >= 0 ? 'rg-up' : 'rg-down'}>{r.value === undefined ? '—' : formatMoney(r.value)}</span>
          </div>
        ))}
      </div>
    </div>
  );
});
