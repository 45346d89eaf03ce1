import { describe, expect, it } from 'vitest';
import { calendarDates, dayDate, dayWeekday, exchangeDay, exchangeHour, exchangeTime, exchangeWallClock } from './exchange-time.js';

const NY = 'America/New_York';

describe(exchangeTime.name, () => {
  it('reads 09:30 New York as hour 9 in winter (UTC−5) and summer (UTC−4)', () => {
    expect(exchangeTime(Date.parse('2026-01-15T14:30:00Z'), NY)).toEqual({ date: '2026-01-15', hour: 9, weekday: 3 });
    expect(exchangeTime(Date.parse('2026-07-15T13:30:00Z'), NY)).toEqual({ date: '2026-07-15', hour: 9, weekday: 2 });
  });

  it('follows the offset change within the transition days (8 Mar and 1 Nov 2026)', () => {
    // 01:59:59 EST, then the clocks jump to 03:00 EDT
    expect(exchangeTime(Date.parse('2026-03-08T06:59:59Z'), NY).hour).toBe(1);
    expect(exchangeTime(Date.parse('2026-03-08T07:00:00Z'), NY).hour).toBe(3);
    // 16:00 EDT on the spring day, 16:00 EST on the autumn day
    expect(exchangeTime(Date.parse('2026-03-08T20:00:00Z'), NY).hour).toBe(16);
    expect(exchangeTime(Date.parse('2026-11-01T21:00:00Z'), NY)).toEqual({ date: '2026-11-01', hour: 16, weekday: 6 });
  });

  it('puts a close after 19:00 New York in winter on the New York date, not the UTC one', () => {
    // 2026-12-04T00:30Z is Thursday 3 Dec 19:30 EST
    expect(exchangeTime(Date.parse('2026-12-04T00:30:00Z'), NY)).toEqual({ date: '2026-12-03', hour: 19, weekday: 3 });
  });

  it('handles half-hour offsets', () => {
    // 04:00 UTC is 09:30 in Kolkata (UTC+5:30)
    expect(exchangeTime(Date.parse('2026-12-03T04:00:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-12-03', hour: 9, weekday: 3 });
  });
});

describe(calendarDates.name, () => {
  it('lists every date with its weekday, inclusive, across a month end', () => {
    expect(calendarDates('2026-11-29', '2026-12-01')).toEqual([
      { date: '2026-11-29', weekday: 6 },
      { date: '2026-11-30', weekday: 0 },
      { date: '2026-12-01', weekday: 1 },
    ]);
  });
});

describe(exchangeWallClock.name, () => {
  it('gives the same date, hour and weekday as exchangeTime every 7 minutes across both 2026 transition days and a Kolkata day', () => {
    const cases: [string, number][] = [
      [NY, Date.parse('2026-03-07T00:00:00Z')],
      [NY, Date.parse('2026-10-31T00:00:00Z')],
      ['Asia/Kolkata', Date.parse('2026-12-02T00:00:00Z')],
    ];
    for (const [zone, from] of cases) {
      // 3 days × 24 h × 60 min / 7 = 617 instants, seconds and milliseconds included.
      for (let t = from + 1_234; t < from + 3 * 86_400_000; t += 7 * 60_000) {
        const wall = exchangeWallClock(t, zone);
        const day = exchangeDay(wall);
        expect({ date: dayDate(day), hour: exchangeHour(wall), weekday: dayWeekday(day) }).toEqual(exchangeTime(t, zone));
      }
    }
  });

  it('moves the wall clock back an hour at 06:00 UTC on 1 Nov 2026 (02:00 EDT becomes 01:00 EST)', () => {
    // 05:59 UTC is 01:59 EDT (UTC−4); 06:00 UTC is 01:00 EST (UTC−5)
    expect(exchangeWallClock(Date.parse('2026-11-01T05:59:00Z'), NY)).toBe(Date.parse('2026-11-01T01:59:00Z'));
    expect(exchangeWallClock(Date.parse('2026-11-01T06:00:00Z'), NY)).toBe(Date.parse('2026-11-01T01:00:00Z'));
  });
});
