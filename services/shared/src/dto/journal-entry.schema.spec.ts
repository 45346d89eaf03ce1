import { describe, expect, it } from 'vitest';
import { calendarQuerySchema, entryBodySchema, entryQuerySchema, isCalendarDate, JOURNAL_ENTRY_CONTENT_MAX_BYTES, periodEnd, periodStartProblem, retrospectiveBodySchema } from './journal-entry.schema.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('journal entry dates and periods', () => {
  it('knows real calendar dates from lookalikes', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('starts a week on a Monday and a month on its 1st', () => {
    expect(periodStartProblem('week', '2026-12-07')).toBeNull(); // a Monday
    expect(periodStartProblem('week', '2026-12-06')).toBe('must be a Monday (a week starts on Monday)');
    expect(periodStartProblem('month', '2026-12-01')).toBeNull();
    expect(periodStartProblem('month', '2026-12-07')).toBe('must be the 1st of a month');
    expect(periodStartProblem('month', '2026-02-30')).toBe('must be a date such as 2026-12-07');
  });

  it('ends a week six days on and a month on its last day', () => {
    expect(periodEnd('week', '2026-12-28')).toBe('2027-01-03');
    expect(periodEnd('month', '2026-02-01')).toBe('2026-02-28');
    expect(periodEnd('month', '2028-02-01')).toBe('2028-02-29');
    expect(periodEnd('month', '2026-12-01')).toBe('2026-12-31');
  });
});

describe('journal entry schemas', () => {
  it('refuses a retrospective whose start does not begin its period, naming start', () => {
    expect(issuesOf(retrospectiveBodySchema.safeParse({ period: 'week', start: '2026-12-08', content: '' }))).toEqual([['start', 'must be a Monday (a week starts on Monday)']]);
    expect(retrospectiveBodySchema.safeParse({ period: 'month', start: '2026-12-01', content: '<p>x</p>' }).success).toBe(true);
  });

  it('asks for either a date or a from-to range of entries', () => {
    expect(entryQuerySchema.safeParse({ date: '2026-12-07' }).success).toBe(true);
    expect(issuesOf(entryQuerySchema.safeParse({}))).toEqual([['from', 'is required without date'], ['to', 'is required without date']]);
    expect(issuesOf(entryQuerySchema.safeParse({ from: '2026-12-07', to: '2026-12-01' }))).toEqual([['to', 'must not be before from']]);
    expect(issuesOf(entryQuerySchema.safeParse({ date: '2026-12-07', from: '2026-12-01' }))).toEqual([['date', 'send either date, or from and to']]);
  });

  it('takes at most 200 KiB of HTML, counted in UTF-8 bytes', () => {
    expect(entryBodySchema.safeParse({ content: 'a'.repeat(JOURNAL_ENTRY_CONTENT_MAX_BYTES) }).success).toBe(true);
    // 'é' is two bytes: half as many characters already reach the limit.
    expect(issuesOf(entryBodySchema.safeParse({ content: 'é'.repeat(JOURNAL_ENTRY_CONTENT_MAX_BYTES / 2 + 1) }))).toEqual([['content', 'must be at most 200 KiB of HTML']]);
  });

  it('asks the calendar for exactly one of month or week, the week from a Monday', () => {
    expect(calendarQuerySchema.parse({ month: '2026-12' })).toEqual({ month: '2026-12', log: 'all' });
    expect(issuesOf(calendarQuerySchema.safeParse({}))).toEqual([['month', 'send either month or week']]);
    expect(issuesOf(calendarQuerySchema.safeParse({ week: '2026-12-09' }))).toEqual([['week', 'must be a Monday (a week starts on Monday)']]);
    expect(issuesOf(calendarQuerySchema.safeParse({ month: '2026-13' }))).toEqual([['month', 'must be a month such as 2026-12']]);
  });
});
