import type { TradeDto, TradeSort } from '@marketswarm/shared/dto';

/**
 * The journal pages' filters, kept in the URL query so a link (or the nav from Trades to Analytics)
 * carries them: `?log=…&from=2026-12-01&to=2026-12-05&symbol=SPX&strategy=…&tag=…&outcome=win&sort=-net`.
 * Dates are calendar days in the journal's exchange time zone (the `timeZone` setting), both ends
 * inclusive as a trader reads them; the API's `to` is exclusive, so it receives the next day's start.
 */

export const OUTCOMES = ['win', 'loss', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Sorts the trades page offers; only the two opening-time sorts exist in the API, the rest sort what is loaded. */
export const TRADE_SORTS = ['-openedAt', 'openedAt', '-closedAt', '-net', 'net', 'symbol'] as const;
export type TradeListSort = (typeof TRADE_SORTS)[number];

export const SORT_LABELS: Record<TradeListSort, string> = {
  '-openedAt': 'Newest opened',
  openedAt: 'Oldest opened',
  '-closedAt': 'Newest closed',
  '-net': 'Best net P&L',
  net: 'Worst net P&L',
  symbol: 'Symbol A–Z',
};

export interface JournalFilters {
  /** A log id, or `all` (every active log on the trades page; every log, archived too, in analytics). */
  log: string;
  from?: string;
  to?: string;
  symbol?: string;
  strategy?: string;
  /** A tag id. */
  tag?: string;
  outcome?: Outcome;
  sort: TradeListSort;
}

export const DEFAULT_FILTERS: JournalFilters = { log: 'all', sort: '-openedAt' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string | null): value is string => value !== null && DATE.test(value) && Number.isFinite(Date.parse(value));
const text = (value: string | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 40) : undefined;
};
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((item) => item === value);

/** Reads the filters from a query string; anything malformed is dropped rather than sent to the API. */
export function filtersFromSearch(search: URLSearchParams): JournalFilters {
  const filters: JournalFilters = { log: text(search.get('log')) ?? 'all', sort: oneOf(TRADE_SORTS, search.get('sort')) ?? DEFAULT_FILTERS.sort };
  const from = search.get('from');
  const to = search.get('to');
  if (isDate(from)) filters.from = from;
  if (isDate(to)) filters.to = to;
  const symbol = text(search.get('symbol'));
  if (symbol) filters.symbol = symbol.toUpperCase();
  const strategy = text(search.get('strategy'));
  if (strategy) filters.strategy = strategy;
  const tag = text(search.get('tag'));
  if (tag) filters.tag = tag;
  const outcome = oneOf(OUTCOMES, search.get('outcome'));
  if (outcome) filters.outcome = outcome;
  return filters;
}

/** The query string of `filters`, defaults left out, in a stable order (so equal filters give equal URLs). */
export function filtersToSearch(filters: JournalFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.log !== 'all') search.set('log', filters.log);
  for (const key of ['from', 'to', 'symbol', 'strategy', 'tag', 'outcome'] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (filters.sort !== DEFAULT_FILTERS.sort) search.set('sort', filters.sort);
  return search;
}

/** The UTC offset (ms) of `timeZone` at the instant `at`. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in `timeZone`, DST included. */
export function zonedDayStart(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - zoneOffsetMs(wall, timeZone);
  // The offset at the guess may differ from the offset at the day's start when DST changes in between.
  return wall - zoneOffsetMs(first, timeZone);
}

/** The calendar day after `date`. */
export function nextDay(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}

/** The time range of the filters as the API takes it: `from` inclusive, `to` exclusive, epoch ms. */
export function timeRange(filters: JournalFilters, timeZone: string): { from?: number; to?: number } {
  const range: { from?: number; to?: number } = {};
  if (filters.from) range.from = zonedDayStart(filters.from, timeZone);
  if (filters.to) range.to = zonedDayStart(nextDay(filters.to), timeZone);
  return range;
}

/**
 * `GET /api/logs/:id/trades` query of the filters (without `cursor`). Outcome `open` maps to
 * `status=open`; `win`/`loss` to `status=closed`, the sign being checked here (the API has no outcome
 * filter). Sorts other than by opening time are applied to the loaded trades.
 */
export function tradesQuery(filters: JournalFilters, timeZone: string, limit = 200): URLSearchParams {
  const query = new URLSearchParams();
  const { from, to } = timeRange(filters, timeZone);
  if (from !== undefined) query.set('from', String(from));
  if (to !== undefined) query.set('to', String(to));
  if (filters.symbol) query.set('symbol', filters.symbol);
  if (filters.strategy) query.set('strategy', filters.strategy);
  if (filters.tag) query.set('tag', filters.tag);
  if (filters.outcome) query.set('status', filters.outcome === 'open' ? 'open' : 'closed');
  query.set('sort', serverSort(filters.sort));
  query.set('limit', String(limit));
  return query;
}

export function serverSort(sort: TradeListSort): TradeSort {
  return sort === 'openedAt' ? 'openedAt' : '-openedAt';
}

/**
 * `GET /api/analytics` query of the filters. Analytics count closed trades by **close** time and
 * has no outcome filter (the breakdowns split wins from losses themselves).
 */
export function analyticsQuery(filters: JournalFilters, timeZone: string): URLSearchParams {
  const query = new URLSearchParams({ log: filters.log });
  const { from, to } = timeRange(filters, timeZone);
  if (from !== undefined) query.set('from', String(from));
  if (to !== undefined) query.set('to', String(to));
  if (filters.symbol) query.set('symbol', filters.symbol);
  if (filters.tag) query.set('tag', filters.tag);
  if (filters.strategy) query.set('strategy', filters.strategy);
  return query;
}

/** The outcome of a trade as analytics count it: |net| within the break-even tolerance is neither win nor loss. */
export function outcomeOf(trade: Pick<TradeDto, 'status' | 'net'>, breakevenTolerance: number): Outcome | 'breakeven' {
  if (trade.status === 'open') return 'open';
  if (trade.net > breakevenTolerance) return 'win';
  if (trade.net < -breakevenTolerance) return 'loss';
  return 'breakeven';
}

/** The trades the filters show, sorted; the server already applied every filter but the outcome's sign. */
export function visibleTrades(trades: readonly TradeDto[], filters: JournalFilters, breakevenTolerance: number): TradeDto[] {
  const shown = filters.outcome ? trades.filter((t) => outcomeOf(t, breakevenTolerance) === filters.outcome) : [...trades];
  return shown.sort(comparator(filters.sort));
}

function comparator(sort: TradeListSort): (a: TradeDto, b: TradeDto) => number {
  const byId = (a: TradeDto, b: TradeDto) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case '-openedAt':
      return (a, b) => b.openedAt - a.openedAt || byId(b, a);
    case 'openedAt':
      return (a, b) => a.openedAt - b.openedAt || byId(a, b);
    // Open trades (no close yet) come first: they are the newest thing not yet closed.
    case '-closedAt':
      return (a, b) => (b.closedAt ?? Infinity) - (a.closedAt ?? Infinity) || b.openedAt - a.openedAt || byId(b, a);
    case '-net':
      return (a, b) => b.net - a.net || b.openedAt - a.openedAt || byId(b, a);
    case 'net':
      return (a, b) => a.net - b.net || b.openedAt - a.openedAt || byId(b, a);
    case 'symbol':
      return (a, b) => a.symbol.localeCompare(b.symbol) || b.openedAt - a.openedAt || byId(b, a);
  }
}
