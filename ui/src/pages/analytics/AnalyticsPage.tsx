import { lazy, Suspense, useMemo } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { analyticsQueryOptions, useAnalytics, useJournalConventions, useLogs, useTags } from '../../journal-api/hooks';
import { analyticsQuery, filtersFromSearch } from '../../journal-api/journal-filters';
import { useJournalFilters } from '../../shell/use-journal-filters';
import { AnalyticsView } from './AnalyticsView';
import { equitySeries } from './equity-series';

const EquityChart = lazy(() => import('./EquityChart'));

/**
 * Opened directly, the figures are asked for while the app boots, alongside the session check.
 * Only without a date filter: the user's zone (a setting, not known yet) shapes a date range.
 */
export function prefetch(client: QueryClient, search: URLSearchParams): void {
  const filters = filtersFromSearch(search);
  if (filters.from !== undefined || filters.to !== undefined) return;
  void client.prefetchQuery(analyticsQueryOptions(analyticsQuery(filters, 'America/New_York')));
}

/** `/analytics`: the container of AnalyticsView, with the filters of the URL (shared with /trades). */
export function AnalyticsPage() {
  const [filters, setFilters] = useJournalFilters();
  const logs = useLogs();
  const tags = useTags();
  const { timeZone, ready } = useJournalConventions();
  const query = useMemo(() => analyticsQuery(filters, timeZone), [filters, timeZone]);
  // The zone only shapes a date filter: without one the figures are asked for at once, alongside the settings.
  const analytics = useAnalytics(query, ready || (filters.from === undefined && filters.to === undefined));
  const series = useMemo(() => (analytics.data ? equitySeries(analytics.data.equity) : undefined), [analytics.data]);
  return (
    <AnalyticsView
      filters={filters}
      onFilters={setFilters}
      logs={logs.data ?? []}
      tags={tags.data ?? []}
      data={analytics.data}
      loading={!ready || analytics.isFetching}
      error={analytics.error}
      onRetry={() => void analytics.refetch()}
      equityChart={
        series ? (
          <div className="equity-host" data-testid="equity-chart" role="img" aria-label={`Equity over ${series.equity.length} points, drawdown below`}>
            <Suspense fallback={<p className="muted">Loading chart…</p>}>
              <EquityChart equity={series.equity} drawdown={series.drawdown} timeZone={analytics.data?.conventions.timeZone ?? timeZone} />
            </Suspense>
          </div>
        ) : null
      }
    />
  );
}
