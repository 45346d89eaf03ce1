import { assertClosedTrade, type ClosedTrade } from './closed-trade.js';

/**
 * Closed trades in byCloseTime order with their numbers copied into contiguous arrays. Money beyond
 * ±2^30 micro-dollars ($1,073) is a boxed number on the V8 heap, so reading `t.netMinor` from 100k
 * trade objects chases pointers all over memory, and each pass of the analytics did that again.
 * Here the objects are read once and every later pass reads plain doubles, which hold every safe
 * integer exactly. `risk` is NaN where the trade has no defined risk.
 */
export interface TradeColumns {
  readonly trades: readonly ClosedTrade[];
  readonly openedAt: Float64Array;
  readonly closedAt: Float64Array;
  readonly gross: Float64Array;
  readonly fees: Float64Array;
  readonly net: Float64Array;
  readonly risk: Float64Array;
}

type NumberColumn = Exclude<keyof TradeColumns, 'trades'>;
const NUMBER_COLUMNS: readonly NumberColumn[] = ['openedAt', 'closedAt', 'gross', 'fees', 'net', 'risk'];

/** Orders the trades as byCloseTime does, stably; with `check`, each passes assertClosedTrade first. */
export function tradeColumns(trades: readonly ClosedTrade[], check = false): TradeColumns {
  const n = trades.length;
  const given = { openedAt: new Float64Array(n), closedAt: new Float64Array(n), gross: new Float64Array(n), fees: new Float64Array(n), net: new Float64Array(n), risk: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const t = trades[i] as ClosedTrade;
    if (check) assertClosedTrade(t);
    given.openedAt[i] = t.openedAt;
    given.closedAt[i] = t.closedAt;
    given.gross[i] = t.grossMinor;
    given.fees[i] = t.feesMinor;
    given.net[i] = t.netMinor;
    given.risk[i] = t.riskMinor ?? Number.NaN;
  }
  const { openedAt, closedAt } = given;
  const id = (i: number): string => (trades[i] as ClosedTrade).id;
  // byCloseTime on indices: the times come from the arrays, the ids only on a tie of both.
  const compare = (a: number, b: number): number => (closedAt[a] as number) - (closedAt[b] as number) || (openedAt[a] as number) - (openedAt[b] as number) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) inOrder = compare(i - 1, i) <= 0;
  // Trades read from the database in close order need no sort.
  if (inOrder) return { trades, ...given };
  const order = closeOrder(closedAt, compare);
  const sorted: TradeColumns = {
    trades: order.map((i) => trades[i] as ClosedTrade),
    openedAt: new Float64Array(n),
    closedAt: new Float64Array(n),
    gross: new Float64Array(n),
    fees: new Float64Array(n),
    net: new Float64Array(n),
    risk: new Float64Array(n),
  };
  for (const column of NUMBER_COLUMNS) {
    const from = given[column];
    const to = sorted[column];
    for (let k = 0; k < n; k++) to[k] = from[order[k] as number] as number;
  }
  return sorted;
}

/**
 * The permutation that sorts the trades by `compare` (byCloseTime on indices), stably. A comparator
 * sort of 100k indices costs tens of milliseconds here, so the indices are first sorted natively
 * as numbers keyed by (close second, index) — exact integers below 2^53 — and only runs that
 * close within the same second are then put in comparator order, stably. Falls back to the
 * comparator sort when the keys would not fit.
 */
function closeOrder(closedAt: Float64Array, compare: (a: number, b: number) => number): number[] {
  const n = closedAt.length;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const second = Math.floor((closedAt[i] as number) / 1000);
    first = Math.min(first, second);
    last = Math.max(last, second);
  }
  // Array.prototype.sort is stable, so equal trades keep their given order, as sorting the trades would.
  if (!((last - first + 1) * n < Number.MAX_SAFE_INTEGER)) return Array.from({ length: n }, (_, i) => i).sort(compare);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (Math.floor((closedAt[i] as number) / 1000) - first) * n + i;
  keys.sort();
  const order = Array.from(keys, (key) => key % n);
  // (key − index) / n divides an exact multiple of n: exact, unlike rounding key / n down.
  const secondOf = (k: number): number => ((keys[k] as number) - (order[k] as number)) / n;
  for (let start = 0; start < n; ) {
    const second = secondOf(start);
    let end = start + 1;
    while (end < n && secondOf(end) === second) end++;
    // Within one second the indices are ascending, so a stable comparator sort keeps given order on ties.
    if (end - start > 1) order.splice(start, end - start, ...order.slice(start, end).sort(compare));
    start = end;
  }
  return order;
}
