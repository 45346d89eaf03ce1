import { describe, expect, it } from 'vitest';
import { decimalInputSchema, nonNegativeDecimalInputSchema, timeQuerySchema } from './journal-common.schema.js';
import { JOURNAL_SETTINGS, isJournalSettingKey, settingBodySchema } from './journal-settings.schema.js';

describe('journal DTO building blocks', () => {
  it('reads a query time as epoch ms or an ISO 8601 date, refusing anything else', () => {
    expect(timeQuerySchema.parse('1764601200000')).toBe(1_764_601_200_000);
    expect(timeQuerySchema.parse('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
    // 14:30 in New York (EST, UTC−5) is 19:30 UTC
    expect(timeQuerySchema.parse('2026-12-01T14:30:00-05:00')).toBe(Date.UTC(2026, 11, 1, 19, 30));
    for (const bad of ['yesterday', '', '12/01/2026', '2026-13-45', '99999999999999999999']) expect(timeQuerySchema.safeParse(bad).success, bad).toBe(false);
  });

  it('takes money with at most 6 decimals, so the journal stores it exactly', () => {
    expect(decimalInputSchema.parse(0.0125)).toBe(0.0125);
    expect(decimalInputSchema.parse(-25_000.123456)).toBe(-25_000.123456);
    expect(decimalInputSchema.safeParse(0.0000001).error?.issues[0]?.message).toBe('must be a decimal number with at most 6 decimals');
    expect(decimalInputSchema.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(decimalInputSchema.safeParse('1.25').error?.issues[0]?.message).toBe('must be a number');
    expect(nonNegativeDecimalInputSchema.safeParse(-0.01).error?.issues[0]?.message).toBe('must not be negative');
  });

  it('knows each setting by name with its own schema and default', () => {
    expect(isJournalSettingKey('costBasis')).toBe(true);
    expect(isJournalSettingKey('toString')).toBe(false);
    expect(settingBodySchema('costBasis').safeParse({ value: 'lifo' }).error?.issues[0]?.path).toEqual(['value']);
    expect(settingBodySchema('timeZone').safeParse({ value: 'Asia/Tokyo' }).success).toBe(true);
    expect(settingBodySchema('timeZone').safeParse({ value: 'Nowhere/Atlantis' }).success).toBe(false);
    expect(Object.fromEntries(Object.entries(JOURNAL_SETTINGS).map(([key, s]) => [key, s.default]))).toEqual({ costBasis: 'fifo', breakevenTolerance: 0, timeZone: 'America/New_York' });
  });
});
