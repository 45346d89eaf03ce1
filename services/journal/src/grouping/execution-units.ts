import type { Execution } from '../executions/executions.repository.js';
import { underlyingRoot } from './instrument-root.js';

/**
 * Fills that were traded together and are grouped as one: the broker's combo id (thinkorswim
 * spread, IBKR order, tastytrade Order #) first, then the order id, then — for exports with
 * neither — the exact execution time. Always within one account and one underlying root, so a
 * combo id is never trusted to join two underlyings.
 */
export interface ExecutionUnit {
  account: string;
  root: string;
  /** In time order, ties by id. */
  fills: Execution[];
  /** The first fill's time. */
  at: number;
}

export function byTimeThenId(a: Execution, b: Execution): number {
  return a.executedAt - b.executedAt || compareText(a.id, b.id);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The units in the order they are booked: by their first fill's time, then its id. A fill that
 * trades the other side of an instrument already in its unit starts a new unit after it — a
 * round trip within one second of an export with no order ids (Tradovate's paired fills) is an
 * open then a close, not a two-legged position.
 */
export function executionUnits(executions: readonly Execution[]): ExecutionUnit[] {
  const current = new Map<string, ExecutionUnit>();
  const units: ExecutionUnit[] = [];
  for (const execution of [...executions].sort(byTimeThenId)) {
    const account = execution.account ?? '';
    const root = underlyingRoot(execution.underlying);
    const together = execution.comboId !== null ? `combo:${execution.comboId}` : execution.orderId !== null ? `order:${execution.orderId}` : `time:${execution.executedAt}`;
    // Broker events (expiration, assignment, exercise) never share a unit with fills: they close only.
    const key = `${account}\u0000${root}\u0000${execution.event === 'fill' ? 'fill' : 'event'}\u0000${together}`;
    const unit = current.get(key);
    if (unit && !unit.fills.some((f) => f.side !== execution.side && f.instrumentKind === execution.instrumentKind && f.symbol === execution.symbol)) {
      unit.fills.push(execution);
    } else {
      const next = { account, root, fills: [execution], at: execution.executedAt };
      current.set(key, next);
      units.push(next);
    }
  }
  // Units were started in fill order, and fills were visited sorted: the units come out sorted.
  return units;
}
