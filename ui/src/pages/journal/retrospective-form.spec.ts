import { describe, expect, it } from 'vitest';
import { newRetrospective, periodLabel, periodStartFor, toRetrospectiveRequest, withPeriod } from './retrospective-form';

describe(periodStartFor.name, () => {
  it('snaps a week to its Monday and a month to its 1st', () => {
    // Sunday Dec 13 belongs to the week of Monday Dec 7.
    expect(periodStartFor('week', '2026-12-13')).toBe('2026-12-07');
    expect(periodStartFor('week', '2026-12-07')).toBe('2026-12-07');
    expect(periodStartFor('month', '2026-12-13')).toBe('2026-12-01');
  });
});

describe(withPeriod.name, () => {
  it('keeps the same stretch of time when switching week and month', () => {
    const week = newRetrospective('week', '2026-12-09');
    expect(week.start).toBe('2026-12-07');
    expect(withPeriod(week, 'month').start).toBe('2026-12-01');
    expect(withPeriod(withPeriod(week, 'month'), 'week').start).toBe('2026-11-30');
  });
});

describe(periodLabel.name, () => {
  it('names weeks by their days and months by name', () => {
    expect(periodLabel('week', '2026-12-28')).toBe('Week of Dec 28 – Jan 3, 2027');
    expect(periodLabel('month', '2026-12-01')).toBe('December 2026');
  });
});

describe(toRetrospectiveRequest.name, () => {
  it('builds the body the journal takes', () => {
    expect(toRetrospectiveRequest({ id: 'r1', period: 'week', start: '2026-12-07', content: '<p>Patience paid.</p>' })).toEqual({
      ok: true,
      id: 'r1',
      body: { period: 'week', start: '2026-12-07', content: '<p>Patience paid.</p>' },
    });
  });

  it('refuses a week that does not start on Monday, naming start', () => {
    const result = toRetrospectiveRequest({ id: undefined, period: 'week', start: '2026-12-08', content: '' });
    expect(result).toEqual({ ok: false, errors: { start: 'must be a Monday (a week starts on Monday)' } });
  });

  it('refuses a month that does not start on the 1st', () => {
    const result = toRetrospectiveRequest({ id: undefined, period: 'month', start: '2026-12-02', content: '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors['start']).toBe('must be the 1st of a month');
  });
});
