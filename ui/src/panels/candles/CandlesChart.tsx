import { useEffect, useRef } from 'react';
import { CandlestickSeries, ColorType, CrosshairMode, createChart, type IChartApi, type ISeriesApi, type MouseEventParams, type Time } from 'lightweight-charts';
import type { Candle, CandleInterval } from '../../stores/candle-store';
import { useWorkspace } from '../../workspace/workspace-context';
import { createTimeFormatters, readChartTheme, toChartCandle, toChartCandles, type ChartTheme } from './chart-candles';

export interface CandlesChartProps {
  symbol: string;
  interval: CandleInterval;
  /** REST history once loaded; merged into the store under what streamed in meanwhile. */
  history: readonly Candle[] | undefined;
  /** Called with the last close after every draw and live update (imperatively, no re-render). */
  onLastClose: (close: number | undefined) => void;
  /** Called with the price under a click on the chart (null off the price scale). */
  onPick?: (price: number | null) => void;
}

interface ChartHandle {
  chart: IChartApi;
  series: ISeriesApi<'Candlestick'>;
}

/**
 * The canvas chart (lightweight-charts, loaded lazily by CandlesPanel). React renders it once per
 * symbol/interval/history; live candles go from the store straight to `series.update`.
 */
export default function CandlesChart({ symbol, interval, history, onLastClose, onPick }: CandlesChartProps) {
  const { stores, settings } = useWorkspace();
  const timeZone = settings.timezone;
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ChartHandle | null>(null);
  const shownRef = useRef<string | undefined>(undefined);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const style = getComputedStyle(host);
    const readTheme = (): ChartTheme => readChartTheme((name) => style.getPropertyValue(name));
    const chart = createChart(host, {
      autoSize: true,
      layout: { fontFamily: style.fontFamily, fontSize: 12 },
      crosshair: { mode: CrosshairMode.Normal },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    const series = chart.addSeries(CandlestickSeries);
    const paint = (theme: ChartTheme): void => {
      chart.applyOptions({
        layout: { background: { type: ColorType.Solid, color: theme.surface }, textColor: theme.muted },
        grid: { vertLines: { color: theme.border }, horzLines: { color: theme.border } },
        rightPriceScale: { borderColor: theme.border },
        timeScale: { borderColor: theme.border },
      });
      series.applyOptions({
        upColor: theme.up,
        downColor: theme.down,
        borderUpColor: theme.up,
        borderDownColor: theme.down,
        wickUpColor: theme.up,
        wickDownColor: theme.down,
      });
    };
    paint(readTheme());
    // The canvas cannot read CSS variables: repaint when the theme (data-theme on <html>) changes,
    // whoever changes it and whenever.
    const themeWatch = new MutationObserver(() => paint(readTheme()));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    handleRef.current = { chart, series };
    return () => {
      themeWatch.disconnect();
      handleRef.current = null;
      shownRef.current = undefined;
      chart.remove();
    };
  }, []);

  useEffect(() => {
    // Axis ticks and the crosshair read in the trader's time zone (a setting), changed without a new chart.
    const time = createTimeFormatters(undefined, timeZone);
    handleRef.current?.chart.applyOptions({ timeScale: { tickMarkFormatter: time.tick }, localization: { timeFormatter: time.crosshair } });
  }, [timeZone]);

  useEffect(() => {
    const handle = handleRef.current;
    if (!handle) return;
    if (history) stores.candles.seed(symbol, interval, history);
    const candles = stores.candles.get(symbol, interval);
    handle.series.setData(toChartCandles(candles));
    const key = `${symbol}:${interval}`;
    if (shownRef.current !== key) {
      shownRef.current = key;
      handle.chart.timeScale().scrollToRealTime();
    }
    onLastClose(candles.at(-1)?.c);
    // The store only announces candles at or after the last one held, which is what update() accepts.
    return stores.candles.subscribe(symbol, interval, (candle) => {
      handle.series.update(toChartCandle(candle));
      onLastClose(candle.c);
    });
  }, [stores, symbol, interval, history, onLastClose]);

  useEffect(() => {
    const handle = handleRef.current;
    if (!handle || !onPick) return;
    const onClick = (param: MouseEventParams<Time>): void => onPick(param.point ? handle.series.coordinateToPrice(param.point.y) : null);
    handle.chart.subscribeClick(onClick);
    return () => {
      // On unmount the chart is already removed (its effect is cleaned up first) and takes its handlers with it.
      if (handleRef.current === handle) handle.chart.unsubscribeClick(onClick);
    };
  }, [onPick]);

  return <div ref={hostRef} className="candles-canvas" aria-hidden="true" />;
}
