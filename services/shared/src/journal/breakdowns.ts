import { assertClosedTrade, type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { exchangeTime, WEEKDAY_NAMES } from './exchange-time.js';
import { averageMinor } from './money.js';
import { outcomeOf, type Outcome, type OutcomeTotals } from './outcome.js';
import { ratioOrNull } from './statistics.js';

export interface BreakdownBucket extends OutcomeTotals {
  key: string;
  /** netPnl / trades, nearest micro-dollar. */
  expectancy: number;
}

export interface Breakdowns {
  /** Hour of entry in exchange time, "00"…"23". */
  entryHour: BreakdownBucket[];
  /** Weekday of entry in exchange time, Mon…Sun. */
  weekday: BreakdownBucket[];
  symbol: BreakdownBucket[];
  /** A trade counts once in each of its tags; untagged trades are in no bucket. */
  tag: BreakdownBucket[];
  strategy: BreakdownBucket[];
  /** Days to expiry at entry: 0, 1, 2-7, 8-30, 31-60, 61+, or n/a without options. */
  dte: BreakdownBucket[];
  side: BreakdownBucket[];
  /** closedAt − openedAt: <5m, 5-15m, 15-60m, 1-4h, 4h-1d, 1-7d, 7d+ (lower bound inclusive). */
  duration: BreakdownBucket[];
}

export const DTE_BUCKETS = ['0', '1', '2-7', '8-30', '31-60', '61+', 'n/a'] as const;
export const DURATION_BUCKETS = ['<5m', '5-15m', '15-60m', '1-4h', '4h-1d', '1-7d', '7d+'] as const;

export function dteBucket(dte: number | undefined): (typeof DTE_BUCKETS)[number] {
  if (dte === undefined) return 'n/a';
  if (dte <= 0) return '0';
  if (dte <= 1) return '1';
  if (dte <= 7) return '2-7';
  if (dte <= 30) return '8-30';
  if (dte <= 60) return '31-60';
  return '61+';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function durationBucket(ms: number): (typeof DURATION_BUCKETS)[number] {
  if (ms < 5 * MINUTE) return '<5m';
  if (ms < 15 * MINUTE) return '5-15m';
  if (ms < HOUR) return '15-60m';
  if (ms < 4 * HOUR) return '1-4h';
  if (ms < DAY) return '4h-1d';
  if (ms < 7 * DAY) return '1-7d';
  return '7d+';
}

type Dimension = keyof Breakdowns;

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

function emptyBucket(key: string): BreakdownBucket {
  return { key, trades: 0, wins: 0, losses: 0, breakeven: 0, winRate: null, winRateExBreakeven: null, grossPnl: 0, fees: 0, netPnl: 0, expectancy: 0 };
}

function add(buckets: Map<string, BreakdownBucket>, key: string, t: ClosedTrade, outcome: Outcome): void {
  let b = buckets.get(key);
  if (!b) buckets.set(key, (b = emptyBucket(key)));
  b.trades += 1;
  if (outcome === 'win') b.wins += 1;
  else if (outcome === 'loss') b.losses += 1;
  else b.breakeven += 1;
  b.grossPnl += t.grossMinor;
  b.fees += t.feesMinor;
  b.netPnl += t.netMinor;
}

/**
 * Buckets come in `order` when given (weekdays, DTE and duration ranges), else by key; empty
 * buckets are left out.
 */
function finish(buckets: Map<string, BreakdownBucket>, order?: readonly string[]): BreakdownBucket[] {
  for (const b of buckets.values()) {
    b.winRate = ratioOrNull(b.wins, b.trades);
    b.winRateExBreakeven = ratioOrNull(b.wins, b.wins + b.losses);
    b.expectancy = averageMinor(b.netPnl, b.trades);
  }
  const rank = (k: string): number => order?.indexOf(k) ?? -1;
  return [...buckets.values()].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One pass over the trades (the service runs this on 100k trades per request). */
export function breakdowns(trades: readonly ClosedTrade[], conventions: Partial<AnalyticsConventions> = {}): Breakdowns {
  const c = resolveConventions(conventions);
  const maps = {
    entryHour: new Map<string, BreakdownBucket>(),
    weekday: new Map<string, BreakdownBucket>(),
    symbol: new Map<string, BreakdownBucket>(),
    tag: new Map<string, BreakdownBucket>(),
    strategy: new Map<string, BreakdownBucket>(),
    dte: new Map<string, BreakdownBucket>(),
    side: new Map<string, BreakdownBucket>(),
    duration: new Map<string, BreakdownBucket>(),
  } satisfies Record<Dimension, Map<string, BreakdownBucket>>;
  for (const t of trades) {
    assertClosedTrade(t);
    const o = outcomeOf(t.netMinor, c.breakevenToleranceMinor);
    const entry = exchangeTime(t.openedAt, c.timeZone);
    add(maps.entryHour, HOURS[entry.hour] ?? String(entry.hour), t, o);
    add(maps.weekday, WEEKDAY_NAMES[entry.weekday] ?? '?', t, o);
    add(maps.symbol, t.symbol, t, o);
    const tags = t.tags.length > 1 ? new Set(t.tags) : t.tags;
    for (const tag of tags) add(maps.tag, tag, t, o);
    add(maps.strategy, t.strategy, t, o);
    add(maps.dte, dteBucket(t.dte), t, o);
    add(maps.side, t.side, t, o);
    add(maps.duration, durationBucket(t.closedAt - t.openedAt), t, o);
  }
  return {
    entryHour: finish(maps.entryHour),
    weekday: finish(maps.weekday, WEEKDAY_NAMES),
    symbol: finish(maps.symbol),
    tag: finish(maps.tag),
    strategy: finish(maps.strategy),
    dte: finish(maps.dte, DTE_BUCKETS),
    side: finish(maps.side),
    duration: finish(maps.duration, DURATION_BUCKETS),
  };
}
