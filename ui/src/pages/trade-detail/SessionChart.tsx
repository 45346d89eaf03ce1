import { lazy, Suspense, useMemo, useState } from 'react';
import type { TradeDto } from '@marketswarm/shared/dto';
import { useCandles } from '../../journal-api/hooks';
import { CHART_HISTORY_LIMIT, chartInterval, sessionCandles, sessionWindow, tradeMarkers } from './trade-chart';

const TradeChart = lazy(() => import('./TradeChart'));

/** Fetches the candles of the trade's session from the gateway and draws them with the trade's entry and exit. */
export function SessionChart({ trade, timeZone }: { trade: TradeDto; timeZone: string }) {
  const [now] = useState(() => Date.now());
  const session = useMemo(() => sessionWindow(trade, now, timeZone), [trade, now, timeZone]);
  const interval = chartInterval(session, CHART_HISTORY_LIMIT);
  const history = useCandles(trade.symbol, interval, CHART_HISTORY_LIMIT, true);
  const candles = useMemo(() => sessionCandles(history.data?.candles ?? [], session), [history.data, session]);
  const markers = useMemo(() => tradeMarkers(trade, candles, interval), [trade, candles, interval]);
  if (history.isPending) return <p className="muted" role="status">Loading candles…</p>;
  if (history.error) return <p className="muted">No candles: {history.error.message}</p>;
  if (candles.length === 0) {
    return (
      <p className="muted" data-testid="trade-chart-empty">
        No {trade.symbol} candles for this session: the market feed keeps a limited history, and this trade is outside it.
      </p>
    );
  }
  return (
    <div className="trade-chart-host" role="img" aria-label={`${trade.symbol} ${interval} candles of the trade's session with ${markers.map((m) => m.text).join(' and ') || 'no entry or exit inside them'}`} data-testid="trade-chart">
      <Suspense fallback={<p className="muted">Loading chart…</p>}>
        <TradeChart candles={candles} markers={markers} timeZone={timeZone} />
      </Suspense>
    </div>
  );
}
