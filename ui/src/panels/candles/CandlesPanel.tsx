import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CandleInterval } from '../../stores/candle-store';
import { useWorkspace } from '../../workspace/workspace-context';
import { CANDLE_INTERVALS, candleHistoryKey, fetchCandleHistory } from './candle-history';
import './candles.css';

// lightweight-charts (~50 KB gzip) stays out of the initial bundle: the chunk loads when the panel mounts.
const CandlesChart = lazy(() => import('./CandlesChart'));

const price = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Candlesticks of the workspace symbol: REST history (TanStack Query) under live candles from the
 * store. The root carries `data-last-close`, kept current without re-rendering.
 */
export function CandlesPanel() {
  const { symbol } = useWorkspace();
  const [interval, selectInterval] = useState<CandleInterval>('1m');
  const rootRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLSpanElement>(null);
  const history = useQuery({
    queryKey: candleHistoryKey(symbol, interval),
    queryFn: ({ signal }) => fetchCandleHistory(symbol, interval, signal),
    // Live candles keep the chart current; history is only needed again after a long absence.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });

  const onLastClose = useCallback((close: number | undefined) => {
    const root = rootRef.current;
    if (root) {
      if (close === undefined) root.removeAttribute('data-last-close');
      else root.setAttribute('data-last-close', String(close));
    }
    if (closeRef.current) closeRef.current.textContent = close === undefined ? '' : price.format(close);
  }, []);

  // The workspace frame gives the panel its title; this is the body.
  return (
    <div ref={rootRef} className="candles" data-testid="candles" data-symbol={symbol}>
      <div className="candles-toolbar">
        <span className="candles-symbol">{symbol}</span>
        <span ref={closeRef} className="candles-last mono" title="Last close" />
        <div className="candles-intervals" role="group" aria-label={`${symbol} candle interval`}>
          {CANDLE_INTERVALS.map((i) => (
            <button key={i} type="button" className="candles-interval" aria-pressed={i === interval} onClick={() => selectInterval(i)}>
              {i}
            </button>
          ))}
        </div>
      </div>
      <div className="candles-frame" aria-busy={history.isPending}>
        <Suspense fallback={<div className="candles-canvas candles-placeholder">Loading chart…</div>}>
          <CandlesChart symbol={symbol} interval={interval} history={history.data?.candles} onLastClose={onLastClose} />
        </Suspense>
        {history.isPending && <p className="candles-note muted">Loading history…</p>}
        {history.isError && (
          <div className="candles-note candles-error" role="alert">
            <span>History unavailable: {history.error.message}</span>
            <button type="button" className="button" onClick={() => void history.refetch()}>
              Retry
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
