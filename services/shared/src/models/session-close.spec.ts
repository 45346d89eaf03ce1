import { describe, expect, it } from 'vitest';
import { expiryCloseOf, sessionClose, sessionCloseTime, zonedInstant } from './session-close.js';

describe(zonedInstant.name, () => {
  it('reads New York wall-clock times in winter (UTC−5) and summer (UTC−4)', () => {
    expect(zonedInstant('2026-01-15', 9, 30)).toBe(Date.UTC(2026, 0, 15, 14, 30));
    expect(zonedInstant('2026-07-15', 16, 15)).toBe(Date.UTC(2026, 6, 15, 20, 15));
  });

  it('takes each side of a DST change by the offset in force at that hour', () => {
    // 8 March 2026: clocks jump 02:00 → 03:00 EST → EDT; 1 November 2026: back 02:00 → 01:00.
    expect(zonedInstant('2026-03-08', 1, 0)).toBe(Date.UTC(2026, 2, 8, 6));
    expect(zonedInstant('2026-03-08', 16, 0)).toBe(Date.UTC(2026, 2, 8, 20));
    expect(zonedInstant('2026-11-01', 16, 0)).toBe(Date.UTC(2026, 10, 1, 21));
  });

  it('has no instant for an hour the zone skips, nor for a string that is not a calendar date', () => {
    expect(zonedInstant('2026-03-08', 2, 30)).toBeUndefined();
    expect(zonedInstant('2026-02-30', 16, 0)).toBeUndefined();
    expect(zonedInstant('30/01/2026', 16, 0)).toBeUndefined();
  });

  it('reads other zones too, half-hour offsets included', () => {
    expect(zonedInstant('2026-01-15', 9, 0, 'Asia/Kolkata')).toBe(Date.UTC(2026, 0, 15, 3, 30));
    expect(zonedInstant('2026-01-15', 9, 0, 'UTC')).toBe(Date.UTC(2026, 0, 15, 9));
  });
});

describe('closes', () => {
  it('puts every option\'s expiry instant at 16:00 New York, index options included (their PM settlement print)', () => {
    expect(expiryCloseOf('2026-12-18')).toBe(Date.UTC(2026, 11, 18, 21));
  });

  it('ends SPX, NDX and RUT sessions at 16:15 and the rest at 16:00', () => {
    for (const index of ['SPX', 'NDX', 'RUT', 'spx']) expect(sessionCloseTime(index)).toEqual({ hour: 16, minute: 15 });
    for (const other of ['SPY', 'XSP', 'QQQ', 'AAPL']) expect(sessionCloseTime(other)).toEqual({ hour: 16, minute: 0 });
    expect(sessionClose('SPX', '2026-07-01')).toBe(Date.UTC(2026, 6, 1, 20, 15));
    expect(sessionClose('SPY', '2026-12-01')).toBe(Date.UTC(2026, 11, 1, 21));
  });
});
