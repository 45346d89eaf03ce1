import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useAllTrades, useJournalConventions, useLogs, useTags } from '../../journal-api/hooks';
import { tradesQuery, visibleTrades } from '../../journal-api/journal-filters';
import { tradeTotals } from '../../journal-api/trade-totals';
import { useJournalFilters } from '../../shell/use-journal-filters';
import { TradesView } from './TradesView';

/** `/trades`: the container; it reads the URL filters and the API, the view draws them. */
export function TradesPage() {
  const [filters, setFilters] = useJournalFilters();
  const logs = useLogs();
  const tags = useTags();
  const { timeZone, breakevenTolerance, ready } = useJournalConventions();
  const logIds = useMemo(
    () => (filters.log === 'all' ? (logs.data ?? []).filter((log) => log.archivedAt === null).map((log) => log.id) : [filters.log]),
    [filters.log, logs.data],
  );
  const query = useMemo(() => tradesQuery(filters, timeZone), [filters, timeZone]);
  // The zone only shapes a date filter: without one the first page is asked for at once, alongside the settings.
  const zoneKnown = ready || (filters.from === undefined && filters.to === undefined);
  const all = useAllTrades(logIds, query, zoneKnown && (filters.log !== 'all' || logs.isSuccess));
  const shown = useMemo(() => visibleTrades(all.trades, filters, breakevenTolerance), [all.trades, filters, breakevenTolerance]);
  const totals = useMemo(() => tradeTotals(shown, breakevenTolerance), [shown, breakevenTolerance]);
  const navigate = useNavigate();
  return (
    <TradesView
      filters={filters}
      onFilters={setFilters}
      logs={logs.data ?? []}
      tags={tags.data ?? []}
      trades={shown}
      totals={totals}
      timeZone={timeZone}
      loading={all.isPending || (filters.log === 'all' && logs.isPending)}
      loadingMore={all.isLoadingMore}
      error={all.error ?? logs.error}
      onRetry={all.retry}
      onOpen={(id) => void navigate(`/trades/${encodeURIComponent(id)}`)}
    />
  );
}
