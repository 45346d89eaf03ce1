import { memo, useId, useMemo, useRef } from 'react';
import { linearScale, ticksWithin } from '../../charts/scale';
import { areaPath, axisMoney, labelRows, linePath, pnlDomain } from './risk-chart';
import type { Scenario } from './risk-scenario';
import { formatMoney } from './risk-scenario';
import { useElementWidth } from './use-element-width';
import { KIND_LABEL } from './risk-kinds';
import type { RiskPositionKind } from '../../risk/risk-position';

const HEIGHT = 240;
/** Pixel coordinates to 0.1 px (shorter markup, same picture). */
const px = (v: number): number => Math.round(v * 10) / 10;
const MARGIN = { left: 56, right: 14, top: 26, bottom: 26 };
const KINDS: readonly RiskPositionKind[] = ['open', 'saved', 'whatif'];

interface RiskChartProps {
  scenario: Scenario;
  liveSpot: number | undefined;
  whatIfSpot: number;
}

/** The P&L chart: expiry and today's lines, zero line, breakevens, live and what-if spot markers. Hand-written SVG. */
export const RiskChart = memo(function RiskChart({ scenario, liveSpot, whatIfSpot }: RiskChartProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const width = Math.max(240, useElementWidth(frameRef, 480));
  const titleId = useId();
  const { graph, range, breakevens } = scenario;

  const geometry = useMemo(() => {
    const x = linearScale([range.from, range.to], [MARGIN.left, width - MARGIN.right]);
    const [lo, hi] = pnlDomain(graph.points, scenario.lines.map((l) => l.expiry));
    const y = linearScale([lo, hi], [HEIGHT - MARGIN.bottom, MARGIN.top]);
    const xs = graph.points.map((p) => x(p.spot));
    const xTicks = ticksWithin(range.from, range.to, Math.max(2, Math.floor((width - MARGIN.left - MARGIN.right) / 80)));
    const yTicks = ticksWithin(lo, hi, 5);
    const bx = breakevens.map(x);
    return {
      x,
      y,
      xTicks,
      yTicks,
      expiryPath: linePath(xs, graph.points.map((p) => y(p.expiry))),
      todayPath: linePath(xs, graph.points.map((p) => (p.today === undefined ? NaN : y(p.today)))),
      profitArea: areaPath(graph.points, breakevens, 1, x, y),
      lossArea: areaPath(graph.points, breakevens, -1, x, y),
      breakevenX: bx,
      lines: scenario.lines.map((l) => ({ id: l.id, kind: l.kind, name: l.name, d: linePath(xs, l.expiry.map(y)) })),
      breakevenRows: labelRows(bx, 56),
    };
  }, [graph, range, breakevens, width, scenario.lines]);

  const { x, y } = geometry;
  const kinds = KINDS.filter((k) => geometry.lines.some((l) => l.kind === k));
  const y0 = y(0);
  const inRange = (s: number | undefined): s is number => s !== undefined && s >= range.from && s <= range.to;
  const whatIfY = y(scenario.pnlToday);
  const description = `P&L from ${range.from.toFixed(0)} to ${range.to.toFixed(0)}: breakevens ${breakevens.map((b) => b.toFixed(2)).join(', ') || 'none'}; P&L today at ${whatIfSpot.toFixed(2)} ${formatMoney(scenario.pnlToday)}.`;

  return (
    <div className="rg-chart" ref={frameRef}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="rg-svg">
        <title id={titleId}>{description}</title>
        <g className="rg-grid">
          {geometry.yTicks.map((t) => (
            <g key={`y${t}`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={px(y(t))} y2={px(y(t))} />
              <text x={MARGIN.left - 6} y={px(y(t))} dy="0.32em" textAnchor="end">
                {axisMoney(t)}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((t) => (
            <text key={`x${t}`} x={px(x(t))} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
              {t}
            </text>
          ))}
        </g>
        <path className="rg-area-profit" d={geometry.profitArea} />
        <path className="rg-area-loss" d={geometry.lossArea} />
        <line className="rg-zero" x1={MARGIN.left} x2={width - MARGIN.right} y1={px(y0)} y2={px(y0)} />
        {inRange(liveSpot) && (
          <g className="rg-live">
            <line x1={px(x(liveSpot))} x2={px(x(liveSpot))} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
            <text x={px(x(liveSpot))} y={MARGIN.top - 14} textAnchor="middle">
              spot {liveSpot.toFixed(2)}
            </text>
          </g>
        )}
        {geometry.lines.map((l) => (
          <path key={l.id} className={`rg-line rg-line-${l.kind}`} d={l.d} data-position={l.id}>
            <title>{`${KIND_LABEL[l.kind]}: ${l.name}, at expiry`}</title>
          </path>
        ))}
        <path className="rg-expiry" d={geometry.expiryPath} />
        <path className="rg-today" d={geometry.todayPath} />
        {geometry.breakevenX.map((bx, i) => (
          <g key={i} className="rg-breakeven">
            <circle cx={px(bx)} cy={px(y0)} r={3.5} />
            <text x={px(bx)} y={px(y0 + (geometry.breakevenRows[i] === 1 ? 26 : 14))} textAnchor="middle">
              {breakevens[i]?.toFixed(2)}
            </text>
          </g>
        ))}
        {inRange(whatIfSpot) && (
          <g className="rg-whatif">
            <line x1={px(x(whatIfSpot))} x2={px(x(whatIfSpot))} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
            <circle cx={px(x(whatIfSpot))} cy={px(whatIfY)} r={4} />
            <text x={px(x(whatIfSpot))} y={MARGIN.top - 3} textAnchor="middle">
              what-if {whatIfSpot.toFixed(2)}
            </text>
          </g>
        )}
      </svg>
      <p className="rg-legend" aria-hidden="true">
        <span className="rg-key rg-key-expiry">{geometry.lines.length > 0 ? 'all at expiry' : 'at expiry'}</span>
        <span className="rg-key rg-key-today">today</span>
        <span className="rg-key rg-key-whatif">what-if spot</span>
        <span className="rg-key rg-key-live">live spot</span>
        {kinds.map((k) => (
          <span key={k} className={`rg-key rg-key-kind-${k}`}>
            {KIND_LABEL[k].toLowerCase()}
          </span>
        ))}
      </p>
    </div>
  );
});
