import { useEffect, useRef } from 'react';
import { AreaSeries, ColorType, LineSeries, createChart, type UTCTimestamp } from 'lightweight-charts';
import { createTimeFormatters, readChartTheme } from '../../panels/candles/chart-candles';
import type { TimeValue } from './equity-series';

/** `#rrggbb` with an alpha; any other colour form as it is (the canvas would refuse a malformed one). */
const withAlpha = (color: string, alpha: string) => (/^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color);

const points = (series: readonly TimeValue[]) => series.map((p) => ({ time: p.time as UTCTimestamp, value: p.value }));

/** Equity over time with its drawdown in a pane below (lightweight-charts; a lazy chunk of the dashboard). */
export default function EquityChart({ equity, drawdown, timeZone }: { equity: readonly TimeValue[]; drawdown: readonly TimeValue[]; timeZone: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const style = getComputedStyle(host);
    const theme = readChartTheme((name) => style.getPropertyValue(name));
    // Exchange time, as the rest of the journal writes times.
    const time = createTimeFormatters(undefined, timeZone);
    const chart = createChart(host, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: theme.surface }, textColor: theme.muted, fontFamily: style.fontFamily, fontSize: 12 },
      grid: { vertLines: { color: theme.border }, horzLines: { color: theme.border } },
      rightPriceScale: { borderColor: theme.border },
      timeScale: { borderColor: theme.border, timeVisible: true, secondsVisible: false, tickMarkFormatter: time.tick },
      localization: { timeFormatter: time.crosshair },
    });
    const equitySeries = chart.addSeries(LineSeries, { color: theme.accent, lineWidth: 2, title: 'Equity' });
    equitySeries.setData(points(equity));
    const drawdownSeries = chart.addSeries(AreaSeries, { lineColor: theme.down, topColor: withAlpha(theme.down, '10'), bottomColor: withAlpha(theme.down, '66'), lineWidth: 1, title: 'Drawdown', invertFilledArea: true }, 1);
    drawdownSeries.setData(points(drawdown));
    const panes = chart.panes();
    panes[1]?.setHeight(Math.round(host.clientHeight * 0.3));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [equity, drawdown, timeZone]);
  return <div ref={hostRef} className="equity-canvas" aria-hidden="true" />;
}
