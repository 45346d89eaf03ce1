import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { makeTile, payoffAtExpiry } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../panels/risk-graph/risk-scenario';
import { fromJournalPosition, fromSavedPosition, fromWhatIf, positionCost, savedBodyFromWhatIf } from './risk-position';

// Friday 2026-01-02: 16:00 New York is 21:00 UTC (EST).
const DATE = '2026-01-02';
const CLOSE = Date.UTC(2026, 0, 2, 21);
const NOW = Date.UTC(2026, 0, 2, 15);

const optionLeg = (over: Partial<JournalPosition['legs'][number]> = {}): JournalPosition['legs'][number] => ({
  kind: 'option',
  symbol: 'SPXW  260102C05000000',
  expiry: DATE,
  strike: 5000,
  right: 'C',
  side: 'buy',
  quantity: 1,
  openPrice: 12.5,
  multiplier: 100,
  ...over,
});

const openTrade = (legs: JournalPosition['legs'], symbol = 'SPX'): JournalPosition => ({
  id: 't1',
  logId: 'l1',
  symbol,
  strategy: 'long call',
  side: 'long',
  quantity: 1,
  openedAt: NOW,
  legs,
});

const saved = (over: Partial<SavedPositionDto> = {}): SavedPositionDto => ({
  id: 's1',
  name: 'Put credit spread',
  symbol: 'SPX',
  legs: [
    { expiry: DATE, strike: 4950, right: 'put', ratio: -1 },
    { expiry: DATE, strike: 4940, right: 'put', ratio: 1 },
  ],
  quantity: 2,
  entryPrice: -3,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

describe('fromJournalPosition', () => {
  it('draws an open long call: breakeven at strike + premium, max loss the premium', () => {
    const p = fromJournalPosition(openTrade([optionLeg()]));
    expect(p).toMatchObject({ id: 'open:t1', kind: 'open', sourceId: 't1', symbol: 'SPX', skippedLegs: 0 });
    expect(positionCost(p)).toBe(1250);
    const s = buildScenario({ positions: [p], liveSpot: 5000, whatIfSpot: 5000, daysForward: 0, vol: 0.2, now: NOW });
    expect(s?.breakevens).toHaveLength(1);
    expect(s?.breakevens[0]).toBeCloseTo(5012.5, 9);
    expect(s?.maxLoss).toBeCloseTo(-1250, 9);
    expect(s?.maxProfit).toBeNull();
  });

  it('counts the legs it cannot draw and files a future root without its slash', () => {
    const p = fromJournalPosition(openTrade([optionLeg(), optionLeg({ kind: 'stock', strike: null, right: null, expiry: null })], '/es'));
    expect(p.symbol).toBe('ES');
    expect(p.legs).toHaveLength(1);
    expect(p.skippedLegs).toBe(1);
  });
});

describe('fromSavedPosition', () => {
  it('puts a credit on the short leg so each spread’s legs sum to the credit', () => {
    const p = fromSavedPosition(saved());
    expect(p.legs).toEqual([
      { type: 'put', strike: 4950, expiry: CLOSE, quantity: -2, entryPrice: 3 },
      { type: 'put', strike: 4940, expiry: CLOSE, quantity: 2, entryPrice: 0 },
    ]);
    // 2 spreads for a 3.00 credit: +$600 above 4950, −$1400 below 4940.
    expect(payoffAtExpiry(p.legs, 5000, CONTRACT_MULTIPLIER)).toBeCloseTo(600, 9);
    expect(payoffAtExpiry(p.legs, 4900, CONTRACT_MULTIPLIER)).toBeCloseTo(-1400, 9);
  });

  it('finds the put credit spread’s breakeven at the short strike − the credit', () => {
    const s = buildScenario({ positions: [fromSavedPosition(saved())], liveSpot: 4990, whatIfSpot: 4990, daysForward: 0, vol: 0.2, now: NOW });
    expect(s?.breakevens).toHaveLength(1);
    expect(s?.breakevens[0]).toBeCloseTo(4947, 9);
    expect(s?.maxProfit).toBeCloseTo(600, 9);
    expect(s?.maxLoss).toBeCloseTo(-1400, 9);
  });

  it('adds positions of every kind into one book, each with its own line', () => {
    const tile = makeTile('butterfly-call', 0, 10, 5000, 2.35, CLOSE, 0.18);
    if (tile === undefined) throw new Error('bad tile');
    const whatIf = fromWhatIf({ id: 'w1', symbol: 'SPX', tile, quantity: 1, addedAt: NOW }, 'fly');
    const positions = [fromJournalPosition(openTrade([optionLeg()])), fromSavedPosition(saved()), whatIf];
    const s = buildScenario({ positions, liveSpot: 5000, whatIfSpot: 5000, daysForward: 0, vol: 0.2, now: NOW });
    expect(s?.lines.map((l) => l.kind)).toEqual(['open', 'saved', 'whatif']);
    const at = (spot: number): number => s?.graph.points.find((pt) => pt.spot === spot)?.expiry ?? NaN;
    // At 5000: call −1250, spread +600, fly at its peak 7.65 × 100.
    expect(at(5000)).toBeCloseTo(-1250 + 600 + 765, 6);
    const i = s?.graph.points.findIndex((pt) => pt.spot === 5000) ?? -1;
    expect(s?.lines.reduce((a, l) => a + (l.expiry[i] ?? NaN), 0)).toBeCloseTo(at(5000), 6);
  });
});

describe('savedBodyFromWhatIf', () => {
  it('saves a tile’s legs for one spread, its debit, quantity and key, under the typed name', () => {
    const tile = makeTile('vertical-call', 0, 5, 5000, 2.1, CLOSE, 0.18);
    if (tile === undefined) throw new Error('bad tile');
    expect(savedBodyFromWhatIf({ id: 'w1', symbol: 'SPX', tile, quantity: 3, addedAt: NOW }, '  my spread ')).toEqual({
      name: 'my spread',
      symbol: 'SPX',
      legs: [
        { expiry: DATE, strike: 5000, right: 'call', ratio: 1 },
        { expiry: DATE, strike: 5005, right: 'call', ratio: -1 },
      ],
      quantity: 3,
      entryPrice: 2.1,
      source: { kind: 'tile', key: tile.key },
    });
  });
});

describe('what-ifs with edited legs', () => {
  const legs = [
    { type: 'call' as const, strike: 4990, expiry: CLOSE, quantity: 1, entryPrice: 12.4 },
    { type: 'call' as const, strike: 5000, expiry: CLOSE, quantity: -2, entryPrice: 6.1 },
    { type: 'call' as const, strike: 5015, expiry: CLOSE, quantity: 1, entryPrice: 1.5 },
  ];
  const tile = makeTile('butterfly-call', 0, 10, 5000, 2.35, CLOSE, 0.18);

  it('draws the edited legs times the quantity, not the tile’s', () => {
    if (tile === undefined) throw new Error('bad test tile');
    const p = fromWhatIf({ id: 'w1', symbol: 'SPX', tile, quantity: 3, addedAt: NOW, legs }, 'edited fly');
    expect(p.legs.map((l) => [l.strike, l.quantity])).toEqual([
      [4990, 3],
      [5000, -6],
      [5015, 3],
    ]);
    // Net debit 12.40 − 2 × 6.10 + 1.50 = 1.70 a spread, three spreads.
    expect(positionCost(p)).toBeCloseTo(510, 9);
    expect(p.iv).toBe(0.18);
    expect(payoffAtExpiry(p.legs, 5000, CONTRACT_MULTIPLIER)).toBeCloseTo(3 * (10 - 1.7) * 100, 9);
  });

  it('saves the edited legs with their net price and without claiming the tile', () => {
    if (tile === undefined) throw new Error('bad test tile');
    const body = savedBodyFromWhatIf({ id: 'w1', symbol: 'SPX', tile, quantity: 3, addedAt: NOW, legs }, '  Broken fly ');
    expect(body).toEqual({
      name: 'Broken fly',
      symbol: 'SPX',
      legs: [
        { expiry: DATE, strike: 4990, right: 'call', ratio: 1 },
        { expiry: DATE, strike: 5000, right: 'call', ratio: -2 },
        { expiry: DATE, strike: 5015, right: 'call', ratio: 1 },
      ],
      quantity: 3,
      entryPrice: 1.7,
    });
  });

  it('saves a credit template position with a negative price', () => {
    const credit = [
      { type: 'put' as const, strike: 4990, expiry: CLOSE, quantity: -1, entryPrice: 3 },
      { type: 'put' as const, strike: 4980, expiry: CLOSE, quantity: 1, entryPrice: 1.25 },
    ];
    const body = savedBodyFromWhatIf({ id: 'w2', symbol: 'SPX', quantity: 1, addedAt: NOW, legs: credit, name: 'Short vertical put' }, 'Put credit');
    expect(body?.entryPrice).toBe(-1.75);
    expect(body?.source).toBeUndefined();
  });
});
