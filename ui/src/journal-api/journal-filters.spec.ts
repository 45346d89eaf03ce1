import { describe, expect, it } from 'vitest';
import { trade } from './testing/journal-fixtures';
import { analyticsQuery, filtersFromSearch, filtersToSearch, outcomeOf, tradesQuery, visibleTrades, zonedDayStart, type JournalFilters } from './journal-filters';

const NY = 'America/New_York';

describe('journal filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const filters: JournalFilters = { log: 'abc', from: '2026-12-01', to: '2026-12-05', symbol: 'SPX', strategy: 'iron condor', tag: 't1', outcome: 'win', sort: '-net' };
    const search = filtersToSearch(filters);
    expect(search.toString()).toBe('log=abc&from=2026-12-01&to=2026-12-05&symbol=SPX&strategy=iron+condor&tag=t1&outcome=win&sort=-net');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('leaves the defaults out, so the bare page has a bare URL', () => {
    expect(filtersToSearch({ log: 'all', sort: '-openedAt' }).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual({ log: 'all', sort: '-openedAt' });
  });

  it('drops malformed values instead of sending them to the API', () => {
    const parsed = filtersFromSearch(new URLSearchParams('from=yesterday&to=2026-13-45&outcome=maybe&sort=random&symbol=%20spx%20&strategy=%20'));
    expect(parsed).toEqual({ log: 'all', sort: '-openedAt', symbol: 'SPX' });
  });
});

describe(zonedDayStart.name, () => {
  it('is midnight in the exchange zone, across both DST changes', () => {
    expect(new Date(zonedDayStart('2026-12-01', NY)).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(new Date(zonedDayStart('2026-07-01', NY)).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    // 2026-03-08: clocks go forward at 02:00, so that day still starts at UTC−5.
    expect(new Date(zonedDayStart('2026-03-08', NY)).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(zonedDayStart('2026-03-09', NY)).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // 2026-11-01: clocks go back at 02:00; the day starts at UTC−4.
    expect(new Date(zonedDayStart('2026-11-01', NY)).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(zonedDayStart('2026-12-01', 'UTC')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe(tradesQuery.name, () => {
  it('maps dates to the exchange day range (to inclusive as read, exclusive as sent) and open to status=open', () => {
    const query = tradesQuery({ log: 'all', from: '2026-12-01', to: '2026-12-05', symbol: 'SPX', tag: 't1', outcome: 'open', sort: '-openedAt' }, NY);
    expect(Object.fromEntries(query)).toEqual({
      from: String(Date.parse('2026-12-01T05:00:00Z')),
      to: String(Date.parse('2026-12-06T05:00:00Z')),
      symbol: 'SPX',
      tag: 't1',
      status: 'open',
      sort: '-openedAt',
      limit: '200',
    });
  });

  it('asks for closed trades for wins and losses (the sign is checked in the page) and sorts by opening time on the server', () => {
    expect(tradesQuery({ log: 'all', outcome: 'loss', sort: '-net' }, NY).toString()).toBe('status=closed&sort=-openedAt&limit=200');
    expect(tradesQuery({ log: 'all', sort: 'openedAt' }, NY).get('sort')).toBe('openedAt');
  });
});

describe(analyticsQuery.name, () => {
  it('passes log, close-date range, symbol, tag and strategy; never outcome or sort', () => {
    const query = analyticsQuery({ log: 'L', from: '2026-12-01', symbol: 'SPX', strategy: 'fly', tag: 't', outcome: 'win', sort: '-net' }, 'UTC');
    expect(Object.fromEntries(query)).toEqual({ log: 'L', from: String(Date.UTC(2026, 11, 1)), symbol: 'SPX', tag: 't', strategy: 'fly' });
    expect(analyticsQuery({ log: 'all', sort: '-openedAt' }, NY).toString()).toBe('log=all');
  });
});

describe(visibleTrades.name, () => {
  const a = trade({ id: 'a', net: 100, openedAt: 1000, closedAt: 5000, symbol: 'SPX' });
  const b = trade({ id: 'b', net: -40, openedAt: 2000, closedAt: 3000, symbol: 'NDX' });
  const c = trade({ id: 'c', net: 0.5, openedAt: 3000, closedAt: 4000, symbol: 'XSP' });
  const open = trade({ id: 'o', net: 0, status: 'open', openedAt: 4000, closedAt: null, symbol: 'ES' });
  const all = [a, b, c, open];
  const ids = (list: readonly { id: string }[]) => list.map((t) => t.id);

  it('filters wins and losses by net beyond the break-even tolerance, as analytics count them', () => {
    expect(ids(visibleTrades(all, { log: 'all', outcome: 'win', sort: '-openedAt' }, 0))).toEqual(['c', 'a']);
    expect(ids(visibleTrades(all, { log: 'all', outcome: 'win', sort: '-openedAt' }, 1))).toEqual(['a']);
    expect(ids(visibleTrades(all, { log: 'all', outcome: 'loss', sort: '-openedAt' }, 0))).toEqual(['b']);
    expect(ids(visibleTrades(all, { log: 'all', outcome: 'open', sort: '-openedAt' }, 0))).toEqual(['o']);
    expect(outcomeOf(c, 1)).toBe('breakeven');
  });

  it('sorts by each offered order', () => {
    const sorted = (sort: JournalFilters['sort']) => ids(visibleTrades(all, { log: 'all', sort }, 0));
    expect(sorted('-openedAt')).toEqual(['o', 'c', 'b', 'a']);
    expect(sorted('openedAt')).toEqual(['a', 'b', 'c', 'o']);
    expect(sorted('-closedAt')).toEqual(['o', 'a', 'c', 'b']);
    expect(sorted('-net')).toEqual(['a', 'c', 'o', 'b']);
    expect(sorted('net')).toEqual(['b', 'o', 'c', 'a']);
    expect(sorted('symbol')).toEqual(['o', 'b', 'a', 'c']);
  });
});
