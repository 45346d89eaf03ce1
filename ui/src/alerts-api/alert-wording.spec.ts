import type { AlertDto } from '@marketswarm/shared/dto';
import { describe, expect, it } from 'vitest';
import { describeBehaviour, describeCondition, formatLevel, formatSeconds } from './alert-wording';

const book = { id: 'a1', label: null, behaviour: 'once' as const, cooldownSec: null, enabled: true, createdAt: 1, updatedAt: 1, lastFiredAt: null, hitCount: 0 };
const POS = '7d0c1a52-0000-4000-8000-000000000001';

describe('describeCondition', () => {
  it('says a price alert’s level, direction and where the level came from', () => {
    const price = (direction: 'above' | 'below' | 'cross', source: 'manual' | 'breakeven' | 'gex-wall' = 'manual'): AlertDto => ({ ...book, kind: 'price', symbol: 'SPX', level: 5010, direction, source, sourceRef: null });
    expect(describeCondition(price('above'))).toBe('SPX rises to 5010.00 or above');
    expect(describeCondition(price('below', 'breakeven'))).toBe('SPX falls to 5010.00 or below (breakeven)');
    expect(describeCondition(price('cross', 'gex-wall'))).toBe('SPX crosses 5010.00 (GEX wall)');
  });

  it('names the saved position or trade by name when known, else by a short id', () => {
    const pnl: AlertDto = { ...book, kind: 'position-pnl', positionId: POS, tradeId: null, target: -500, direction: 'below' };
    expect(describeCondition(pnl, { position: () => 'Iron fly' })).toBe('The P&L of saved position Iron fly falls to −$500.00 or below');
    expect(describeCondition(pnl)).toBe('The P&L of saved position 7d0c1a52 falls to −$500.00 or below');
    const debit: AlertDto = { ...book, kind: 'spread-debit', positionId: POS, target: 2.5, direction: 'above' };
    expect(describeCondition(debit, { position: () => 'Fly' })).toBe('The debit of saved position Fly rises to 2.50 or above');
    const greek: AlertDto = { ...book, kind: 'greeks', positionId: null, tradeId: 'trade-123456789', greek: 'delta', op: 'above', value: 0.3 };
    expect(describeCondition(greek)).toBe('The delta of trade trade-12 is above 0.3');
  });

  it('says which way a trailing stop trails', () => {
    const trail = (side: 'long' | 'short', trailUnit: 'points' | 'percent'): AlertDto => ({ ...book, kind: 'trailing-stop', symbol: 'NDX', side, trail: 1.5, trailUnit });
    expect(describeCondition(trail('long', 'points'))).toBe('NDX falls 1.5 points from its high since armed');
    expect(describeCondition(trail('short', 'percent'))).toBe('NDX rises 1.5% from its low since armed');
  });
});

describe('describeBehaviour', () => {
  it('says what a hit does', () => {
    expect(describeBehaviour('once', null)).toBe('Once, then disabled');
    expect(describeBehaviour('repeat', 300)).toBe('Repeats, at most every 5 min');
    expect(describeBehaviour('repeat', null)).toBe('Repeats, at most every 1 min');
    expect(describeBehaviour('remove-on-hit', null)).toBe('Removed when hit');
  });
});

describe('formatting', () => {
  it('writes levels with two decimals unless they have more', () => {
    expect(formatLevel(5010)).toBe('5010.00');
    expect(formatLevel(0.125)).toBe('0.125');
  });

  it('writes cooldowns in their largest units', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(90)).toBe('1 min 30 s');
    expect(formatSeconds(3600)).toBe('1 h');
    expect(formatSeconds(5400)).toBe('1 h 30 min');
  });
});
