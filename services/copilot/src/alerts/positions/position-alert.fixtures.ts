import type { InternalAlertDto } from '@marketswarm/shared/dto';
import type { PositionAlert } from '../alert-book.js';

const bookkeeping = { label: null, behaviour: 'once' as const, cooldownSec: null, enabled: true, createdAt: 1, updatedAt: 1, lastFiredAt: null, hitCount: 0 };

/** Test data: position alerts as the journal's internal API answers them. */
export function spreadDebitAlert(over: Partial<Extract<InternalAlertDto, { kind: 'spread-debit' }>> = {}): PositionAlert {
  return { ...bookkeeping, id: 'a-debit', userId: 'u1', kind: 'spread-debit', positionId: 'saved-1', target: 2, direction: 'above', ...over };
}

export function pnlAlert(over: Partial<Extract<InternalAlertDto, { kind: 'position-pnl' }>> = {}): PositionAlert {
  return { ...bookkeeping, id: 'a-pnl', userId: 'u1', kind: 'position-pnl', positionId: null, tradeId: 'trade-1', target: 500, direction: 'above', ...over };
}

export function greeksAlert(over: Partial<Extract<InternalAlertDto, { kind: 'greeks' }>> = {}): PositionAlert {
  return { ...bookkeeping, id: 'a-greek', userId: 'u1', kind: 'greeks', positionId: null, tradeId: 'trade-1', greek: 'delta', op: 'above', value: 0.3, ...over };
}
