import { describe, expect, it } from 'vitest';
import { pnlTable, tableDates, tablePrices } from './pnl-table.js';
import { payoffAtExpiry, type PositionLeg, positionValue } from './risk-graph.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// 16:00 New York (EST) on a Friday.
const expiry = Date.UTC(2026, 11, 18, 21);

describe(tableDates.name, () => {
  it('gives hourly columns from 10:00 to the 16:00 expiry of a 0DTE', () => {
    expect(tableDates(expiry - 6 * HOUR, expiry, 7)).toEqual([6, 5, 4, 3, 2, 1, 0].map((h) => expiry - h * HOUR));
  });

  it('starts at now and snaps the columns between to whole hours before the expiry', () => {
    // 10:17 → 16:00 in 7 columns: ideal 57-minute steps land on 11:00, 12:00 … 15:00.
    const now = expiry - 5 * HOUR - 43 * MINUTE;
    expect(tableDates(now, expiry, 7)).toEqual([now, ...[5, 4, 3, 2, 1].map((h) => expiry - h * HOUR), expiry]);
  });

  it('gives a column a day at the expiry’s time of day a week out', () => {
    const now = expiry - 7 * DAY + 2 * HOUR;
    const dates = tableDates(now, expiry, 8);
    expect(dates).toEqual([now, ...[6, 5, 4, 3, 2, 1].map((d) => expiry - d * DAY), expiry]);
  });

  it('keeps every column an hour apart from 12:00 to a 16:00 expiry in six columns, showing five rather than uneven ones', () => {
    // Six even columns would be 48 minutes apart (12:48, 13:36 …); whole hours fit in five.
    expect(tableDates(expiry - 4 * HOUR, expiry, 6)).toEqual([4, 3, 2, 1, 0].map((h) => expiry - h * HOUR));
  });

  it('steps back from the expiry by whole days, as many as keep a month within six columns', () => {
    // 30 days in 6 columns: an even gap of 6 days, so a column every 6 days at 16:00, now being one of them.
    expect(tableDates(expiry - 30 * DAY, expiry, 6)).toEqual([30, 24, 18, 12, 6, 0].map((d) => expiry - d * DAY));
    // 10 days 3 hours in 4 columns: a 3.4-day gap rounds up to 4-day steps; now comes first, 2 days 3 hours before the first step.
    const now = expiry - 10 * DAY - 3 * HOUR;
    expect(tableDates(now, expiry, 4)).toEqual([now, expiry - 8 * DAY, expiry - 4 * DAY, expiry]);
  });

  it('leaves out a step within half a step of now, so now is not followed by a near-duplicate column', () => {
    // 12:48 → 16:00 in 5: hourly steps; 13:00 would sit 12 minutes after now.
    const now = expiry - 192 * MINUTE;
    expect(tableDates(now, expiry, 5)).toEqual([now, ...[2, 1].map((h) => expiry - h * HOUR), expiry]);
    expect(tableDates(expiry - 20 * MINUTE, expiry, 5)).toEqual([20, 15, 10, 5, 0].map((m) => expiry - m * MINUTE));
  });

  it('never gives more columns than asked, and every gap after now is the same', () => {
    for (const span of [3 * HOUR + 7 * MINUTE, 47 * MINUTE, 2 * DAY + 5 * HOUR, 45 * DAY]) {
      for (const count of [2, 3, 4, 6, 9, 13]) {
        const dates = tableDates(expiry - span, expiry, count);
        expect(dates.length).toBeLessThanOrEqual(count);
        expect(dates[0]).toBe(expiry - span);
        expect(dates[dates.length - 1]).toBe(expiry);
        const gaps = dates.slice(1).map((t, i) => t - (dates[i] as number));
        expect(gaps.every((g) => g > 0)).toBe(true);
        expect(new Set(gaps.slice(1)).size).toBeLessThanOrEqual(1);
        // The first gap (from now) is between half a step and one and a half.
        if (gaps.length > 1) {
          expect(gaps[0]).toBeGreaterThanOrEqual((gaps[1] as number) / 2);
          expect(gaps[0]).toBeLessThan((gaps[1] as number) * 1.5);
        }
      }
    }
  });

  it('has the one expiry column once expired, and only now for a single column', () => {
    expect(tableDates(expiry + HOUR, expiry, 5)).toEqual([expiry]);
    expect(tableDates(expiry - HOUR, expiry, 1)).toEqual([expiry - HOUR]);
    expect(() => tableDates(expiry - HOUR, expiry, 0)).toThrow(RangeError);
  });
});

describe(tablePrices.name, () => {
  const axis = { from: 4973.5, to: 5026.5 };

  it('puts a row on every 5-point strike of the axis when 11 rows fit, one of them next to spot', () => {
    expect(tablePrices(axis, 5003.2, 5, 11)).toEqual([4975, 4980, 4985, 4990, 4995, 5000, 5005, 5010, 5015, 5020, 5025]);
  });

  it('spaces the rows by a multiple of the strike step through the strike nearest spot when fewer fit', () => {
    // 6 rows: every 10 points through 5005 (nearest 5-point strike to 5003.2).
    expect(tablePrices(axis, 5003.2, 5, 6)).toEqual([4975, 4985, 4995, 5005, 5015, 5025]);
    const rows = tablePrices({ from: 4800, to: 5200 }, 5001, 5, 15);
    expect(rows.length).toBeLessThanOrEqual(15);
    expect(rows).toContain(5000);
    expect(rows.every((p, i) => i === 0 || p > (rows[i - 1] as number))).toBe(true);
    expect(rows.every((p) => p % 5 === 0 && p >= 4800 && p <= 5200)).toBe(true);
  });

  it('keeps the decimals of a half-point step', () => {
    expect(tablePrices({ from: 498.2, to: 501.3 }, 499.8, 0.5, 10)).toEqual([498.5, 499, 499.5, 500, 500.5, 501]);
  });

  it('shows the nearest strike for an axis narrower than one step', () => {
    expect(tablePrices({ from: 5001, to: 5003 }, 5002, 5, 5)).toEqual([5000]);
  });
});

describe(pnlTable.name, () => {
  const fly: PositionLeg[] = [
    { type: 'call', strike: 4990, expiry, quantity: 1, entryPrice: 14 },
    { type: 'call', strike: 5000, expiry, quantity: -2, entryPrice: 8.5 },
    { type: 'call', strike: 5010, expiry, quantity: 1, entryPrice: 4.9 },
  ];
  const market = { rate: 0.045, vol: 0.15 };
  const prices = [4980, 4995, 5000, 5008.1, 5020];
  const dates = tableDates(expiry - 6 * HOUR, expiry, 7);

  it('ends on the expiry payoff in dollars: −$190 outside the wings, +$810 at the body', () => {
    const cells = pnlTable(fly, prices, dates, market, 100);
    expect(cells).toHaveLength(7);
    expect(cells[6]).toEqual(prices.map((p) => payoffAtExpiry(fly, p, 100)));
    expect(cells[6]?.[0]).toBeCloseTo(-190, 9);
    expect(cells[6]?.[2]).toBeCloseTo(810, 9);
    expect(cells[6]?.[3]).toBeCloseTo(0, 9);
    expect(cells[6]?.[4]).toBeCloseTo(-190, 9);
  });

  it('starts on today’s marks and grows toward the payoff at the body as time passes', () => {
    const cells = pnlTable(fly, prices, dates, market, 100);
    expect(cells[0]?.[2]).toBeCloseTo(positionValue(fly, 5000, { ...market, now: dates[0] as number }, 100), 9);
    const body = cells.map((row) => row[2] as number);
    expect(body.every((v, i) => i === 0 || v > (body[i - 1] as number))).toBe(true);
  });

  it('keeps a calendar’s far leg at its time value on the near expiry, not at intrinsic', () => {
    const calendar: PositionLeg[] = [
      { type: 'call', strike: 5000, expiry, quantity: -1, entryPrice: 40 },
      { type: 'call', strike: 5000, expiry: expiry + 7 * DAY, quantity: 1, entryPrice: 65 },
    ];
    const [atExpiry] = pnlTable(calendar, [5000], [expiry], market);
    expect(atExpiry?.[0]).toBeCloseTo(positionValue(calendar, 5000, { ...market, now: expiry }), 12);
    expect(atExpiry?.[0]).toBeGreaterThan(payoffAtExpiry(calendar, 5000));
  });
});
