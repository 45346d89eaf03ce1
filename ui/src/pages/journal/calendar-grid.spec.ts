import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, dayTitle, isIsoDate, parseWallTime, toWallTime, monthGrid, monthTitle, shiftMonth, todayIn, weekdayLabels, weekGrid, weekStartOf } from './calendar-grid';

const dates = (weeks: { date: string }[][]): string[] => weeks.flat().map((c) => c.date);

describe(monthGrid.name, () => {
  it('starts a Sunday-first grid on the 1st when the month starts on a Sunday (March 2026)', () => {
    const weeks = monthGrid('2026-03', 0);
    expect(weeks[0]?.[0]).toEqual({ date: '2026-03-01', day: 1, weekday: 0, inMonth: true });
    // 31 days from Sunday the 1st fill 5 rows: the last is Sun 29 … Sat Apr 4.
    expect(weeks).toHaveLength(5);
    expect(weeks[4]?.map((c) => c.date)).toEqual(['2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04']);
  });

  it('leads a Monday-first grid with the previous month when the month starts on a Sunday', () => {
    const weeks = monthGrid('2026-03', 1);
    // Sunday the 1st is the last column of the first row: Mon Feb 23 … Sun Mar 1.
    expect(weeks[0]?.map((c) => c.date)).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
    expect(weeks[0]?.map((c) => c.inMonth)).toEqual([false, false, false, false, false, false, true]);
    expect(weeks).toHaveLength(6);
  });

  it('starts a Monday-first grid on the 1st when the month starts on a Monday (June 2026)', () => {
    const weeks = monthGrid('2026-06', 1);
    expect(weeks[0]?.[0]?.date).toBe('2026-06-01');
    expect(weeks[0]?.[0]?.weekday).toBe(1);
    expect(monthGrid('2026-06', 0)[0]?.[0]?.date).toBe('2026-05-31');
  });

  it('fits a 28-day February starting on the week start into exactly 4 rows (February 2026, Sunday first)', () => {
    expect(monthGrid('2026-02', 0)).toHaveLength(4);
    expect(dates(monthGrid('2026-02', 0)).at(-1)).toBe('2026-02-28');
  });

  it('knows leap years', () => {
    expect(dates(monthGrid('2028-02', 1))).toContain('2028-02-29');
    expect(dates(monthGrid('2026-02', 1)).filter((d) => d.startsWith('2026-02'))).toHaveLength(28);
  });

  it('lists every day of a month with a DST change exactly once, whatever the browser zone', () => {
    const previous = process.env['TZ'];
    try {
      for (const tz of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'UTC']) {
        process.env['TZ'] = tz;
        for (const [month, days] of [['2026-03', 31], ['2026-10', 31], ['2026-11', 30], ['2026-04', 30]] as const) {
          const inMonth = monthGrid(month, 1).flat().filter((c) => c.inMonth).map((c) => c.date);
          expect(inMonth).toHaveLength(days);
          expect(new Set(inMonth).size).toBe(days);
          inMonth.forEach((d, i) => expect(d).toBe(`${month}-${String(i + 1).padStart(2, '0')}`));
        }
      }
    } finally {
      if (previous === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previous;
    }
  });

  it('keeps every row seven consecutive days with the right weekdays', () => {
    for (const weekStart of [0, 1] as const) {
      for (const week of monthGrid('2026-11', weekStart)) {
        expect(week).toHaveLength(7);
        week.forEach((c, i) => expect(c.weekday).toBe((weekStart + i) % 7));
        for (let i = 1; i < 7; i++) expect(week[i]?.date).toBe(addDays(week[0]?.date ?? '', i));
      }
    }
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthGrid('2026-13', 0)).toThrow(RangeError);
    expect(() => monthGrid('2026-12-01', 0)).toThrow(RangeError);
  });
});

describe(weekGrid.name, () => {
  it('gives the seven days of the week holding a date, across a month end', () => {
    expect(weekGrid('2026-12-31', 1).map((c) => c.date)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weekGrid('2026-12-31', 0)[0]?.date).toBe('2026-12-27');
  });

  it('crosses the US DST start (Sunday, March 8 2026) with one cell per date', () => {
    expect(weekGrid('2026-03-09', 0).map((c) => c.day)).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });

  it('treats a Sunday as the last day of a Monday-first week', () => {
    expect(weekStartOf('2026-12-06', 1)).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06', 0)).toBe('2026-12-06');
  });
});

describe(shiftMonth.name, () => {
  it('moves across year ends both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-06', -18)).toBe('2024-12');
  });
});

describe(isIsoDate.name, () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2026-12-07')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-1-07')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });
});

describe(todayIn.name, () => {
  it('is the exchange date, not the UTC one, late in the New York evening', () => {
    // 2026-12-08T03:30Z is 22:30 on Dec 7 in New York.
    expect(todayIn('America/New_York', Date.UTC(2026, 11, 8, 3, 30))).toBe('2026-12-07');
    expect(todayIn('UTC', Date.UTC(2026, 11, 8, 3, 30))).toBe('2026-12-08');
  });

  it('follows DST: 23:30 EST on the day of the November change is still that date', () => {
    // 2026-11-02T04:30Z = 23:30 EST on Nov 1 (EST is UTC−5 after the change on Nov 1).
    expect(todayIn('America/New_York', Date.UTC(2026, 10, 2, 4, 30))).toBe('2026-11-01');
  });
});

describe('labels', () => {
  it('orders weekday headings by the week start', () => {
    expect(weekdayLabels(0)[0]).toBe('Sun');
    expect(weekdayLabels(1)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('titles months and days in English without shifting the date', () => {
    expect(monthTitle('2026-12')).toBe('December 2026');
    expect(dayTitle('2026-12-07')).toBe('Mon, Dec 7, 2026');
  });
});

describe(dayBounds.name, () => {
  it('spans midnight to midnight in the journal zone', () => {
    // New York in December is UTC−5: Dec 7 runs 05:00Z Dec 7 → 05:00Z Dec 8.
    expect(dayBounds('2026-12-07', 'America/New_York')).toEqual([Date.UTC(2026, 11, 7, 5), Date.UTC(2026, 11, 8, 5)]);
    expect(dayBounds('2026-07-07', 'America/New_York')).toEqual([Date.UTC(2026, 6, 7, 4), Date.UTC(2026, 6, 8, 4)]);
  });

  it('is 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const [springStart, springEnd] = dayBounds('2026-03-08', 'America/New_York');
    expect(springStart).toBe(Date.UTC(2026, 2, 8, 5));
    expect((springEnd - springStart) / 3_600_000).toBe(23);
    const [fallStart, fallEnd] = dayBounds('2026-11-01', 'America/New_York');
    expect(fallStart).toBe(Date.UTC(2026, 10, 1, 4));
    expect((fallEnd - fallStart) / 3_600_000).toBe(25);
  });

  it('works east of UTC too', () => {
    // Berlin in winter is UTC+1: Dec 7 starts at 23:00Z on Dec 6.
    expect(dayBounds('2026-12-07', 'Europe/Berlin')[0]).toBe(Date.UTC(2026, 11, 6, 23));
  });
});

describe(parseWallTime.name, () => {
  it('reads a datetime-local value as exchange time', () => {
    expect(parseWallTime('2026-12-07T09:45', 'America/New_York')).toBe(Date.UTC(2026, 11, 7, 14, 45));
    expect(parseWallTime('2026-07-07T09:45', 'America/New_York')).toBe(Date.UTC(2026, 6, 7, 13, 45));
  });

  it('round-trips with toWallTime', () => {
    const at = Date.UTC(2026, 10, 1, 15, 30);
    expect(parseWallTime(toWallTime(at, 'America/New_York'), 'America/New_York')).toBe(at);
  });

  it('refuses anything that is not a wall time', () => {
    for (const v of ['', '2026-12-07', '2026-12-07T24:00', '2026-02-30T10:00', '2026-12-07 10:00']) expect(parseWallTime(v, 'UTC'), v).toBeUndefined();
  });
});
