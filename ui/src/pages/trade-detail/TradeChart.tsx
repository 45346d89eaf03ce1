import { useEffect, useRef } from 'react';
import { CandlestickSeries, ColorType, CrosshairMode, createChart, createSeriesMarkers } from 'lightweight-charts';
import type { Candle } from '@marketswarm/shared/dto';
import { createTimeFormatters, readChartTheme, toChartCandles, toUtcSeconds } from '../../panels/candles/chart-candles';
import type { TradeMarker } from './trade-chart';

/** The trade's session as candles with its entry and exit marked (lightweight-charts; loaded lazily with the page's chart). */
export default function TradeChart({ candles, markers, timeZone }: { candles: readonly Candle[]; markers: readonly TradeMarker[]; timeZone: string }) {
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
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderColor: theme.border },
      timeScale: { borderColor: theme.border, timeVisible: true, secondsVisible: false, tickMarkFormatter: time.tick },
      localization: { timeFormatter: time.crosshair },
    });
    const series = chart.addSeries(CandlestickSeries, { upColor: theme.up, downColor: theme.down, borderUpColor: theme.up, borderDownColor: theme.down, wickUpColor: theme.up, wickDownColor: theme.down });
    series.setData(toChartCandles(candles));
    createSeriesMarkers(
      series,
      markers.map((m) =>
        m.kind === 'entry'
          ? { time: toUtcSeconds(m.t), position: 'belowBar' as const, shape: 'arrowUp' as const, color: theme.accent, text: m.text }
          : { time: toUtcSeconds(m.t), position: 'aboveBar' as const, shape: 'arrowDown' as const, color: theme.text, text: m.text },
      ),
    );
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [candles, markers, timeZone]);
  return <div ref={hostRef} className="trade-chart-canvas" aria-hidden="true" />;
}
