import { describe, expect, it } from 'vitest';
import { isoTime, relativeTime } from './relative-time';

const now = Date.UTC(2026, 0, 5, 15, 30, 0);

describe(relativeTime.name, () => {
  it('shows seconds, minutes, hours and days in the largest whole unit', () => {
    expect(relativeTime(now, now)).toBe('0s');
    expect(relativeTime(now - 12_000, now)).toBe('12s');
    expect(relativeTime(now - 59_999, now)).toBe('59s');
    expect(relativeTime(now - 60_000, now)).toBe('1m');
    expect(relativeTime(now - 5 * 60_000 - 59_000, now)).toBe('5m');
    expect(relativeTime(now - 3 * 3_600_000 - 1, now)).toBe('3h');
    expect(relativeTime(now - 23 * 3_600_000 - 3_599_000, now)).toBe('23h');
    expect(relativeTime(now - 2 * 86_400_000, now)).toBe('2d');
  });

  it('reads 0s for a time slightly in the future (clock skew)', () => {
    expect(relativeTime(now + 4_000, now)).toBe('0s');
  });

  it('reads — for an invalid time', () => {
    expect(relativeTime(Number.NaN, now)).toBe('—');
    expect(relativeTime(now, Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe(isoTime.name, () => {
  it('formats valid times and rejects invalid ones', () => {
    expect(isoTime(now)).toBe('2026-01-05T15:30:00.000Z');
    expect(isoTime(Number.NaN)).toBeUndefined();
    expect(isoTime(8.64e15 + 1)).toBeUndefined();
  });
});
