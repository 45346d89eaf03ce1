import { describe, expect, it } from 'vitest';
import { analyticsQuery, DEFAULT_FILTERS, filtersFromSearch, tradesQuery } from '../journal-api/journal-filters';
import { earlyRequests } from './early-requests';

const LOG = '6a0c2f3e-9d1b-4c55-8f00-1234567890ab';

/** What the pages themselves ask for first (journal-api.ts builds the URL from these queries). */
const analyticsUrl = (search: string) => `/api/analytics?${analyticsQuery(filtersFromSearch(new URLSearchParams(search)), 'America/New_York').toString()}`;
const tradesUrl = (search: string) => {
  const filters = filtersFromSearch(new URLSearchParams(search));
  return `/api/logs/${encodeURIComponent(filters.log)}/trades?${tradesQuery(filters, 'America/New_York').toString()}`;
};

describe(earlyRequests.name, () => {
  it('starts the analytics page\'s request exactly as the page builds it, for one log or all', () => {
    expect(earlyRequests('/analytics', `?log=${LOG}`)).toEqual([analyticsUrl(`?log=${LOG}`)]);
    expect(earlyRequests('/analytics', '')).toEqual([analyticsUrl('')]);
    expect(filtersFromSearch(new URLSearchParams('')).log).toBe(DEFAULT_FILTERS.log);
  });

  it('starts the first page of one log\'s trades exactly as the trades page builds it', () => {
    expect(earlyRequests('/trades', `?log=${LOG}`)).toEqual([tradesUrl(`?log=${LOG}`)]);
  });

  it('starts nothing it cannot build without the user\'s settings or for several logs', () => {
    expect(earlyRequests('/trades', '')).toEqual([]);
    expect(earlyRequests('/analytics', `?log=${LOG}&from=2026-12-01`)).toEqual([]);
    expect(earlyRequests('/trades', `?log=${LOG}&symbol=SPX`)).toEqual([]);
    expect(earlyRequests('/', '')).toEqual([]);
    expect(earlyRequests('/trades/abc', '')).toEqual([]);
  });
});
