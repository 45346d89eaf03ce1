import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDecimal, formatDurationMs, formatMoney, formatMoneyCompact, formatPct, formatR, formatRate, formatRatio, pnlTone } from './journal-format';

describe('journal number formats', () => {
  it('writes money with two decimals, signed P&L with a true minus', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(182.4, true)).toBe('+$182.40');
    expect(formatMoney(-120.55, true)).toBe('−$120.55');
    expect(formatMoney(0, true)).toBe('$0.00');
    expect(formatMoneyCompact(-1250)).toBe('−$1.3K');
  });

  it('shows a figure the API could not compute as a dash, never 0', () => {
    for (const format of [formatMoney, formatDecimal, formatRate, formatPct, formatRatio, formatR, formatCount, formatDurationMs]) expect(format(null)).toBe('—');
    expect(formatDateTime(null)).toBe('—');
  });

  it('keeps prices to their six decimals and writes rates, percentages, ratios and R', () => {
    expect(formatDecimal(0.0125)).toBe('0.0125');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatPct(5)).toBe('5.00%');
    expect(formatRatio(-1.5)).toBe('−1.50');
    expect(formatR(0.579048)).toBe('+0.58R');
    expect(formatR(-1)).toBe('−1.00R');
    expect(formatCount(10000)).toBe('10,000');
  });

  it('writes durations as their two largest units', () => {
    expect(formatDurationMs(30_000)).toBe('30s');
    expect(formatDurationMs(45 * 60_000)).toBe('45m');
    expect(formatDurationMs(2 * 3_600_000 + 5 * 60_000)).toBe('2h 05m');
    expect(formatDurationMs(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
  });

  it('writes times in the exchange zone on a 24-hour clock', () => {
    expect(formatDateTime(Date.UTC(2026, 11, 1, 19, 30), 'America/New_York')).toBe('Dec 1, 2026, 14:30');
  });

  it('colours P&L by sign', () => {
    expect([pnlTone(1), pnlTone(-1), pnlTone(0), pnlTone(null)]).toEqual(['up', 'down', 'flat', 'flat']);
  });
});
