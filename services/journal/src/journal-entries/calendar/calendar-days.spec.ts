import { describe, expect, it } from 'vitest';
import { calendarBuckets, winRateOf } from './calendar-days.js';
import { calendarPeriodOf, closeSearchWindow, datesBetween } from './calendar-period.js';

const NY = 'America/New_York';
const $ = (dollars: number) => dollars * 1_000_000;
const at = (iso: string, netDollars: number) => ({ closedAt: Date.parse(iso), netMinor: $(netDollars) });

describe(calendarBuckets.name, () => {
  it('counts a trade on the New York date it closed, not the UTC one', () => {
    // 2026-12-08 01:30Z is 20:30 on the 7th in New York (UTC−5 in December).
    const { days } = calendarBuckets([at('2026-12-08T01:30:00Z', 100)], ['2026-12-07', '2026-12-08'], NY, 0);
    expect(days).toEqual([
      { date: '2026-12-07', netMinor: $(100), trades: 1, wins: 1, losses: 0 },
      { date: '2026-12-08', netMinor: 0, trades: 0, wins: 0, losses: 0 },
    ]);
  });

  it('moves the day boundary with daylight saving: 23:30 New York is 03:30Z in summer and 04:30Z in winter', () => {
    // Spring forward on Sunday 2026-03-08; fall back on Sunday 2026-11-01.
    const trades = [
      at('2026-03-07T04:30:00Z', 10), // Fri 6 Mar 23:30 EST
      at('2026-03-09T03:30:00Z', 20), // Sun 8 Mar 23:30 EDT (the 23-hour day)
      at('2026-03-09T04:30:00Z', 40), // Mon 9 Mar 00:30 EDT
      at('2026-11-01T05:30:00Z', -5), // Sun 1 Nov 01:30 EDT, the first of the two 01:30s
      at('2026-11-01T06:30:00Z', -7), // Sun 1 Nov 01:30 EST, the second
      at('2026-11-02T04:30:00Z', 3), // Sun 1 Nov 23:30 EST (the 25-hour day)
      at('2026-11-02T05:00:00Z', 1), // Mon 2 Nov 00:00 EST
    ];
    const dates = ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-11-01', '2026-11-02'];
    const byDate = Object.fromEntries(calendarBuckets(trades, dates, NY, 0).days.map((d) => [d.date, d.netMinor / 1_000_000]));
    expect(byDate).toEqual({ '2026-03-06': 10, '2026-03-07': 0, '2026-03-08': 20, '2026-03-09': 40, '2026-11-01': -9, '2026-11-02': 1 });
  });

  it('leaves out trades closed outside the dates, and totals only what it counted', () => {
    const { days, totals } = calendarBuckets([at('2026-11-30T20:00:00Z', 500), at('2026-12-01T20:00:00Z', 250), at('2026-12-01T21:00:00Z', -100), at('2026-12-02T20:00:00Z', 0.5)], ['2026-12-01', '2026-12-02'], NY, $(1));
    expect(days.map((d) => [d.date, d.trades, d.wins, d.losses])).toEqual([
      ['2026-12-01', 2, 1, 1],
      ['2026-12-02', 1, 0, 0],
    ]);
    // 250 − 100 + 0.50 = 150.50; the $0.50 close is within the $1 break-even tolerance: neither a win nor a loss.
    expect(totals).toEqual({ netMinor: $(150.5), trades: 3, wins: 1, losses: 1, tradingDays: 2 });
    expect(winRateOf(totals)).toBeCloseTo(1 / 3, 12);
    expect(winRateOf({ trades: 0, wins: 0 })).toBeNull();
  });

  it('reads Asia/Tokyo closes on the next calendar day from New York\'s', () => {
    // 2026-12-07 16:00Z is 01:00 on the 8th in Tokyo (UTC+9).
    const { days } = calendarBuckets([at('2026-12-07T16:00:00Z', 1)], ['2026-12-07', '2026-12-08'], 'Asia/Tokyo', 0);
    expect(days.map((d) => d.trades)).toEqual([0, 1]);
  });
});

describe(calendarPeriodOf.name, () => {
  it('spans a whole month, leap February included', () => {
    expect(calendarPeriodOf({ month: '2028-02' })).toEqual({ period: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(calendarPeriodOf({ month: '2026-12' })).toEqual({ period: 'month', from: '2026-12-01', to: '2026-12-31' });
  });

  it('spans Monday to Sunday for a week, across a month end', () => {
    expect(calendarPeriodOf({ week: '2026-11-30' })).toEqual({ period: 'week', from: '2026-11-30', to: '2026-12-06' });
  });

  it('lists every date in between, and searches a day beyond each end for closes in any zone', () => {
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(closeSearchWindow('2026-12-07', '2026-12-13')).toEqual({ fromMs: Date.parse('2026-12-06T00:00:00Z'), toMs: Date.parse('2026-12-15T00:00:00Z') });
  });
});
