import { describe, expect, it } from 'vitest';
import { sessionPhase } from './session-phase.js';

// Monday 2026-12-07 is on Eastern Standard Time (UTC−5): 09:30 New York is 14:30 UTC.
const est = (hhmm: string): number => Date.parse(`2026-12-07T${hhmm}:00Z`);
// Monday 2026-03-09, the day after clocks went forward, is on Eastern Daylight Time (UTC−4): 09:30 is 13:30 UTC.
const edt = (hhmm: string): number => Date.parse(`2026-03-09T${hhmm}:00Z`);

describe(sessionPhase.name, () => {
  it('is closed before the 09:30 open', () => {
    expect(sessionPhase(est('14:29'), 'SPX')).toEqual({ phase: 'closed', date: '2026-12-07', time: '09:29', closesAt: '16:15', minutesToClose: null, progress: 0 });
  });

  it('is in the opening hour from 09:30, with 405 minutes to the SPX options\' 16:15 close', () => {
    expect(sessionPhase(est('14:30'), 'SPX')).toEqual({ phase: 'open', date: '2026-12-07', time: '09:30', closesAt: '16:15', minutesToClose: 405, progress: 0 });
    // 09:45 is 15 of the opening hour's 60 minutes.
    expect(sessionPhase(est('14:45'), 'SPX').progress).toBe(0.25);
  });

  it('is midday from 10:30 and late from 14:30', () => {
    expect(sessionPhase(est('15:30'), 'SPX')).toMatchObject({ phase: 'midday', time: '10:30', minutesToClose: 345 });
    expect(sessionPhase(est('19:29'), 'SPX')).toMatchObject({ phase: 'midday', time: '14:29' });
    expect(sessionPhase(est('19:30'), 'SPX')).toMatchObject({ phase: 'late', time: '14:30', minutesToClose: 105, progress: 0 });
  });

  it('runs the late session to the underlying\'s close: 15:15 is 45 of SPX\'s 105 late minutes and 45 of AAPL\'s 90', () => {
    expect(sessionPhase(est('20:15'), 'SPX').progress).toBeCloseTo(45 / 105, 12);
    expect(sessionPhase(est('20:15'), 'AAPL').progress).toBe(0.5);
  });

  it('closes SPX options and their weekly root at 16:15 and others at 16:00', () => {
    expect(sessionPhase(est('21:14'), 'SPX')).toMatchObject({ phase: 'late', minutesToClose: 1 });
    expect(sessionPhase(est('21:14'), 'SPXW')).toMatchObject({ phase: 'late', closesAt: '16:15' });
    expect(sessionPhase(est('21:15'), 'SPX')).toMatchObject({ phase: 'closed', minutesToClose: null });
    expect(sessionPhase(est('20:59'), 'AAPL')).toMatchObject({ phase: 'late', minutesToClose: 1, closesAt: '16:00' });
    expect(sessionPhase(est('21:00'), 'AAPL')).toMatchObject({ phase: 'closed' });
  });

  it('counts the minutes to the close whole: 30 s after 09:30 is 404 minutes and 30 s before 16:15', () => {
    expect(sessionPhase(est('14:30') + 30_000, 'SPX')).toMatchObject({ phase: 'open', minutesToClose: 404 });
  });

  it('follows New York daylight saving time: the open is 13:30 UTC in March', () => {
    expect(sessionPhase(edt('13:29'), 'SPX')).toMatchObject({ phase: 'closed', date: '2026-03-09', time: '09:29' });
    expect(sessionPhase(edt('13:30'), 'SPX')).toMatchObject({ phase: 'open', date: '2026-03-09', time: '09:30', minutesToClose: 405, closesAt: '16:15' });
    expect(sessionPhase(edt('18:30'), 'SPX')).toMatchObject({ phase: 'late', time: '14:30' });
  });

  it('is closed on a weekend at midday', () => {
    expect(sessionPhase(Date.parse('2026-12-05T17:00:00Z'), 'SPX')).toMatchObject({ phase: 'closed', date: '2026-12-05', time: '12:00' });
  });

  it('dates an evening in New York by its New York day, not the UTC one', () => {
    // 01:00 UTC on Tuesday is 20:00 Monday in New York.
    expect(sessionPhase(Date.parse('2026-12-08T01:00:00Z'), 'SPX')).toMatchObject({ phase: 'closed', date: '2026-12-07', time: '20:00' });
  });
});
