import { useCallback } from 'react';
import { CandlestickSeries, CrosshairMode, createSeriesMarkers } from 'lightweight-charts';
import type { Candle } from '@marketswarm/shared/dto';
import { useJournalChart, type DrawChart } from '../../components/use-journal-chart';
import { toChartCandles, toUtcSeconds } from '../../panels/candles/chart-candles';
import type { TradeMarker } from './trade-chart';

/** The trade's session as candles with its entry and exit marked (lightweight-charts; loaded lazily with the page's chart). */
export default function TradeChart({ candles, markers, timeZone }: { candles: readonly Candle[]; markers: readonly TradeMarker[]; timeZone: string }) {
  const draw = useCallback<DrawChart>(
    (chart, theme) => {
      chart.applyOptions({ crosshair: { mode: CrosshairMode.Normal } });
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
    },
    [candles, markers],
  );
  const hostRef = useJournalChart(timeZone, draw);
  return <div ref={hostRef} className="trade-chart-canvas" aria-hidden="true" />;
}
