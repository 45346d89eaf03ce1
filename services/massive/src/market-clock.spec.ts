import { describe, expect, it } from 'vitest';
import { MarketClock } from './market-clock.js';

// 2026-03-02 is a Monday; New York is on EST (UTC−5) until 2026-03-08, EDT (UTC−4) after.
const utc = (iso: string) => Date.parse(iso);

describe(MarketClock.name, () => {
  const regular = new MarketClock('regular');
  const demo = new MarketClock('demo');

  it('opens at 09:30 and closes at 16:00 New York time on a weekday (EST)', () => {
    expect(regular.isOpen(utc('2026-03-02T14:29:59Z'))).toBe(false);
    expect(regular.isOpen(utc('2026-03-02T14:30:00Z'))).toBe(true);
    expect(regular.isOpen(utc('2026-03-02T20:59:59Z'))).toBe(true);
    expect(regular.isOpen(utc('2026-03-02T21:00:00Z'))).toBe(false);
  });

  it('follows daylight saving time (EDT opens at 13:30 UTC)', () => {
    expect(regular.isOpen(utc('2026-03-09T13:30:00Z'))).toBe(true);
    expect(regular.isOpen(utc('2026-03-09T13:29:00Z'))).toBe(false);
    expect(regular.isOpen(utc('2026-03-09T20:00:00Z'))).toBe(false);
  });

  it('is closed all weekend in regular mode', () => {
    expect(regular.isOpen(utc('2026-03-07T15:00:00Z'))).toBe(false); // Saturday 10:00 NY
    expect(regular.isOpen(utc('2026-03-08T18:00:00Z'))).toBe(false); // Sunday
  });

  it('is always open in demo mode, weekends and nights included', () => {
    for (const iso of ['2026-03-07T15:00:00Z', '2026-03-02T03:00:00Z', '2026-03-02T21:00:00Z']) expect(demo.isOpen(utc(iso))).toBe(true);
  });

  it('names the session by the New York calendar date', () => {
    expect(regular.at(utc('2026-03-02T15:00:00Z')).session).toBe('2026-03-02');
    // 02:00 UTC on the 3rd is still the 2nd in New York.
    expect(demo.at(utc('2026-03-03T02:00:00Z')).session).toBe('2026-03-02');
    expect(demo.at(utc('2026-03-03T05:00:00Z')).session).toBe('2026-03-03');
  });
});
