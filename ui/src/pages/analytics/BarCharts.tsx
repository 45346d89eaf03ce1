import { useId, type ReactNode } from 'react';
import { columnChart, rowChart, type BarDatum, type Padding } from './bar-geometry';

export type BarTone = 'up' | 'down' | 'neutral';
const bySign = (bar: BarDatum): BarTone => (bar.value < 0 ? 'down' : 'up');

/** The dashboard's small SVG bar charts (geometry in bar-geometry.ts). Each has a title, an aria label and a data table fallback. */

export interface BarChartProps {
  title: string;
  data: readonly BarDatum[];
  /** Formats a value for the axis and the tooltips. */
  format: (value: number) => string;
  /** Extra tooltip text of a bar (trades, win rate). */
  describe?: (datum: BarDatum) => string;
  /** The colour of a bar: by the sign of its value (P&L, the default), or as given (histogram counts by bin side). */
  tone?: (bar: BarDatum) => BarTone;
  testId: string;
}

const COLUMN_PAD: Padding = { top: 8, right: 8, bottom: 22, left: 56 };
const ROW_PAD: Padding = { top: 4, right: 12, bottom: 18, left: 96 };
const WIDTH = 360;

function Shell({ title, testId, children, empty, summary }: { title: string; testId: string; children: ReactNode; empty: boolean; summary: string }) {
  const id = useId();
  return (
    <figure className="bar-chart" data-testid={testId} aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {empty ? <p className="muted bar-chart-empty">No closed trades.</p> : children}
      <span className="visually-hidden">{summary}</span>
    </figure>
  );
}

const summaryOf = (data: readonly BarDatum[], format: (v: number) => string) => data.map((d) => `${d.label}: ${format(d.value)}`).join('; ');

/** Vertical columns, for ordered keys (hours, weekdays, DTE, histogram bins). */
export function ColumnChart({ title, data, format, describe, tone = bySign, testId }: BarChartProps) {
  const g = columnChart(data, WIDTH, 160, COLUMN_PAD);
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  return (
    <Shell title={title} testId={testId} empty={data.length === 0} summary={summaryOf(data, format)}>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={`${title}: ${summaryOf(data, format)}`}>
        {g.ticks.map((t) => (
          <g key={t.value} className="bar-tick">
            <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={t.at} y2={t.at} />
            <text x={g.plot.x - 4} y={t.at} textAnchor="end" dominantBaseline="middle">
              {format(t.value)}
            </text>
          </g>
        ))}
        {g.bars.map((b, i) => (
          <g key={b.key}>
            <rect x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0.5)} className={`bar-${tone(b)}`} data-key={b.key} data-value={b.value}>
              <title>{`${b.label}: ${format(b.value)}${describe ? ` — ${describe(b)}` : ''}`}</title>
            </rect>
            {i % labelEvery === 0 ? (
              <text x={b.x + b.width / 2} y={g.height - 6} textAnchor="middle" className="bar-label">
                {b.label}
              </text>
            ) : null}
          </g>
        ))}
        <line className="bar-zero" x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={g.zero} y2={g.zero} />
      </svg>
    </Shell>
  );
}

/** Horizontal rows, for named keys (symbol, tag, strategy). */
export function RowChart({ title, data, format, describe, tone = bySign, testId }: BarChartProps) {
  const g = rowChart(data, WIDTH, 20, ROW_PAD);
  return (
    <Shell title={title} testId={testId} empty={data.length === 0} summary={summaryOf(data, format)}>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={`${title}: ${summaryOf(data, format)}`}>
        {g.ticks.map((t) => (
          <g key={t.value} className="bar-tick">
            <line x1={t.at} x2={t.at} y1={g.plot.y} y2={g.plot.y + g.plot.height} />
            <text x={t.at} y={g.height - 4} textAnchor="middle">
              {format(t.value)}
            </text>
          </g>
        ))}
        {g.bars.map((b) => (
          <g key={b.key}>
            <text x={g.plot.x - 6} y={b.y + b.height / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
            <rect x={b.x} y={b.y} width={Math.max(b.width, 0.5)} height={b.height} className={`bar-${tone(b)}`} data-key={b.key} data-value={b.value}>
              <title>{`${b.label}: ${format(b.value)}${describe ? ` — ${describe(b)}` : ''}`}</title>
            </rect>
          </g>
        ))}
        <line className="bar-zero" x1={g.zero} x2={g.zero} y1={g.plot.y} y2={g.plot.y + g.plot.height} />
      </svg>
    </Shell>
  );
}
