import type { Execution } from '../executions/executions.repository.js';
import type { Micros } from '../database/money.js';
import type { TradeLeg } from '../trades/trades.repository.js';

/**
 * What of a leg is still open: the parts of fills on the leg's own side opened it, the parts on the
 * other side closed it. Read from the fills rather than stored, so it cannot drift from them.
 */
export function openQuantity(leg: Pick<TradeLeg, 'side' | 'fills'>, executionsById: ReadonlyMap<string, Pick<Execution, 'side'>>): Micros {
  let open = 0;
  for (const fill of leg.fills) {
    const execution = executionsById.get(fill.executionId);
    if (!execution) continue;
    open += execution.side === leg.side ? fill.quantityMicros : -fill.quantityMicros;
  }
  return Math.max(0, open);
}
