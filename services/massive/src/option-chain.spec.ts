import { describe, expect, it } from 'vitest';
import { expiryCloseOf } from '@marketswarm/shared/models';
import { dailyExpiries } from './option-chain.js';

// New York is UTC−4 in summer (EDT) and UTC−5 in winter (EST): its 16:00 close is 20:00 or 21:00 UTC.
const utc = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour, minute);

describe(dailyExpiries.name, () => {
  it('expires a July chain at 16:00 New York, 20:00 UTC, not an hour later', () => {
    // Wednesday 15 July 2026, 10:00 New York.
    expect(dailyExpiries(utc(7, 15, 14), 3)).toEqual([utc(7, 15, 20), utc(7, 16, 20), utc(7, 17, 20)]);
  });

  it('expires a January chain at 16:00 New York, 21:00 UTC', () => {
    // Wednesday 14 January 2026, 10:00 New York.
    expect(dailyExpiries(utc(1, 14, 15), 3)).toEqual([utc(1, 14, 21), utc(1, 15, 21), utc(1, 16, 21)]);
  });

  it('lists the same instant as a saved position of that date (expiryCloseOf)', () => {
    expect(dailyExpiries(utc(7, 15, 14), 2)).toEqual([expiryCloseOf('2026-07-15'), expiryCloseOf('2026-07-16')]);
  });

  it("follows a Friday's expiry with Monday's, never a Saturday or Sunday", () => {
    // Friday 17 July 2026, 10:00 New York.
    expect(dailyExpiries(utc(7, 17, 14), 3)).toEqual([utc(7, 17, 20), utc(7, 20, 20), utc(7, 21, 20)]);
  });

  it('starts a weekend chain on Monday', () => {
    // Saturday 18 July 2026 at noon and Sunday 19 July late evening, New York.
    expect(dailyExpiries(utc(7, 18, 16), 3)).toEqual([utc(7, 20, 20), utc(7, 21, 20), utc(7, 22, 20)]);
    expect(dailyExpiries(utc(7, 20, 3, 30), 1)).toEqual([utc(7, 20, 20)]);
  });

  it('lists every calendar day for the demo clock, whose market trades at weekends too', () => {
    // Saturday 18 July 2026 at noon, New York: that day's own 0DTE first.
    expect(dailyExpiries(utc(7, 18, 16), 3, { weekends: true })).toEqual([utc(7, 18, 20), utc(7, 19, 20), utc(7, 20, 20)]);
  });

  it('rolls to the next trading day inside the last five minutes before the close, not before', () => {
    expect(dailyExpiries(utc(7, 15, 19, 54), 1)).toEqual([utc(7, 15, 20)]); // 15:54 New York
    expect(dailyExpiries(utc(7, 15, 19, 56), 1)).toEqual([utc(7, 16, 20)]); // 15:56 New York
    expect(dailyExpiries(utc(7, 17, 19, 58), 2)).toEqual([utc(7, 20, 20), utc(7, 21, 20)]); // Friday 15:58: Monday
  });

  it('after the close, lists tomorrow first: the New York date, not the UTC one, is today', () => {
    // 21:30 New York on Wednesday is already Thursday 01:30 UTC.
    expect(dailyExpiries(utc(7, 16, 1, 30), 1)).toEqual([utc(7, 16, 20)]);
  });
});
