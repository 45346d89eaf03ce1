import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearch, filtersToSearch, type JournalFilters } from '../journal-api/journal-filters';

/** The journal filters of the current URL, and a setter that rewrites the query (replacing the history entry). */
export function useJournalFilters(): [JournalFilters, (next: JournalFilters) => void] {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const setFilters = useCallback((next: JournalFilters) => setSearch(filtersToSearch(next), { replace: true }), [setSearch]);
  return [filters, setFilters];
}
