import { useCallback } from 'react';
import { AreaSeries, LineSeries, type UTCTimestamp } from 'lightweight-charts';
import { useJournalChart, type DrawChart } from '../../components/use-journal-chart';
import type { TimeValue } from './equity-series';

/** `#rrggbb` with an alpha; any other colour form as it is (the canvas would refuse a malformed one). */
const withAlpha = (color: string, alpha: string) => (/^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color);

const points = (series: readonly TimeValue[]) => series.map((p) => ({ time: p.time as UTCTimestamp, value: p.value }));

/** Equity over time with its drawdown in a pane below (lightweight-charts; a lazy chunk of the dashboard). */
export default function EquityChart({ equity, drawdown, timeZone }: { equity: readonly TimeValue[]; drawdown: readonly TimeValue[]; timeZone: string }) {
  const draw = useCallback<DrawChart>(
    (chart, theme, host) => {
      const equitySeries = chart.addSeries(LineSeries, { color: theme.accent, lineWidth: 2, title: 'Equity' });
      equitySeries.setData(points(equity));
      const drawdownSeries = chart.addSeries(AreaSeries, { lineColor: theme.down, topColor: withAlpha(theme.down, '10'), bottomColor: withAlpha(theme.down, '66'), lineWidth: 1, title: 'Drawdown', invertFilledArea: true }, 1);
      drawdownSeries.setData(points(drawdown));
      chart.panes()[1]?.setHeight(Math.round(host.clientHeight * 0.3));
    },
    [equity, drawdown],
  );
  const hostRef = useJournalChart(timeZone, draw);
  return <div ref={hostRef} className="equity-canvas" aria-hidden="true" />;
}
