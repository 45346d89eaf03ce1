import { describe, expect, it } from 'vitest';
import { readUsDateTime, readUsDateTimeInZone } from './date-formats.js';

describe(readUsDateTime.name, () => {
  it('reads a 12-hour clock: 12 AM is midnight, 12 PM noon, 3:41:12 PM is 15:41:12', () => {
    expect(readUsDateTime('12/19/2025 12:05:00 AM')).toMatchObject({ hour: 0, minute: 5 });
    expect(readUsDateTime('12/19/2025 12:05:00 PM')).toMatchObject({ hour: 12, minute: 5 });
    expect(readUsDateTime('12/19/2025 3:41:12 PM')).toMatchObject({ year: 2025, month: 12, day: 19, hour: 15, minute: 41, second: 12 });
  });

  it('refuses an hour the 12-hour clock does not have', () => {
    expect(() => readUsDateTime('12/19/2025 13:45:30 PM')).toThrow('bad date "12/19/2025 13:45:30 PM"');
    expect(() => readUsDateTime('12/19/2025 0:45:30 AM')).toThrow('bad date');
  });
});

describe(readUsDateTimeInZone.name, () => {
  it('reads EST as UTC−5 and EDT as UTC−4, whatever zone it is given', () => {
    expect(readUsDateTimeInZone('12/04/2025 10:00:15 EST', 'Asia/Tokyo')).toEqual({ executedAt: Date.UTC(2025, 11, 4, 15, 0, 15), timeZone: '-05:00' });
    expect(readUsDateTimeInZone('06/01/2026 09:53:38 EDT', 'Asia/Tokyo')).toEqual({ executedAt: Date.UTC(2026, 5, 1, 13, 53, 38), timeZone: '-04:00' });
    expect(readUsDateTimeInZone('06/01/2026 09:53:38 PDT', 'UTC')).toEqual({ executedAt: Date.UTC(2026, 5, 1, 16, 53, 38), timeZone: '-07:00' });
  });

  it('reads a time without a zone in the zone it is given', () => {
    // 09:53:38 in Chicago in June is CDT, UTC−5.
    expect(readUsDateTimeInZone('06/01/2026 09:53:38', 'America/Chicago')).toEqual({ executedAt: Date.UTC(2026, 5, 1, 14, 53, 38), timeZone: 'America/Chicago' });
  });

  it('refuses a zone abbreviation it does not know rather than guess', () => {
    expect(() => readUsDateTimeInZone('06/01/2026 09:53:38 IST', 'UTC')).toThrow('bad date "06/01/2026 09:53:38 IST": unknown zone IST');
  });
});
