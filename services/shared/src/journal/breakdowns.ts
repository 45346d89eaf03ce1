import { assertClosedTrade, type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { dayWeekday, exchangeDay, exchangeHour, exchangeWallClock, WEEKDAY_NAMES } from './exchange-time.js';
import { averageMinor } from './money.js';
import { outcomeOf, type Outcome, type OutcomeTotals } from './outcome.js';
import { ratioOrNull } from './statistics.js';
import type { TradeColumns } from './trade-columns.js';

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

/** Index into DTE_BUCKETS. */
function dteIndex(dte: number | undefined): number {
  if (dte === undefined) return 6;
  if (dte <= 0) return 0;
  if (dte <= 1) return 1;
  if (dte <= 7) return 2;
  if (dte <= 30) return 3;
  if (dte <= 60) return 4;
  return 5;
}

export function dteBucket(dte: number | undefined): (typeof DTE_BUCKETS)[number] {
  return DTE_BUCKETS[dteIndex(dte)] ?? 'n/a';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Index into DURATION_BUCKETS. */
function durationIndex(ms: number): number {
  if (ms < 5 * MINUTE) return 0;
  if (ms < 15 * MINUTE) return 1;
  if (ms < HOUR) return 2;
  if (ms < 4 * HOUR) return 3;
  if (ms < DAY) return 4;
  if (ms < 7 * DAY) return 5;
  return 6;
}

export function durationBucket(ms: number): (typeof DURATION_BUCKETS)[number] {
  return DURATION_BUCKETS[durationIndex(ms)] ?? '7d+';
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

function emptyBucket(key: string): BreakdownBucket {
  return { key, trades: 0, wins: 0, losses: 0, breakeven: 0, winRate: null, winRateExBreakeven: null, grossPnl: 0, fees: 0, netPnl: 0, expectancy: 0 };
}

function add(b: BreakdownBucket, outcome: Outcome, gross: number, fees: number, net: number): void {
  b.trades += 1;
  if (outcome === 'win') b.wins += 1;
  else if (outcome === 'loss') b.losses += 1;
  else b.breakeven += 1;
  b.grossPnl += gross;
  b.fees += fees;
  b.netPnl += net;
}

/**
 * Buckets whose keys are a fixed list (hours, weekdays, DTE and duration ranges) live in an array
 * by index, so the hot loop does no string hashing; `at` creates a bucket on first use.
 */
class FixedBuckets {
  private readonly slots: (BreakdownBucket | undefined)[];
  constructor(private readonly keys: readonly string[]) {
    this.slots = new Array<BreakdownBucket | undefined>(keys.length).fill(undefined);
  }
  at(index: number): BreakdownBucket {
    return (this.slots[index] ??= emptyBucket(this.keys[index] ?? String(index)));
  }
  /** Non-empty buckets in the order of the keys. */
  finish(): BreakdownBucket[] {
    return finish(this.slots.filter((b): b is BreakdownBucket => b !== undefined));
  }
}

class KeyedBuckets {
  private readonly buckets = new Map<string, BreakdownBucket>();
  private last: BreakdownBucket | undefined;
  at(key: string): BreakdownBucket {
    // Consecutive trades often share a symbol, strategy or side: a string compare instead of a hash lookup.
    if (this.last?.key === key) return this.last;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = emptyBucket(key)));
    return (this.last = b);
  }
  /** Non-empty buckets by key. */
  finish(): BreakdownBucket[] {
    return finish([...this.buckets.values()]).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** Fills in the rates and expectancy of each bucket (empty buckets never exist: one is made by its first trade). */
function finish(buckets: BreakdownBucket[]): BreakdownBucket[] {
  for (const b of buckets) {
    b.winRate = ratioOrNull(b.wins, b.trades);
    b.winRateExBreakeven = ratioOrNull(b.wins, b.wins + b.losses);
    b.expectancy = averageMinor(b.netPnl, b.trades);
  }
  return buckets;
}

/** One pass over the trades (the service runs this on 100k trades per request). */
export function breakdowns(trades: readonly ClosedTrade[], conventions: Partial<AnalyticsConventions> = {}): Breakdowns {
  for (const t of trades) assertClosedTrade(t);
  const columns: BreakdownColumns = {
    trades,
    openedAt: trades.map((t) => t.openedAt),
    closedAt: trades.map((t) => t.closedAt),
    gross: trades.map((t) => t.grossMinor),
    fees: trades.map((t) => t.feesMinor),
    net: trades.map((t) => t.netMinor),
  };
  return breakdownsOfColumns(columns, resolveConventions(conventions));
}

/** The trades (any order) and, at the same index, their times and money (see TradeColumns). */
export type BreakdownColumns = Pick<TradeColumns, 'trades'> & Record<'openedAt' | 'closedAt' | 'gross' | 'fees' | 'net', ArrayLike<number>>;

/** breakdowns() of trades already checked by assertClosedTrade and read into columns, under resolved conventions (analyze). */
export function breakdownsOfColumns(columns: BreakdownColumns, c: AnalyticsConventions): Breakdowns {
  const entryHour = new FixedBuckets(HOURS);
  const weekday = new FixedBuckets(WEEKDAY_NAMES);
  const dte = new FixedBuckets(DTE_BUCKETS);
  const duration = new FixedBuckets(DURATION_BUCKETS);
  const symbol = new KeyedBuckets();
  const tag = new KeyedBuckets();
  const strategy = new KeyedBuckets();
  const side = new KeyedBuckets();
  const { trades, openedAt, closedAt } = columns;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i] as ClosedTrade;
    const gross = columns.gross[i] as number;
    const fees = columns.fees[i] as number;
    const net = columns.net[i] as number;
    const opened = openedAt[i] as number;
    const o = outcomeOf(net, c.breakevenToleranceMinor);
    const entry = exchangeWallClock(opened, c.timeZone);
    add(entryHour.at(exchangeHour(entry)), o, gross, fees, net);
    add(weekday.at(dayWeekday(exchangeDay(entry))), o, gross, fees, net);
    add(symbol.at(t.symbol), o, gross, fees, net);
    // A tag listed twice on one trade counts once: skip any tag seen earlier in the list.
    const tags = t.tags;
    for (let k = 0; k < tags.length; k++) {
      const name = tags[k];
      if (name !== undefined && (k === 0 || tags.indexOf(name) === k)) add(tag.at(name), o, gross, fees, net);
    }
    add(strategy.at(t.strategy), o, gross, fees, net);
    add(dte.at(dteIndex(t.dte)), o, gross, fees, net);
    add(side.at(t.side), o, gross, fees, net);
    add(duration.at(durationIndex((closedAt[i] as number) - opened)), o, gross, fees, net);
  }
  return {
    entryHour: entryHour.finish(),
    weekday: weekday.finish(),
    symbol: symbol.finish(),
    tag: tag.finish(),
    strategy: strategy.finish(),
    dte: dte.finish(),
    side: side.finish(),
    duration: duration.finish(),
  };
}
