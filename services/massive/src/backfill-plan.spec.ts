import { describe, expect, it } from 'vitest';
import { nyInstant, planBackfill, sessionStart, symbolBackfill } from './backfill-plan.js';

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

describe(symbolBackfill.name, () => {
  // Demo, Tuesday 15:15 New York: Monday's regular hours, and Tuesday from midnight (05:00Z) up to now.
  const plan = planBackfill('demo', Date.parse('2026-03-03T20:15:00Z'));
  const monday = plan.previous;
  const tuesdayStart = plan.latest.from;
  const hour = (h: number) => Date.UTC(2026, 2, 3, h);

  it('generates both sessions on a first start (nothing held), ending at the live start', () => {
    expect(symbolBackfill(plan, {})).toEqual({ windows: [plan.previous, plan.latest] });
  });

  it('generates only today, from the last known price, when the previous session is held but nothing of today', () => {
    const held = { before: { session: '2026-03-02', close: 5010 }, lastPrice: 5012 };
    expect(symbolBackfill(plan, held)).toEqual({ windows: [plan.latest], start: 5012 });
  });

  it('generates both sessions when the last bar held is older than the previous session', () => {
    expect(symbolBackfill(plan, { before: { session: '2026-02-27', close: 5010 }, lastPrice: 5010 })).toEqual({ windows: [plan.previous, plan.latest] });
  });

  it('generates nothing on an ordinary restart: today held from its start and a prior close known', () => {
    expect(symbolBackfill(plan, { first: { t: tuesdayStart, open: 5001 }, priorClose: 5000 })).toEqual({ windows: [] });
    expect(symbolBackfill(plan, { first: { t: tuesdayStart, open: 5001 }, before: { session: '2026-03-02', close: 5000 } })).toEqual({ windows: [] });
  });

  it("upgraded stack (today's last minutes in the stream, no prior close): the previous session and today up to the first bar, ending at its open", () => {
    expect(symbolBackfill(plan, { first: { t: hour(20), open: 5040 }, lastPrice: 5050 })).toEqual({
      windows: [monday, { session: '2026-03-03', from: tuesdayStart, to: hour(20) }],
      end: 5040,
    });
  });

  it('today held from its start but no prior close anywhere: only the previous session, ending at the open of today', () => {
    expect(symbolBackfill(plan, { first: { t: tuesdayStart, open: 5001 } })).toEqual({ windows: [monday], end: 5001 });
  });

  it("a prior close known but the start of today missing: only that part, from the prior close to the first bar's open", () => {
    expect(symbolBackfill(plan, { first: { t: hour(12), open: 5020 }, priorClose: 5000 })).toEqual({
      windows: [{ session: '2026-03-03', from: tuesdayStart, to: hour(12) }],
      start: 5000,
      end: 5020,
    });
  });

  it("regular clock: today's 09:00 hour bar covers the 09:30 open, so nothing of today is missing", () => {
    const regular = planBackfill('regular', Date.parse('2026-03-03T16:00:00Z')); // Tuesday 11:00 New York
    expect(symbolBackfill(regular, { first: { t: Date.UTC(2026, 2, 3, 14), open: 5001 }, priorClose: 5000 })).toEqual({ windows: [] });
  });
});

describe(sessionStart.name, () => {
  it('is New York midnight of the session', () => {
    expect(iso(sessionStart('2026-03-03'))).toBe('2026-03-03T05:00:00.000Z');
  });
});
