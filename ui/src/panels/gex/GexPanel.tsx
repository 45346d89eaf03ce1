import { hasOptions } from '@marketswarm/shared/models';
import { memo, useMemo, useRef, useState } from 'react';
import { SPOT_REDRAW_MS, useKeyed, useKeyedThrottled } from '../../stores/hooks';
import { useWorkspace } from '../../workspace/workspace-context';
import { WallAlertButtons } from '../../alerts-api/WallAlertButtons';
import { formatCompact, formatStrike, gexLayout, nearestWindow, toGexView, type ChartSize, type GexPayloadLike, type GexView, type SeriesVisibility } from './gex-geometry';
import { noOptionsText } from './no-options-text';
import { useElementSize } from './use-element-size';
import './gex.css';

/** Strikes drawn around spot. */
export const GEX_WINDOW = 40;

const DEFAULT_SIZE: ChartSize = { width: 480, height: 360 };

const SERIES: readonly { key: keyof SeriesVisibility; label: string }[] = [
  { key: 'calls', label: 'Calls' },
  { key: 'puts', label: 'Puts' },
  { key: 'net', label: 'Net' },
];

/** Gamma exposure by strike for the workspace symbol, around spot, with walls and the gamma flip. */
export function GexPanel() {
  const { stores, symbol } = useWorkspace();
  const gex = useKeyed(stores.gex, symbol);
  const quote = useKeyedThrottled(stores.spot, symbol, SPOT_REDRAW_MS);
  return <GexPanelView symbol={symbol} gex={gex} livePrice={quote?.price} />;
}

export interface GexPanelViewProps {
  symbol: string;
  gex: GexPayloadLike | undefined;
  /** The streamed spot, fresher than the snapshot's: the window and the spot line follow it. */
  livePrice: number | undefined;
}

/** The panel drawn from values alone (testable without stores or a browser). */
export function GexPanelView(props: GexPanelViewProps) {
  if (!hasOptions(props.symbol)) {
    return (
      <div className="gex" data-testid="gex" data-symbol={props.symbol}>
        <p className="gex-no-options muted" role="status" data-testid="no-options">
          {noOptionsText(props.symbol, 'GEX is')}
        </p>
      </div>
    );
  }
  return <GexBody {...props} />;
}

function GexBody({ symbol, gex, livePrice }: GexPanelViewProps) {
  const [visible, setVisible] = useState<SeriesVisibility>({ calls: true, puts: true, net: true });
  const frameRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(frameRef, DEFAULT_SIZE);

  const view = useMemo(() => (gex ? toGexView(gex) : undefined), [gex]);
  const spot = livePrice ?? view?.spot;
  const hasData = view !== undefined && view.rows.length > 0;

  return (
    // The workspace frame gives the panel its title; this is the body.
    <div className="gex" data-testid="gex" data-symbol={symbol}>
      <div className="gex-toolbar">
        <span className="gex-symbol">{symbol}</span>
        <span className="gex-total mono" title="Net GEX of the whole chain">
          {hasData ? `Net ${formatCompact(view.total)}` : ''}
        </span>
        {hasData && <WallAlertButtons symbol={symbol} callWall={view.callWall} putWall={view.putWall} spot={spot} />}
        <div className="gex-toggles" role="group" aria-label={`${symbol} GEX series`}>
          {SERIES.map(({ key, label }) => (
            <button
              key={key}
              type="button"
              className={`gex-toggle gex-toggle-${key}`}
              aria-pressed={visible[key]}
              onClick={() => setVisible((v) => ({ ...v, [key]: !v[key] }))}
            >
              <span className="gex-swatch" aria-hidden="true" />
              {label}
            </button>
          ))}
        </div>
      </div>
      <div ref={frameRef} className="gex-frame">
        {hasData ? (
          <GexChart view={view} spot={spot} visible={visible} size={size} symbol={symbol} />
        ) : (
          <p className="gex-empty muted">Waiting for GEX of {symbol}…</p>
        )}
      </div>
    </div>
  );
}

interface GexChartProps {
  view: GexView;
  spot: number | undefined;
  visible: SeriesVisibility;
  size: ChartSize;
  symbol: string;
}

/** The SVG, drawn at the frame's pixel size (so text never stretches). */
export const GexChart = memo(function GexChart({ view, spot, visible, size, symbol }: GexChartProps) {
  const rows = useMemo(() => nearestWindow(view.rows, spot, GEX_WINDOW), [view.rows, spot]);
  const layout = useMemo(
    () => gexLayout(rows, { spot, callWall: view.callWall, putWall: view.putWall, flip: view.flip }, visible, size),
    [rows, spot, view.callWall, view.putWall, view.flip, visible, size],
  );
  const { plot } = layout;
  const summary = [
    `GEX by strike for ${symbol}`,
    spot === undefined ? undefined : `spot ${formatStrike(spot)}`,
    view.callWall === undefined ? undefined : `call wall ${formatStrike(view.callWall)}`,
    view.putWall === undefined ? undefined : `put wall ${formatStrike(view.putWall)}`,
    view.flip === undefined ? undefined : `gamma flip ${formatStrike(view.flip)}`,
    `net ${formatCompact(view.total)}`,
  ]
    .filter((s) => s !== undefined)
    .join(', ');

  return (
    <svg className="gex-svg" width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`} role="img" aria-label={summary}>
      <g className="gex-grid">
        {layout.xTicks.map((t) => (
          <line key={t.value} x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} />
        ))}
      </g>
      <g className="gex-axis-x">
        {layout.xTicks.map((t, i) => (
          <text key={t.value} x={t.x} y={plot.bottom + 15} textAnchor={i === 0 ? 'start' : i === layout.xTicks.length - 1 ? 'end' : 'middle'}>
            {t.label}
          </text>
        ))}
      </g>
      <g className="gex-axis-y">
        {layout.strikeLabels.map((s) => (
          <text key={s.strike} x={plot.left - 6} y={s.y} dy="0.32em" textAnchor="end">
            {s.label}
          </text>
        ))}
      </g>
      <g className="gex-calls">
        {layout.calls.map((b) => (
          <rect key={b.strike} x={b.x} y={b.y} width={b.width} height={b.height} />
        ))}
      </g>
      <g className="gex-puts">
        {layout.puts.map((b) => (
          <rect key={b.strike} x={b.x} y={b.y} width={b.width} height={b.height} />
        ))}
      </g>
      <line className="gex-zero" x1={layout.zeroX} x2={layout.zeroX} y1={plot.top} y2={plot.bottom} />
      {layout.net.length > 0 && <polyline className="gex-net" points={layout.net.map((p) => `${p.x},${p.y}`).join(' ')} />}
      {layout.marks.map((m) => (
        <g key={m.kind} className={`gex-mark gex-mark-${m.kind}`}>
          <line x1={plot.left} x2={plot.right} y1={m.y} y2={m.y} />
          <text x={plot.right + 6} y={m.labelY} dy="0.32em">
            {m.label}
          </text>
        </g>
      ))}
    </svg>
  );
});
