import { describe, expect, it } from 'vitest';
import { sessionSection } from './session-section.js';

// Monday 2026-12-07 is on Eastern Standard Time (UTC−5): 09:30 New York is 14:30 UTC.
const est = (hhmm: string): number => Date.parse(`2026-12-07T${hhmm}:00Z`);
// Monday 2026-03-09, the day after clocks went forward, is on Eastern Daylight Time (UTC−4): 09:30 is 13:30 UTC.
const edt = (hhmm: string): number => Date.parse(`2026-03-09T${hhmm}:00Z`);

describe(sessionSection.name, () => {
  it('is closed before the 09:30 open', () => {
    expect(sessionSection('SPX', est('14:29'))).toEqual({ phase: 'closed', date: '2026-12-07', time: '09:29', minutesToClose: null, closesAt: '16:15' });
  });

  it('is in the opening hour from 09:30, with 405 minutes to the SPX options\' 16:15 close', () => {
    expect(sessionSection('SPX', est('14:30'))).toEqual({ phase: 'open', date: '2026-12-07', time: '09:30', minutesToClose: 405, closesAt: '16:15' });
  });

  it('is midday from 10:30 and late from 14:30', () => {
    expect(sessionSection('SPX', est('15:30'))).toMatchObject({ phase: 'midday', time: '10:30', minutesToClose: 345 });
    expect(sessionSection('SPX', est('19:29'))).toMatchObject({ phase: 'midday', time: '14:29' });
    expect(sessionSection('SPX', est('19:30'))).toMatchObject({ phase: 'late', time: '14:30', minutesToClose: 105 });
  });

  it('closes SPX options at 16:15 and others at 16:00', () => {
    expect(sessionSection('SPX', est('21:14'))).toMatchObject({ phase: 'late', minutesToClose: 1 });
    expect(sessionSection('SPX', est('21:15'))).toMatchObject({ phase: 'closed', minutesToClose: null });
    expect(sessionSection('AAPL', est('20:59'))).toMatchObject({ phase: 'late', minutesToClose: 1, closesAt: '16:00' });
    expect(sessionSection('AAPL', est('21:00'))).toMatchObject({ phase: 'closed' });
  });

  it('follows New York daylight saving time: the open is 13:30 UTC in March', () => {
    expect(sessionSection('SPX', edt('13:29'))).toMatchObject({ phase: 'closed', date: '2026-03-09', time: '09:29' });
    expect(sessionSection('SPX', edt('13:30'))).toEqual({ phase: 'open', date: '2026-03-09', time: '09:30', minutesToClose: 405, closesAt: '16:15' });
    expect(sessionSection('SPX', edt('18:30'))).toMatchObject({ phase: 'late', time: '14:30' });
  });

  it('is closed on a weekend at midday', () => {
    expect(sessionSection('SPX', Date.parse('2026-12-05T17:00:00Z'))).toMatchObject({ phase: 'closed', date: '2026-12-05', time: '12:00' });
  });

  it('dates an evening in New York by its New York day, not the UTC one', () => {
    // 01:00 UTC on Tuesday is 20:00 Monday in New York.
    expect(sessionSection('SPX', Date.parse('2026-12-08T01:00:00Z'))).toMatchObject({ phase: 'closed', date: '2026-12-07', time: '20:00' });
  });
});
