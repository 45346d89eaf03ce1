import type { ExecutionSide } from '../database/journal-db.js';
import type { Execution } from '../executions/executions.repository.js';
import { MICROS_SQUARED, divRound, toMicros } from './exact-share.js';
import { executionUnits, compareText, type ExecutionUnit } from './execution-units.js';
import { FillLedger } from './fill-ledger.js';
import { toGroupedTrade, type GroupedTrade } from './grouped-trade.js';
import { CASH_SETTLED_ROOTS, isAmSettled, occRoot, underlyingRoot } from './instrument-root.js';
import { intrinsicValue, settlementTime } from './settlement-time.js';
import { TradeBook, instrumentKey, instrumentOf, signature, type CostBasis, type LegBook } from './trade-book.js';

export type { GroupedTrade } from './grouped-trade.js';

export interface GroupingOptions {
  costBasis: CostBasis;
  /** Settlement price (micros, per unit of the underlying) of a cash-settled option leg past its expiry with no closing fill: SPX/SPXW/XSP/NDX/RUT… PM settles at the expiry day's close, SPX monthly (root SPX, 3rd Friday) AM. undefined = unknown, the leg stays open. */
  settlementPrice?: (leg: { underlying: string; symbol: string; expiry: string; amSettled: boolean }) => number | undefined;
  /** Now (UTC ms), to know which expiries have passed. Default Date.now. */
  now?: number;
}

/** A part of a closing fill or broker event that found no open position to close (its opening is not in the log), or a fill of no size. */
export interface UnmatchedClose {
  executionId: string;
  quantityMicros: number;
}

export interface Grouping {
  trades: GroupedTrade[];
  unmatched: UnmatchedClose[];
}

/**
 * Executions → trades. A trade is one position in one account and underlying root, from its first
 * opening fill until every leg is flat.
 *
 * Fills are booked unit by unit (execution-units.ts: combo id, else order id, else same time), in
 * time order. Within a unit, each fill first closes what it can:
 * - a fill marked `close`, or marked `unknown` whose side reduces an open position of the same
 *   instrument, closes open legs of that instrument on the other side. Among the open trades of the
 *   account and root, the one holding the most of the unit's instruments goes first, then the one
 *   whose open quantities the unit closes exactly (so a closing spread closes its own spread, not
 *   an older fly sharing its strikes), then the oldest;
 * - an expiration, assignment or exercise row closes only, at the price it carries (0 for worthless,
 *   the settlement value, or the strike-based price a broker gives an assignment); since such rows
 *   do not always carry a meaningful side, they close either side when the other finds nothing.
 *   The stock delivered by an assignment is its own fill, and its own trade.
 * What is left opens:
 * - the rest of an `unknown` fill beyond the position it closed is a flip: it opens a new trade;
 * - the openings of a unit that only adjusted one trade (a roll: close a leg, open another) join
 *   it while it is still open; a unit that flattened what it touched opens a new trade;
 * - a unit that closed nothing scales into an open trade only when it repeats exactly the
 *   instruments and sides that trade holds open (adding to a fly, buying more of a call);
 *   anything else — another structure, even in the same underlying — is a trade of its own;
 * - `close` quantity with no open position to close is reported as unmatched, not turned into an
 *   opening (its opening predates the log).
 * After the last unit, a cash-settled index option leg (instrument-root.ts) still open past its
 * settlement time (settlement-time.ts) is closed at its settlement value, when `settlementPrice`
 * knows it: max(0, S − K) for a call, max(0, K − S) for a put, with no fee. A trade closes when its
 * last leg does, at that event's time.
 *
 * Output: sorted by openedAt, then key; deterministic for the same executions in any order.
 */
export function groupExecutions(executions: readonly Execution[], options: GroupingOptions): GroupedTrade[] {
  return groupExecutionsWithUnmatched(executions, options).trades;
}

/** groupExecutions, plus the closing quantities that found nothing to close (for an import's diagnostics). */
export function groupExecutionsWithUnmatched(executions: readonly Execution[], options: GroupingOptions): Grouping {
  const grouping = new TradeGrouper(options);
  for (const unit of executionUnits(executions)) grouping.book(unit);
  grouping.settleExpired(options.now ?? Date.now());
  return grouping.result();
}

interface Opening {
  execution: Execution;
  quantity: bigint;
  flip: boolean;
}

class TradeGrouper {
  private readonly ledger = new FillLedger();
  private readonly trades: TradeBook[] = [];
  /** The open trades by account and root, oldest first: a unit only ever looks at its own bucket. */
  private readonly open = new Map<string, TradeBook[]>();
  private readonly unmatched: UnmatchedClose[] = [];

  constructor(private readonly options: GroupingOptions) {}

  book(unit: ExecutionUnit): void {
    const candidates = this.closeCandidates(unit);
    const touched = new Set<TradeBook>();
    const openings: Opening[] = [];
    for (const execution of unit.fills) {
      const whole = BigInt(execution.quantityMicros);
      // Importers refuse these; a fill of no size still must not open or close anything.
      if (whole <= 0n) {
        this.unmatched.push({ executionId: execution.id, quantityMicros: execution.quantityMicros });
        continue;
      }
      let left = whole;
      if (execution.positionEffect !== 'open' || execution.event !== 'fill') left = this.close(execution, whole, candidates, touched);
      if (left === 0n) continue;
      if (execution.event !== 'fill' || execution.positionEffect === 'close') this.unmatched.push({ executionId: execution.id, quantityMicros: toMicros(left) });
      else openings.push({ execution, quantity: left, flip: left < whole });
    }
    for (const trade of touched) {
      if (trade.isFlat()) this.markClosed(trade);
    }
    if (openings.length > 0) this.openPositions(unit, openings, touched);
  }

  private bucket(account: string, root: string): TradeBook[] {
    const key = `${account}\u0000${root}`;
    let trades = this.open.get(key);
    if (!trades) this.open.set(key, (trades = []));
    return trades;
  }

  private markClosed(trade: TradeBook): void {
    trade.closedAt = trade.lastCloseAt;
    const bucket = this.bucket(trade.account, trade.symbol);
    bucket.splice(bucket.indexOf(trade), 1);
  }

  private closeCandidates(unit: ExecutionUnit): TradeBook[] {
    const scored = this.bucket(unit.account, unit.root)
      .map((trade) => {
        const legs = unit.fills.map((e) => ({ e, legs: closableLegs(trade, e) })).filter((m) => m.legs.length > 0);
        return { trade, score: legs.length, exact: legs.filter((m) => m.legs.some((l) => l.openQuantity === BigInt(m.e.quantityMicros))).length };
      })
      .filter((s) => s.score > 0);
    scored.sort((a, b) => b.score - a.score || b.exact - a.exact || a.trade.openedAt - b.trade.openedAt || compareText(a.trade.key, b.trade.key));
    return scored.map((s) => s.trade);
  }

  /** Closes up to `quantity` of the fill against the candidates' legs; returns what is left. */
  private close(execution: Execution, quantity: bigint, candidates: readonly TradeBook[], touched: Set<TradeBook>): bigint {
    let left = quantity;
    for (const trade of candidates) {
      for (const leg of closableLegs(trade, execution)) {
        if (left === 0n) return 0n;
        const taken = left < leg.openQuantity ? left : leg.openQuantity;
        const part = this.ledger.take(execution, taken);
        leg.close(execution.id, taken, execution.priceMicros, part.cash);
        trade.fees += part.fee;
        trade.noteClose(execution.executedAt);
        touched.add(trade);
        left -= taken;
      }
    }
    return left;
  }

  private openPositions(unit: ExecutionUnit, openings: readonly Opening[], touched: ReadonlySet<TradeBook>): void {
    const first = openings[0] as Opening;
    let target: TradeBook | undefined;
    if (!openings.some((o) => o.flip)) {
      const adjusted = [...touched];
      if (adjusted.length === 1 && adjusted[0]?.closedAt === null) target = adjusted[0];
      else if (adjusted.length === 0) target = this.scaleInTarget(unit, openings);
    }
    if (!target) {
      target = new TradeBook(first.execution.id, unit.account, unit.root, first.execution.executedAt, this.options.costBasis);
      this.trades.push(target);
      this.bucket(unit.account, unit.root).push(target);
    }
    for (const { execution, quantity } of openings) {
      const part = this.ledger.take(execution, quantity);
      target.legFor(instrumentOf(execution), execution.side).open(execution.id, quantity, execution.priceMicros, part);
      target.fees += part.fee;
    }
  }

  private scaleInTarget(unit: ExecutionUnit, openings: readonly Opening[]): TradeBook | undefined {
    const first = (openings[0] as Opening).execution;
    const wanted = signature(openings.map((o) => ({ key: instrumentKey(o.execution), side: o.execution.side })));
    // Cheap test first: a scale-in target must hold the first opening's leg open.
    return this.bucket(unit.account, unit.root).find((t) => (t.leg(instrumentKey(first), first.side)?.openQuantity ?? 0n) > 0n && t.openSignature() === wanted);
  }

  settleExpired(now: number): void {
    const prices = new Map<string, number | undefined>();
    for (const trade of this.trades) {
      if (trade.closedAt !== null) continue;
      for (const leg of trade.legs) {
        const { instrumentKind, optionRight, strikeMicros, expiry, symbol, underlying, multiplierMicros } = leg.instrument;
        if (leg.openQuantity === 0n || instrumentKind !== 'option' || optionRight === null || strikeMicros === null || expiry === null) continue;
        const root = occRoot(symbol) ?? underlyingRoot(underlying);
        if (!CASH_SETTLED_ROOTS.has(root) && !CASH_SETTLED_ROOTS.has(underlyingRoot(underlying))) continue;
        const amSettled = isAmSettled(root, expiry);
        const at = settlementTime(expiry, amSettled);
        if (at === undefined || at > now) continue;
        if (!prices.has(symbol)) prices.set(symbol, this.options.settlementPrice?.({ underlying, symbol, expiry, amSettled }));
        const settlement = prices.get(symbol);
        if (settlement === undefined) continue;
        const price = intrinsicValue(optionRight, strikeMicros, settlement);
        const cash = divRound(BigInt(price) * BigInt(multiplierMicros) * leg.openQuantity, MICROS_SQUARED);
        leg.close(null, leg.openQuantity, price, cash);
        trade.noteClose(at);
      }
      if (trade.isFlat()) this.markClosed(trade);
    }
  }

  result(): Grouping {
    const trades = this.trades.map(toGroupedTrade).sort((a, b) => a.openedAt - b.openedAt || compareText(a.key, b.key));
    return { trades, unmatched: this.unmatched };
  }
}

/** The open legs of a trade a fill can close: the other side of its instrument; for a broker event, either side. */
function closableLegs(trade: TradeBook, execution: Execution): LegBook[] {
  const key = instrumentKey(execution);
  const opposite: ExecutionSide = execution.side === 'buy' ? 'sell' : 'buy';
  const legs = [trade.leg(key, opposite)];
  if (execution.event !== 'fill') legs.push(trade.leg(key, execution.side));
  return legs.filter((l): l is LegBook => l !== undefined && l.openQuantity > 0n);
}
