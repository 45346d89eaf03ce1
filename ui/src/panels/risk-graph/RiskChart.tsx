import { memo, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { linearScale, ticksWithin } from '../../charts/scale';
import { DATE_STYLES, areaPath, axisMoney, chartFrame, labelRows, linePath, pnlDomain, priceTick, priceTickStep, tickTarget, type ChartFrame } from './risk-chart';
import { zoomAxis, type PriceAxis } from '@marketswarm/shared/models';
import { dateStyles, orderCurves, valueAt } from './risk-chart-readout';
import { RiskChartCrosshair } from './risk-chart-crosshair';
import { useChartGestures, type ChartCursor } from './use-chart-gestures';
import { useChartSize } from './use-chart-size';
import { ZOOM_STEP } from './risk-chart-gestures';
import { formatMoney, type PositionLine } from './risk-scenario';
import { KIND_LABEL } from './risk-kinds';
import type { RiskPositionKind } from '../../risk/risk-position';
import './risk-chart.css';

export interface RiskCurve {
  id: string;
  /** 'Today', 'Dec 6 14:00', 'Expiry' — shown in the legend and the crosshair readout. */
  label: string;
  kind: 'today' | 'date' | 'expiry';
  /** P&L in dollars at each of `spots`. */
  values: readonly number[];
}

export interface RiskChartProps {
  /** Ascending x samples (the panel samples the axis densely plus the strikes). */
  spots: readonly number[];
  /** Expiry first is not required; at most one 'expiry' and one 'today'. */
  curves: readonly RiskCurve[];
  /** With several positions: each position's expiry P&L at `spots` (PositionLine from risk-scenario.ts). */
  positionLines: readonly PositionLine[];
  /** The x range drawn. */
  axis: PriceAxis;
  breakevens: readonly number[];
  /** Price levels of the trader's live alerts on this symbol, drawn as dashed lines. */
  alertLevels: readonly number[];
  /** 1σ expected-move band at the first expiry, shaded. */
  expectedMove?: { from: number; to: number };
  liveSpot?: number;
  whatIfSpot: number;
  /** Zoom/pan produce a new axis; the panel recomputes the curves over it. */
  onAxisChange: (axis: PriceAxis) => void;
  onAxisReset: () => void;
  /** Click (or Enter) on a breakeven marker, an alert line, or Alt+click anywhere: set a price alert at that level. */
  onLevelAlert: (level: number) => void;
}

/** Pixel coordinates to 0.1 px (shorter markup, same picture). */
const px = (v: number): number => Math.round(v * 10) / 10;
const KINDS: readonly RiskPositionKind[] = ['open', 'saved', 'whatif'];
/** Size before the first measure (and in server rendering). */
const FALLBACK_SIZE = { width: 560, height: 300 };
const BREAKEVEN_LABEL_PX = 52;
/** Width of an alert line's label: nearer the right edge than this, it goes on the line's left. */
const ALERT_LABEL_PX = 84;
const ALERT_ROW_PX = 12;

const inAxis = (axis: PriceAxis, s: number | undefined): s is number => s !== undefined && Number.isFinite(s) && s >= axis.from && s <= axis.to;

/**
 * The P&L chart: T+n curves (expiry, chosen dates, today) over the panel's price axis, profit and
 * loss areas, each position's own expiry line, breakevens and alert levels to click, the expected
 * move band and the live and what-if spots. It fills its frame; wheel, drag, pinch, buttons and
 * keys zoom and pan (the panel owns the axis), and a crosshair reads every curve at a price.
 * Hand-written SVG with one path per curve, so a redraw on every tick stays cheap.
 */
export const RiskChart = memo(function RiskChart(props: RiskChartProps) {
  const { spots, curves, positionLines, axis, breakevens, alertLevels, expectedMove, liveSpot, whatIfSpot, onAxisChange, onAxisReset, onLevelAlert } = props;
  const plotRef = useRef<HTMLDivElement>(null);
  const size = useChartSize(plotRef, FALLBACK_SIZE);
  const descId = useId();
  const [cursor, setCursor] = useState<ChartCursor | null>(null);

  const geometry = useMemo(
    () => chartGeometry({ spots, curves, positionLines, axis, breakevens }, size.width, size.height),
    [spots, curves, positionLines, axis, breakevens, size.width, size.height],
  );
  const { frame, x } = geometry;

  useChartGestures(plotRef, { axis, frame, cursor, home: whatIfSpot }, { onAxisChange, onAxisReset, onLevelAlert, onCursor: setCursor });

  const zoomBy = useCallback((factor: number) => onAxisChange(zoomAxis(axis, factor, (axis.from + axis.to) / 2)), [axis, onAxisChange]);
  const today = curves.find((c) => c.kind === 'today');
  const pnlAtWhatIf = today === undefined ? undefined : valueAt(spots, today.values, whatIfSpot);
  const label = `Risk graph from ${axis.from.toFixed(0)} to ${axis.to.toFixed(0)}`;
  const description =
    `Breakevens ${breakevens.map((b) => b.toFixed(2)).join(', ') || 'none'}` +
    (pnlAtWhatIf === undefined ? '. ' : `; P&L ${today?.label ?? 'today'} at ${whatIfSpot.toFixed(2)} ${formatMoney(pnlAtWhatIf)}. `) +
    'Plus and minus zoom, 0 resets, left and right arrows pan, Shift with an arrow moves a crosshair that reads every curve, A sets an alert at the crosshair, Alt+click sets one at a price.';

  return (
    <div className="rg-chart">
      <div className="rg-plot" ref={plotRef} tabIndex={0} role="group" aria-label={label} aria-describedby={descId} data-testid="rg-plot">
        <RiskChartPlot
          geometry={geometry}
          axis={axis}
          spots={spots}
          curves={curves}
          breakevens={breakevens}
          alertLevels={alertLevels}
          expectedMove={expectedMove}
          liveSpot={liveSpot}
          whatIfSpot={whatIfSpot}
          onLevelAlert={onLevelAlert}
        />
        {cursor !== null && inAxis(axis, cursor.price) && (
          <RiskChartCrosshair price={cursor.price} x={x(cursor.price)} y={cursor.y} frame={frame} spots={spots} curves={curves} announce={cursor.source === 'keyboard'} />
        )}
      </div>
      <p id={descId} className="visually-hidden">
        {description}
      </p>
      <div className="rg-chart-foot">
        <Legend curves={curves} positionLines={positionLines} expectedMove={expectedMove} alertLevels={alertLevels} liveSpot={liveSpot} />
        <div className="rg-zoom" role="group" aria-label="Zoom the risk graph">
          <button type="button" className="rg-zoom-btn" data-testid="rg-zoom-in" aria-label="Zoom in on the risk graph" title="Zoom in (+)" onClick={() => zoomBy(ZOOM_STEP)}>
            +
          </button>
          <button type="button" className="rg-zoom-btn" data-testid="rg-zoom-out" aria-label="Zoom out of the risk graph" title="Zoom out (−)" onClick={() => zoomBy(1 / ZOOM_STEP)}>
            −
          </button>
          <button type="button" className="rg-zoom-btn" data-testid="rg-zoom-reset" aria-label="Fit the risk graph to the positions" title="Fit to the positions (0)" onClick={onAxisReset}>
            Fit
          </button>
        </div>
      </div>
    </div>
  );
});

interface Geometry {
  frame: ChartFrame;
  x: (v: number) => number;
  y: (v: number) => number;
  xTicks: { value: number; label: string }[];
  yTicks: number[];
  curves: { id: string; kind: RiskCurve['kind']; label: string; d: string; style: number }[];
  profitArea: string;
  lossArea: string;
  lines: { id: string; kind: RiskPositionKind; name: string; d: string }[];
  breakevenRows: number[];
}

/** Scales, ticks and paths for the props at a frame size: everything the plot draws, computed once per change. */
function chartGeometry(
  { spots, curves, axis, breakevens, positionLines }: Pick<RiskChartProps, 'spots' | 'curves' | 'axis' | 'breakevens' | 'positionLines'>,
  width: number,
  height: number,
): Geometry {
  const [lo, hi] = pnlDomain(spots, [...curves.map((c) => c.values), ...positionLines.map((l) => l.expiry)], axis);
  // The y labels decide the left margin, which decides the plot's width: ticks first, from the height alone.
  const roughFrame = chartFrame(width, height, []);
  const yTicks = ticksWithin(lo, hi, tickTarget(roughFrame.bottom - roughFrame.top, 14));
  const frame = chartFrame(width, height, yTicks.map(axisMoney));
  const x = linearScale([axis.from, axis.to], [frame.left, frame.right]);
  const y = linearScale([lo, hi], [frame.bottom, frame.top]);
  const chars = Math.max(axis.from.toFixed(0).length, axis.to.toFixed(0).length) + 2;
  const step = priceTickStep(axis, frame.right - frame.left, chars);
  const xTicks = ticksWithin(axis.from, axis.to, Math.max(1, Math.round((axis.to - axis.from) / step))).map((value) => ({ value, label: priceTick(value, step) }));
  const xs = spots.map(x);
  const styles = dateStyles(curves, DATE_STYLES);
  // Drawn in reverse reading order, so expiry ends on top.
  const drawn = orderCurves(curves)
    .reverse()
    .map((c) => ({ id: c.id, kind: c.kind, label: c.label, d: linePath(xs, c.values.map(y)), style: styles.get(c.id) ?? 0 }));
  const expiry = curves.find((c) => c.kind === 'expiry');
  return {
    frame,
    x,
    y,
    xTicks,
    yTicks,
    curves: drawn,
    profitArea: expiry === undefined ? '' : areaPath(spots, expiry.values, breakevens, 1, x, y),
    lossArea: expiry === undefined ? '' : areaPath(spots, expiry.values, breakevens, -1, x, y),
    lines: positionLines.map((l) => ({ id: l.id, kind: l.kind, name: l.name, d: linePath(xs, l.expiry.map(y)) })),
    breakevenRows: labelRows(breakevens.map(x), BREAKEVEN_LABEL_PX),
  };
}

/** The drawing itself; memoised so the crosshair moving does not redraw it. */
type PlotProps = { geometry: Geometry } & Pick<
  RiskChartProps,
  'axis' | 'spots' | 'curves' | 'breakevens' | 'alertLevels' | 'expectedMove' | 'liveSpot' | 'whatIfSpot' | 'onLevelAlert'
>;

const RiskChartPlot = memo(function RiskChartPlot({ geometry, axis, breakevens, alertLevels, expectedMove, liveSpot, whatIfSpot, spots, curves, onLevelAlert }: PlotProps) {
  const { frame, x, y } = geometry;
  const rawClip = useId();
  const clipId = `rg-clip-${rawClip.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const y0 = y(0);
  const today = curves.find((c) => c.kind === 'today') ?? curves.find((c) => c.kind === 'expiry');
  const whatIfPnl = today === undefined ? undefined : valueAt(spots, today.values, whatIfSpot);
  const plotHeight = frame.bottom - frame.top;
  const emFrom = expectedMove === undefined ? 0 : Math.max(axis.from, expectedMove.from);
  const emTo = expectedMove === undefined ? 0 : Math.min(axis.to, expectedMove.to);
  const alertsShown = [...new Set(alertLevels)].filter((l) => inAxis(axis, l)).sort((a, b) => a - b);
  const alertRows = labelRows(alertsShown.map(x), ALERT_LABEL_PX, 3);
  const alerts = alertsShown.map((level, i) => ({ level, row: alertRows[i] ?? 0 }));
  const onMarkerKey = (level: number) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    onLevelAlert(level);
  };

  return (
    <svg className="rg-svg" width={frame.width} height={frame.height} viewBox={`0 0 ${frame.width} ${frame.height}`}>
      <defs>
        <clipPath id={clipId}>
          <rect x={frame.left} y={frame.top - 1} width={frame.right - frame.left} height={plotHeight + 2} />
        </clipPath>
      </defs>
      <g aria-hidden="true">
        {expectedMove !== undefined && emTo > emFrom && (
          <rect className="rg-em-band" data-testid="rg-em-band" x={px(x(emFrom))} y={frame.top} width={px(x(emTo) - x(emFrom))} height={plotHeight} />
        )}
        <g className="rg-grid">
          {geometry.yTicks.map((t) => (
            <g key={`y${t}`}>
              <line x1={frame.left} x2={frame.right} y1={px(y(t))} y2={px(y(t))} />
              <text x={frame.left - 6} y={px(y(t))} dy="0.32em" textAnchor="end">
                {axisMoney(t)}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((t) => (
            <text key={`x${t.value}`} x={px(x(t.value))} y={frame.bottom + 16} textAnchor="middle">
              {t.label}
            </text>
          ))}
        </g>
        <g clipPath={`url(#${clipId})`}>
          <path className="rg-area-profit" d={geometry.profitArea} />
          <path className="rg-area-loss" d={geometry.lossArea} />
          <line className="rg-zero" x1={frame.left} x2={frame.right} y1={px(y0)} y2={px(y0)} />
          {inAxis(axis, liveSpot) && <line className="rg-live" x1={px(x(liveSpot))} x2={px(x(liveSpot))} y1={frame.top} y2={frame.bottom} />}
          {geometry.lines.map((l) => (
            <path key={l.id} className={`rg-line rg-line-${l.kind}`} d={l.d} data-position={l.id}>
              <title>{`${KIND_LABEL[l.kind]}: ${l.name}, at expiry`}</title>
            </path>
          ))}
          {geometry.curves.map((c) => (
            <path key={c.id} className={c.kind === 'date' ? `rg-date rg-date-${c.style}` : `rg-${c.kind}`} d={c.d} data-curve={c.id} />
          ))}
        </g>
        {inAxis(axis, liveSpot) && (
          <text className="rg-live-label" x={px(x(liveSpot))} y={frame.top - 16} textAnchor="middle">
            spot {liveSpot.toFixed(2)}
          </text>
        )}
        {inAxis(axis, whatIfSpot) && (
          <g className="rg-whatif">
            <line x1={px(x(whatIfSpot))} x2={px(x(whatIfSpot))} y1={frame.top} y2={frame.bottom} />
            {whatIfPnl !== undefined && <circle cx={px(x(whatIfSpot))} cy={px(y(whatIfPnl))} r={4} />}
            <text x={px(x(whatIfSpot))} y={frame.top - 4} textAnchor="middle">
              what-if {whatIfSpot.toFixed(2)}
            </text>
          </g>
        )}
      </g>
      {alerts.map(({ level, row }) => (
        <g
          key={`a${level}`}
          className="rg-alert-line"
          data-testid="rg-alert-line"
          data-level={level.toFixed(2)}
          role="button"
          tabIndex={0}
          aria-label={`Price alert at ${level.toFixed(2)}: set another alert at this level`}
          onClick={() => onLevelAlert(level)}
          onKeyDown={onMarkerKey(level)}
        >
          <line className="rg-alert-hit" x1={px(x(level))} x2={px(x(level))} y1={frame.top} y2={frame.bottom} />
          <line className="rg-alert-stroke" x1={px(x(level))} x2={px(x(level))} y1={frame.top} y2={frame.bottom} />
          <text
            x={px(x(level)) + (x(level) > frame.right - ALERT_LABEL_PX ? -3 : 3)}
            y={frame.bottom - 4 - row * ALERT_ROW_PX}
            textAnchor={x(level) > frame.right - ALERT_LABEL_PX ? 'end' : 'start'}
          >
            alert {level.toFixed(2)}
          </text>
        </g>
      ))}
      {breakevens.map((b, i) =>
        inAxis(axis, b) ? (
          <g
            key={`b${i}`}
            className="rg-breakeven"
            data-testid="rg-breakeven-marker"
            data-level={b.toFixed(2)}
            role="button"
            tabIndex={0}
            aria-label={`Set a price alert at the breakeven ${b.toFixed(2)}`}
            onClick={() => onLevelAlert(b)}
            onKeyDown={onMarkerKey(b)}
          >
            <title>{`Breakeven ${b.toFixed(2)}: click to set a price alert`}</title>
            <circle className="rg-breakeven-hit" cx={px(x(b))} cy={px(y0)} r={10} />
            <circle cx={px(x(b))} cy={px(y0)} r={3.5} />
            <text x={px(x(b))} y={px(y0 + (geometry.breakevenRows[i] === 1 ? 28 : 16))} textAnchor="middle">
              {b.toFixed(2)}
            </text>
          </g>
        ) : null,
      )}
    </svg>
  );
});

/** The key to the picture: one entry per curve (dates by their label), the spots, the band and the position kinds. */
function Legend({ curves, positionLines, expectedMove, alertLevels, liveSpot }: Pick<RiskChartProps, 'curves' | 'positionLines' | 'expectedMove' | 'alertLevels' | 'liveSpot'>) {
  const kinds = KINDS.filter((k) => positionLines.some((l) => l.kind === k));
  const styles = dateStyles(curves, DATE_STYLES);
  return (
    <ul className="rg-legend" aria-label="Legend">
      {orderCurves(curves).map((c) => (
        <li key={c.id} className={`rg-key ${c.kind === 'date' ? `rg-key-date rg-key-date-${styles.get(c.id) ?? 0}` : `rg-key-${c.kind}`}`}>
          {c.kind === 'expiry' && positionLines.length > 0 ? `${c.label} (all)` : c.label}
        </li>
      ))}
      <li className="rg-key rg-key-whatif">what-if spot</li>
      {liveSpot !== undefined && <li className="rg-key rg-key-live">live spot</li>}
      {expectedMove !== undefined && <li className="rg-key rg-key-em">1σ expected move</li>}
      {alertLevels.length > 0 && <li className="rg-key rg-key-alert">alerts</li>}
      {kinds.map((k) => (
        <li key={k} className={`rg-key rg-key-kind-${k}`}>
          {KIND_LABEL[k].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
