import type { ReactNode } from 'react';
import type { AnalyticsDto, TagDto, TradeLogDto } from '@marketswarm/shared/dto';
import { LoadFailure } from '../../components/page-feedback';
import type { JournalFilters } from '../../journal-api/journal-filters';
import { formatMoney, formatMoneyCompact, formatRate, pnlTone } from '../../journal-api/journal-format';
import { JournalFilterBar } from '../../shell/JournalFilterBar';
import type { BarDatum } from './bar-geometry';
import { ColumnChart, RowChart } from './BarCharts';
import { FIGURE_ORDER, FIGURES, formatFigure, rawFigure } from './figures';
import './analytics.css';

export interface AnalyticsViewProps {
  filters: JournalFilters;
  onFilters: (next: JournalFilters) => void;
  logs: readonly TradeLogDto[];
  tags: readonly TagDto[];
  data: AnalyticsDto | undefined;
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  /** The equity and drawdown chart (a canvas, lazily loaded by the container). */
  equityChart: ReactNode;
}

type Bucket = AnalyticsDto['breakdowns']['symbol'][number];

const bucketData = (buckets: readonly Bucket[]): BarDatum[] => buckets.map((b) => ({ key: b.key, label: b.key, value: b.netPnl }));

/** `/analytics`: every summary figure, the equity curve with its drawdown, the P&L histogram and the breakdowns. */
export function AnalyticsView({ filters, onFilters, logs, tags, data, loading, error, onRetry, equityChart }: AnalyticsViewProps) {
  return (
    <section className="analytics-page" aria-labelledby="analytics-title" aria-busy={loading}>
      <div className="page-title-row">
        <h1 id="analytics-title">Analytics</h1>
      </div>
      <JournalFilterBar
        filters={filters}
        onChange={onFilters}
        logs={logs}
        tags={tags}
        allLogsLabel="All logs (archived too)"
        dateMeaning="Only closed trades count; dates filter by the day a trade closed (exchange time), since P&L is realised at close."
      />
      {error && <LoadFailure error={error} onRetry={onRetry} />}
      {loading && !data ? (
        <p className="muted" role="status">
          Computing analytics…
        </p>
      ) : null}
      {data ? <Dashboard data={data} equityChart={equityChart} /> : null}
    </section>
  );
}

function Dashboard({ data, equityChart }: { data: AnalyticsDto; equityChart: ReactNode }) {
  const { summary, breakdowns, histogram, conventions } = data;
  const describe = (buckets: readonly Bucket[]) => {
    const byKey = new Map(buckets.map((b) => [b.key, b]));
    return (d: BarDatum) => {
      const b = byKey.get(d.key);
      return b ? `${b.trades} trades, win rate ${formatRate(b.winRate)}, expectancy ${formatMoney(b.expectancy, true)}` : '';
    };
  };
  const histogramData: BarDatum[] = histogram.bins.map((bin) => ({ key: String(bin.from), label: formatMoneyCompact(bin.from), value: bin.count }));
  return (
    <>
      <p className="muted analytics-conventions">
        {summary.trades} closed trades · break-even within {formatMoney(conventions.breakevenTolerance)} · exchange time {conventions.timeZone} · starting capital {conventions.startingCapital === null ? 'not set (no drawdown %)' : formatMoney(conventions.startingCapital)}
      </p>
      <dl className="figures" aria-label="Summary">
        {FIGURE_ORDER.map((key) => {
          const spec = FIGURES[key];
          const value = summary[key];
          const tone = spec.kind === 'pnl' && typeof value === 'number' ? pnlTone(value) : '';
          return (
            <div key={key} className="figure" title={spec.hint}>
              <dt>{spec.label}</dt>
              <dd className={tone} data-testid={`figure-${key}`} data-value={rawFigure(value)}>
                {formatFigure(spec.kind, value)}
              </dd>
            </div>
          );
        })}
      </dl>
      <section className="panel analytics-equity" aria-labelledby="equity-title">
        <h2 id="equity-title">Equity and drawdown</h2>
        {data.equity.length < 2 ? <p className="muted">No closed trades to draw.</p> : equityChart}
      </section>
      <div className="analytics-charts">
        <ColumnChart
          title="Net P&L per trade (trades per bin)"
          testId="chart-histogram"
          data={histogramData}
          // Counts: only whole ticks are labelled.
          format={(v) => (Number.isInteger(v) ? String(v) : '')}
          tone={(d) => (Number(d.key) < 0 ? 'down' : 'up')}
          describe={(d) => `from ${formatMoney(Number(d.key))}, width ${formatMoney(histogram.bin)}`}
        />
        <ColumnChart title="By entry hour" testId="chart-entryHour" data={bucketData(breakdowns.entryHour)} format={formatMoneyCompact} describe={describe(breakdowns.entryHour)} />
        <ColumnChart title="By weekday" testId="chart-weekday" data={bucketData(breakdowns.weekday)} format={formatMoneyCompact} describe={describe(breakdowns.weekday)} />
        <ColumnChart title="By days to expiry" testId="chart-dte" data={bucketData(breakdowns.dte)} format={formatMoneyCompact} describe={describe(breakdowns.dte)} />
        <RowChart title="By symbol" testId="chart-symbol" data={bucketData(breakdowns.symbol)} format={formatMoneyCompact} describe={describe(breakdowns.symbol)} />
        <RowChart title="By tag" testId="chart-tag" data={bucketData(breakdowns.tag)} format={formatMoneyCompact} describe={describe(breakdowns.tag)} />
        <RowChart title="By strategy" testId="chart-strategy" data={bucketData(breakdowns.strategy)} format={formatMoneyCompact} describe={describe(breakdowns.strategy)} />
        <RowChart title="By side" testId="chart-side" data={bucketData(breakdowns.side)} format={formatMoneyCompact} describe={describe(breakdowns.side)} />
        <ColumnChart title="By duration" testId="chart-duration" data={bucketData(breakdowns.duration)} format={formatMoneyCompact} describe={describe(breakdowns.duration)} />
      </div>
    </>
  );
}
