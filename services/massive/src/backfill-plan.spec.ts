import { describe, expect, it } from 'vitest';
import { nyInstant, planBackfill, windowsToBackfill, type BackfillPlan } from './backfill-plan.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe(nyInstant.name, () => {
  it('finds New York wall-clock times in winter (UTC−5) and summer (UTC−4)', () => {
    expect(iso(nyInstant('2026-03-06', 9 * 60 + 30))).toBe('2026-03-06T14:30:00.000Z');
    expect(iso(nyInstant('2026-03-09', 9 * 60 + 30))).toBe('2026-03-09T13:30:00.000Z');
    expect(iso(nyInstant('2026-07-01', 0))).toBe('2026-07-01T04:00:00.000Z');
  });

  it('is right on the day the clocks change (2026-03-08, 02:00 → 03:00)', () => {
    expect(iso(nyInstant('2026-03-08', 0))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(nyInstant('2026-03-08', 16 * 60))).toBe('2026-03-08T20:00:00.000Z');
  });
});

describe(planBackfill.name, () => {
  it('demo: today from New York midnight up to now, and yesterday 09:30–16:00', () => {
    const now = Date.parse('2026-03-03T20:15:00Z'); // Tue 15:15 New York
    const plan = planBackfill('demo', now);
    expect(plan.latest).toEqual({ session: '2026-03-03', from: Date.parse('2026-03-03T05:00:00Z'), to: now });
    expect(plan.previous).toEqual({ session: '2026-03-02', from: Date.parse('2026-03-02T14:30:00Z'), to: Date.parse('2026-03-02T21:00:00Z') });
  });

  it('demo: the session is the New York date, not the UTC date, in the evening', () => {
    const now = Date.parse('2026-03-04T02:00:00Z'); // Tue 21:00 New York
    const plan = planBackfill('demo', now);
    expect(plan.latest.session).toBe('2026-03-03');
    expect(plan.previous.session).toBe('2026-03-02');
  });

  it('demo: a weekend day is a session too (the demo market never closes)', () => {
    const plan = planBackfill('demo', Date.parse('2026-03-08T15:00:00Z')); // Sunday
    expect([plan.previous.session, plan.latest.session]).toEqual(['2026-03-07', '2026-03-08']);
  });

  it('regular, during the session: today from the open up to now, and the weekday before', () => {
    const now = Date.parse('2026-03-02T16:00:00Z'); // Monday 11:00 New York
    const plan = planBackfill('regular', now);
    expect(plan.latest).toEqual({ session: '2026-03-02', from: Date.parse('2026-03-02T14:30:00Z'), to: now });
    expect(plan.previous.session).toBe('2026-02-27'); // Friday
  });

  it('regular, after the close: today stops at 16:00', () => {
    const plan = planBackfill('regular', Date.parse('2026-03-03T23:00:00Z'));
    expect(plan.latest.to).toBe(Date.parse('2026-03-03T21:00:00Z'));
  });

  it('regular, before the open and on weekends: the last full weekday session is the latest', () => {
    const monday = planBackfill('regular', Date.parse('2026-03-02T12:00:00Z')); // Monday 07:00
    expect([monday.previous.session, monday.latest.session]).toEqual(['2026-02-26', '2026-02-27']);
    const saturday = planBackfill('regular', Date.parse('2026-03-07T15:00:00Z'));
    expect(saturday.latest).toEqual({ session: '2026-03-06', from: Date.parse('2026-03-06T14:30:00Z'), to: Date.parse('2026-03-06T21:00:00Z') });
    expect(saturday.previous.session).toBe('2026-03-05');
  });
});

describe(windowsToBackfill.name, () => {
  const plan: BackfillPlan = { previous: { session: 'p', from: 0, to: 1 }, latest: { session: 'l', from: 2, to: 3 } };

  it('generates both sessions on a first start', () => {
    expect(windowsToBackfill(plan, () => false)).toEqual([plan.previous, plan.latest]);
  });

  it('generates nothing when the latest session already has candles (a restart)', () => {
    expect(windowsToBackfill(plan, (s) => s === 'l')).toEqual([]);
  });

  it('generates only the latest session when the previous one is already held', () => {
    expect(windowsToBackfill(plan, (s) => s === 'p')).toEqual([plan.latest]);
  });
});
