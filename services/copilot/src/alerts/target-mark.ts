import type { AlertDirection } from '@marketswarm/shared/dto';

/**
 * Whether a marked value (a spread's debit, a position's P&L) has reached its target: `above` when
 * the mark is at or above it, `below` at or below; `cross` only when it moved through the target
 * since the previous mark (none yet: no cross).
 */
export function targetReached(direction: AlertDirection, target: number, previous: number | undefined, mark: number): boolean {
  switch (direction) {
    case 'above':
      return mark >= target;
    case 'below':
      return mark <= target;
    case 'cross':
      if (previous === undefined) return false;
      return (previous < target && mark >= target) || (previous > target && mark <= target);
  }
}

/** A greek threshold: strictly beyond the value on its side. */
export function thresholdPassed(op: 'above' | 'below', value: number, greek: number): boolean {
  return op === 'above' ? greek > value : greek < value;
}
