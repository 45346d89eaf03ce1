import { assertClosedTrade, type ClosedTrade } from './closed-trade.js';
import { resolveConventions, type AnalyticsConventions } from './conventions.js';
import { dayWeekday, exchangeDay, exchangeHour, exchangeWallClock, WEEKDAY_NAMES } from './exchange-time.js';
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

function add(b: BreakdownBucket, t: ClosedTrade, outcome: Outcome): void {
  b.trades += 1;
  if (outcome === 'win') b.wins += 1;
  else if (outcome === 'loss') b.losses += 1;
  else b.breakeven += 1;
  b.grossPnl += t.grossMinor;
  b.fees += t.feesMinor;
  b.netPnl += t.netMinor;
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
  at(key: string): BreakdownBucket {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = emptyBucket(key)));
    return b;
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
  return breakdownsOfChecked(trades, resolveConventions(conventions));
}

/** breakdowns() of trades already checked by assertClosedTrade, under resolved conventions (analyze). */
export function breakdownsOfChecked(trades: readonly ClosedTrade[], c: AnalyticsConventions): Breakdowns {
  const entryHour = new FixedBuckets(HOURS);
  const weekday = new FixedBuckets(WEEKDAY_NAMES);
  const dte = new FixedBuckets(DTE_BUCKETS);
  const duration = new FixedBuckets(DURATION_BUCKETS);
  const symbol = new KeyedBuckets();
  const tag = new KeyedBuckets();
  const strategy = new KeyedBuckets();
  const side = new KeyedBuckets();
  for (const t of trades) {
    const o = outcomeOf(t.netMinor, c.breakevenToleranceMinor);
    const entry = exchangeWallClock(t.openedAt, c.timeZone);
    add(entryHour.at(exchangeHour(entry)), t, o);
    add(weekday.at(dayWeekday(exchangeDay(entry))), t, o);
    add(symbol.at(t.symbol), t, o);
    // A tag listed twice on one trade counts once: skip any tag seen earlier in the list.
    const tags = t.tags;
    for (let i = 0; i < tags.length; i++) {
      const name = tags[i];
      if (name !== undefined && tags.indexOf(name) === i) add(tag.at(name), t, o);
    }
    add(strategy.at(t.strategy), t, o);
    add(dte.at(dteIndex(t.dte)), t, o);
    add(side.at(t.side), t, o);
    add(duration.at(durationIndex(t.closedAt - t.openedAt)), t, o);
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
