import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { createAlert } from '../../alerts-api/alerts-api';
import type { CandleInterval } from '../../stores/candle-store';
import { useWorkspace } from '../../workspace/workspace-context';
import { CANDLE_INTERVALS, candleHistoryKey, fetchCandleHistory } from './candle-history';
import { ChartLevelAlertView } from './ChartLevelAlert';
import { chartLevelAlertBody, formatLevel, levelAt, sendChartLevelAlert, tickOf, type LevelAlertStatus } from './chart-level';
import './candles.css';

// lightweight-charts (~50 KB gzip) stays out of the initial bundle: the chunk loads when the panel mounts.
const CandlesChart = lazy(() => import('./CandlesChart'));

const price = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Candlesticks of the workspace symbol: REST history (TanStack Query) under live candles from the
 * store. The root carries `data-last-close`, kept current without re-rendering. A click on the
 * chart offers a price alert at that level (Escape or a click elsewhere withdraws the offer).
 */
export function CandlesPanel({ create = createAlert }: { create?: typeof createAlert } = {}) {
  const { symbol, stores } = useWorkspace();
  const [interval, selectInterval] = useState<CandleInterval>('1m');
  const rootRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLSpanElement>(null);
  const lastCloseRef = useRef<number | undefined>(undefined);
  const frameRef = useRef<HTMLDivElement>(null);
  const levelGroupRef = useRef<HTMLSpanElement>(null);
  // The offer and its outcome belong to the symbol they were made on; another symbol starts without them.
  const [offer, setOffer] = useState<{ symbol: string; level: number } | null>(null);
  const [said, setSaid] = useState<{ symbol: string; status: LevelAlertStatus } | null>(null);
  const [busy, setBusy] = useState(false);
  const level = offer?.symbol === symbol ? offer.level : undefined;
  const status = said?.symbol === symbol ? said.status : undefined;
  const history = useQuery({
    queryKey: candleHistoryKey(symbol, interval),
    queryFn: ({ signal }) => fetchCandleHistory(symbol, interval, signal),
    // Live candles keep the chart current; history is only needed again after a long absence.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });

  const onLastClose = useCallback((close: number | undefined) => {
    lastCloseRef.current = close;
    const root = rootRef.current;
    if (root) {
      if (close === undefined) root.removeAttribute('data-last-close');
      else root.setAttribute('data-last-close', String(close));
    }
    if (closeRef.current) closeRef.current.textContent = close === undefined ? '' : price.format(close);
  }, []);

  const onPick = useCallback(
    (clicked: number | null) => {
      const picked = levelAt(clicked, tickOf(symbol));
      setOffer(picked === undefined ? null : { symbol, level: picked });
      setSaid(null);
    },
    [symbol],
  );

  const dismiss = useCallback(() => {
    setOffer(null);
    setSaid(null);
  }, []);

  const onAlert = (at: number): void => {
    // Direction from the price now, not at the click: the alert is about where the price goes from here.
    const body = chartLevelAlertBody(symbol, at, stores.spot.get(symbol)?.price ?? lastCloseRef.current);
    setBusy(true);
    setSaid({ symbol, status: { ok: true, text: `Setting an alert at ${formatLevel(at)}…` } });
    void sendChartLevelAlert(create, body).then((outcome) => {
      setBusy(false);
      setSaid({ symbol: body.symbol, status: outcome });
      // A failed alert keeps its offer, so the trader can try again.
      if (outcome.ok) setOffer(null);
    });
  };

  const offering = level !== undefined || status !== undefined;
  useEffect(() => {
    if (!offering) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') dismiss();
    };
    // A click on the chart picks another level (the chart reports it); anywhere else but the action withdraws the offer.
    const onDown = (e: PointerEvent): void => {
      const target = e.target instanceof Node ? e.target : null;
      if (frameRef.current?.contains(target) || levelGroupRef.current?.contains(target)) return;
      dismiss();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [offering, dismiss]);

  // The workspace frame gives the panel its title; this is the body.
  return (
    <div ref={rootRef} className="candles" data-testid="candles" data-symbol={symbol}>
      <div className="candles-toolbar">
        <span className="candles-symbol">{symbol}</span>
        <ChartLevelAlertView symbol={symbol} level={level} status={status} busy={busy} onAlert={onAlert} groupRef={levelGroupRef} />
        <span ref={closeRef} className="candles-last mono" title="Last close" />
        <div className="candles-intervals" role="group" aria-label={`${symbol} candle interval`}>
          {CANDLE_INTERVALS.map((i) => (
            <button key={i} type="button" className="candles-interval" aria-pressed={i === interval} onClick={() => selectInterval(i)}>
              {i}
            </button>
          ))}
        </div>
      </div>
      <div ref={frameRef} className="candles-frame" aria-busy={history.isPending}>
        <Suspense fallback={<div className="candles-canvas candles-placeholder">Loading chart…</div>}>
          <CandlesChart symbol={symbol} interval={interval} history={history.data?.candles} onLastClose={onLastClose} onPick={onPick} />
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
