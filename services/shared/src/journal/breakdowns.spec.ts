import { describe, expect, it } from 'vitest';
import { breakdowns, dteBucket, durationBucket } from './breakdowns.js';
import { TRADE_SHAPES, TRADE_SHAPES_CONVENTIONS, TRADE_SHAPES_LIST } from './fixtures/trade-shapes.js';
import { toMinor } from './money.js';

const usd = toMinor;

describe(breakdowns.name, () => {
  const b = breakdowns(TRADE_SHAPES_LIST, TRADE_SHAPES_CONVENTIONS);

  it('counts a trade in each of its tags, so tag totals can exceed the trade count', () => {
    expect(b.tag.map((x) => [x.key, x.trades, x.netPnl])).toEqual([
      // fly −187.65 + cash settlement 358.675 = 171.025
      ['0dte', 2, usd('171.025')],
      ['condor', 1, usd('-555.30')],
      // −187.65 + 339.40
      ['fly', 2, usd('151.75')],
      // first entry −101.325 + re-entry −1.325
      ['reentry', 2, usd('-102.65')],
      // scale-out 296.025 − 101.325 − 1.325
      ['scalp', 3, usd('193.375')],
      // 394.70 + 358.675
      ['vertical', 2, usd('753.375')],
    ]);
  });

  it('buckets entry hours in New York time', () => {
    expect(b.entryHour.map((x) => [x.key, x.trades])).toEqual([
      ['09', 3],
      ['10', 4],
      ['14', 1],
    ]);
  });

  it('reads the entry hour with daylight saving: 09:30 New York is hour 09 in January (UTC−5) and July (UTC−4)', () => {
    const winter = { ...TRADE_SHAPES.losingIronCondor, id: 'w', openedAt: Date.parse('2026-01-15T14:30:00Z'), closedAt: Date.parse('2026-01-15T15:00:00Z') };
    const summer = { ...TRADE_SHAPES.losingIronCondor, id: 's', openedAt: Date.parse('2026-07-15T13:30:00Z'), closedAt: Date.parse('2026-07-15T14:00:00Z') };
    expect(breakdowns([winter, summer]).entryHour.map((x) => [x.key, x.trades])).toEqual([['09', 2]]);
  });

  it('orders weekdays Monday first and leaves out days without entries (Friday)', () => {
    expect(b.weekday.map((x) => [x.key, x.trades, x.wins, x.losses])).toEqual([
      ['Mon', 2, 1, 1],
      ['Tue', 3, 2, 1],
      ['Wed', 1, 1, 0],
      ['Thu', 2, 0, 2],
    ]);
  });

  it('totals each bucket with win rates over all trades and over wins + losses', () => {
    const tuesday = b.weekday.find((x) => x.key === 'Tue');
    // credit vertical 394.70 + 1-2-1 fly 339.40 − condor 555.30 = 178.80; fees 5.30 + 10.60 + 5.30
    expect(tuesday).toEqual({ key: 'Tue', trades: 3, wins: 2, losses: 1, breakeven: 0, winRate: 2 / 3, winRateExBreakeven: 2 / 3, grossPnl: usd('200'), fees: usd('21.20'), netPnl: usd('178.80'), expectancy: usd('59.60') });
  });

  it('groups by strategy, side, DTE and holding time', () => {
    expect(b.strategy.map((x) => [x.key, x.trades])).toEqual([
      ['butterfly', 2],
      ['iron condor', 1],
      ['single', 3],
      ['vertical', 2],
    ]);
    expect(b.side.map((x) => [x.key, x.trades])).toEqual([
      ['long', 6],
      ['short', 2],
    ]);
    expect(b.dte.map((x) => [x.key, x.trades])).toEqual([
      ['0', 4],
      ['1', 2],
      ['2-7', 2],
    ]);
    // 20 min, 15 min (re-entry: 15 is the lower bound of 15-60m), 75 min, 90 min, 3 h 45, 5 h 10, 5 h 55, 6 h 25
    expect(b.duration.map((x) => [x.key, x.trades])).toEqual([
      ['15-60m', 2],
      ['1-4h', 3],
      ['4h-1d', 3],
    ]);
  });
});

describe(dteBucket.name, () => {
  it('puts options into 0, 1, 2-7, 8-30, 31-60, 61+ days and non-options into n/a', () => {
    expect([0, 1, 2, 7, 8, 30, 31, 60, 61, undefined].map(dteBucket)).toEqual(['0', '1', '2-7', '2-7', '8-30', '8-30', '31-60', '31-60', '61+', 'n/a']);
  });
});

describe(durationBucket.name, () => {
  it('includes the lower bound of each range', () => {
    const min = 60_000;
    expect([4 * min, 5 * min, 15 * min, 60 * min, 240 * min, 1440 * min, 7 * 1440 * min].map(durationBucket)).toEqual(['<5m', '5-15m', '15-60m', '1-4h', '4h-1d', '1-7d', '7d+']);
  });
});
