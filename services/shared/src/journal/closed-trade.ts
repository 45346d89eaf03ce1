import { assertMinor } from './money.js';

export type TradeSide = 'long' | 'short';

/**
 * A trade from open to flat, as the analytics read it. Money fields are integer micro-dollars
 * (see money.ts); times are epoch milliseconds.
 */
export interface ClosedTrade {
  id: string;
  symbol: string;
  /** single, vertical, butterfly, iron condor … as the journal classified the legs. */
  strategy: string;
  side: TradeSide;
  openedAt: number;
  /** The last exit, expiry or cash settlement. */
  closedAt: number;
  grossMinor: number;
  /** Every fee of every leg and side; a rebate makes it smaller (it may be negative). */
  feesMinor: number;
  /** grossMinor − feesMinor. */
  netMinor: number;
  /** Defined risk (max loss of a spread, or stop-based); null when unknown. Positive. */
  riskMinor: number | null;
  tags: readonly string[];
  /** Calendar days from entry to the nearest expiry, when the trade holds options. */
  dte?: number;
  quantity: number;
}

/**
 * Refuses trades whose money is not exact or does not add up, so every sum downstream can be
 * trusted to the micro-dollar.
 */
export function assertClosedTrade(t: ClosedTrade): void {
  // The messages are built only for a failing field: this runs for each of 100k trades per request.
  const money = (value: number, field: string): void => {
    if (!Number.isSafeInteger(value)) assertMinor(value, `trade ${t.id} ${field}`);
  };
  money(t.grossMinor, 'grossMinor');
  money(t.feesMinor, 'feesMinor');
  money(t.netMinor, 'netMinor');
  if (t.netMinor !== t.grossMinor - t.feesMinor) throw new RangeError(`trade ${t.id}: netMinor ${t.netMinor} ≠ grossMinor − feesMinor (${t.grossMinor - t.feesMinor})`);
  if (t.riskMinor !== null) money(t.riskMinor, 'riskMinor');
  if (!Number.isFinite(t.openedAt) || !Number.isFinite(t.closedAt) || t.closedAt < t.openedAt) throw new RangeError(`trade ${t.id}: closedAt must not precede openedAt`);
}

/** The order of the equity curve: by close time, then open time, then id, so ties are stable. */
export function byCloseTime(a: ClosedTrade, b: ClosedTrade): number {
  return a.closedAt - b.closedAt || a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
