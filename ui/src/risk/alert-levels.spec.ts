import type { AlertDto } from '@marketswarm/shared/dto';
import { describe, expect, it } from 'vitest';
import { alertLevels } from './alert-levels';

const book = { label: null, behaviour: 'once' as const, cooldownSec: null, enabled: true, createdAt: 1, updatedAt: 1, lastFiredAt: null, hitCount: 0 };
const price = (id: string, symbol: string, level: number, enabled = true): AlertDto => ({ ...book, id, kind: 'price', symbol, level, direction: 'above', source: 'manual', sourceRef: null, enabled });

describe('alertLevels', () => {
  it('lists the live price alert levels of the symbol, ascending, once each', () => {
    const alerts: AlertDto[] = [
      price('a', 'SPX', 5010),
      price('b', 'spx', 4990),
      price('c', 'SPX', 5010),
      price('d', 'NDX', 18000),
      price('e', 'SPX', 5050, false),
      { ...book, id: 'f', kind: 'spread-debit', positionId: 'p', target: 2, direction: 'above' },
    ];
    expect(alertLevels(alerts, 'SPX')).toEqual([4990, 5010]);
  });

  it('has no levels before the list is read', () => {
    expect(alertLevels(undefined, 'SPX')).toEqual([]);
  });
});
