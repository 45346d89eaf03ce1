import { describe, expect, it } from 'vitest';
import { wallClockToEpochMs } from './local-time.js';

const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute, second: 0 });

describe(wallClockToEpochMs.name, () => {
  it('reads New York time as UTC-5 in winter and UTC-4 in summer', () => {
    expect(wallClockToEpochMs(at(2026, 1, 15, 9, 30), 'America/New_York')).toBe(Date.UTC(2026, 0, 15, 14, 30));
    expect(wallClockToEpochMs(at(2026, 7, 15, 9, 30), 'America/New_York')).toBe(Date.UTC(2026, 6, 15, 13, 30));
  });

  it('takes the first (daylight) 01:30 of the hour repeated on 1 November 2026', () => {
    expect(wallClockToEpochMs(at(2026, 11, 1, 1, 30), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });

  it('reads the evening before and the morning after the March change on either side of it', () => {
    expect(wallClockToEpochMs(at(2026, 3, 7, 23), 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 4));
    expect(wallClockToEpochMs(at(2026, 3, 8, 3), 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7));
  });
});
