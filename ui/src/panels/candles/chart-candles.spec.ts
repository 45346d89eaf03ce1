import { TickMarkType, type UTCTimestamp } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import { createTimeFormatters, DEFAULT_CHART_THEME, readChartTheme, toChartCandle, toChartCandles, toUtcSeconds } from './chart-candles';

describe(toChartCandle.name, () => {
  it('maps epoch ms to whole UTC seconds and o/h/l/c to the chart fields', () => {
    expect(toChartCandle({ t: 1_750_000_260_000, o: 6000.5, h: 6003, l: 5999.25, c: 6001, v: 1200 })).toEqual({
      time: 1_750_000_260,
      open: 6000.5,
      high: 6003,
      low: 5999.25,
      close: 6001,
    });
  });

  it('floors milliseconds inside a second', () => {
    expect(toUtcSeconds(1_750_000_260_999)).toBe(1_750_000_260);
  });

  it('keeps the order of a series', () => {
    const times = toChartCandles([
      { t: 60_000, o: 1, h: 1, l: 1, c: 1 },
      { t: 120_000, o: 1, h: 1, l: 1, c: 1 },
    ]).map((p) => p.time);
    expect(times).toEqual([60, 120]);
  });
});

describe(createTimeFormatters.name, () => {
  // 2025-03-14 13:30:00 UTC = 09:30 in New York (EDT).
  const open = 1_741_959_000 as UTCTimestamp;
  const ny = createTimeFormatters('en-US', 'America/New_York');

  it('labels time ticks in the given zone on a 24-hour clock', () => {
    expect(ny.tick(open, TickMarkType.Time)).toBe('09:30');
    expect(ny.tick((open + 5 * 3600 + 45) as UTCTimestamp, TickMarkType.TimeWithSeconds)).toBe('14:30:45');
    expect(createTimeFormatters('en-US', 'UTC').tick(open, TickMarkType.Time)).toBe('13:30');
  });

  it('labels day, month and year ticks that fall on midnight in the zone', () => {
    const midnight = 1_741_924_800 as UTCTimestamp; // 2025-03-14 04:00 UTC = 00:00 New York
    expect(ny.tick(midnight, TickMarkType.DayOfMonth)).toBe('Mar 14');
    expect(ny.tick(midnight, TickMarkType.Month)).toBe('Mar');
    expect(ny.tick(midnight, TickMarkType.Year)).toBe('2025');
  });

  it("labels a day mark the chart put on UTC midnight with the zone's time, where the zone's day has not changed", () => {
    const utcMidnight = 1_741_910_400 as UTCTimestamp; // 2025-03-14 00:00 UTC = 20:00 on the 13th in New York
    expect(ny.tick(utcMidnight, TickMarkType.DayOfMonth)).toBe('20:00');
    expect(createTimeFormatters('en-US', 'UTC').tick(utcMidnight, TickMarkType.DayOfMonth)).toBe('Mar 14');
  });

  it("labels a time mark on the zone's midnight with the date, so the day change shows", () => {
    expect(ny.tick(1_741_924_800 as UTCTimestamp, TickMarkType.Time)).toBe('Mar 14');
    expect(createTimeFormatters('en-US', 'Asia/Tokyo').tick(1_741_878_000 as UTCTimestamp, TickMarkType.Time)).toBe('Mar 14');
  });

  it('gives the crosshair weekday, date and time', () => {
    expect(ny.crosshair(open)).toBe('Fri, Mar 14, 09:30');
  });
});

describe(readChartTheme.name, () => {
  it('takes the CSS variables that are set and falls back to the dark defaults', () => {
    const vars: Record<string, string> = { '--up': ' #00ff00 ', '--surface': '#101010' };
    const theme = readChartTheme((name) => vars[name] ?? '');
    expect(theme.up).toBe('#00ff00');
    expect(theme.surface).toBe('#101010');
    expect(theme.down).toBe(DEFAULT_CHART_THEME.down);
  });
});
