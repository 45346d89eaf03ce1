import { useEffect, useRef, type RefObject } from 'react';
import { ColorType, createChart, type IChartApi } from 'lightweight-charts';
import { createTimeFormatters, readChartTheme, type ChartTheme } from '../panels/candles/chart-candles';

/** Adds the series to a fresh chart; memoise it (useCallback) over the data it draws. */
export type DrawChart = (chart: IChartApi, theme: ChartTheme, host: HTMLElement) => void;

/**
 * A lightweight-charts chart in the returned element, themed from the page's CSS variables, with
 * times in `timeZone` (the journal's exchange zone, as the rest of the journal writes times). It is
 * rebuilt when `draw` or the zone changes and removed on unmount. Only the journal's lazy chart
 * chunks import this, so lightweight-charts stays out of the pages' first load.
 */
export function useJournalChart(timeZone: string, draw: DrawChart): RefObject<HTMLDivElement | null> {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const style = getComputedStyle(host);
    const theme = readChartTheme((name) => style.getPropertyValue(name));
    const time = createTimeFormatters(undefined, timeZone);
    const chart = createChart(host, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: theme.surface }, textColor: theme.muted, fontFamily: style.fontFamily, fontSize: 12 },
      grid: { vertLines: { color: theme.border }, horzLines: { color: theme.border } },
      rightPriceScale: { borderColor: theme.border },
      timeScale: { borderColor: theme.border, timeVisible: true, secondsVisible: false, tickMarkFormatter: time.tick },
      localization: { timeFormatter: time.crosshair },
    });
    draw(chart, theme, host);
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [timeZone, draw]);
  return hostRef;
}
