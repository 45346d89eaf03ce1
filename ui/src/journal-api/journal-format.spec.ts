import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDecimal,
  formatDurationMs,
  formatMoney,
  formatMoneyCompact,
  formatPct,
  formatPnl,
  formatPnlCompact,
  formatProfitFactor,
  formatR,
  formatRate,
  formatRatio,
  formatTime,
  NONE,
  pnlTone,
} from './journal-format';

describe('journal number formats', () => {
  it('writes money with two decimals, signed P&L with a true minus', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(182.4, true)).toBe('+$182.40');
    expect(formatMoney(-120.55, true)).toBe('−$120.55');
    expect(formatMoney(0, true)).toBe('$0.00');
    expect(formatMoneyCompact(-1250)).toBe('−$1.3K');
  });

  it('shows a figure the API could not compute as a dash, never 0 or NaN', () => {
    for (const format of [formatMoney, formatDecimal, formatRate, formatPct, formatRatio, formatR, formatCount, formatDurationMs, formatPnl, formatAmount, formatPnlCompact, formatProfitFactor, formatDateTime, formatTime]) {
      expect(format(null)).toBe(NONE);
      expect(format(undefined)).toBe(NONE);
      expect(format(Number.NaN)).toBe(NONE);
    }
    expect(NONE).toBe('—');
  });

  it('prints P&L in tables with its sign and a true minus, and compactly for calendar cells', () => {
    expect(formatPnl(1234.5)).toBe('+1,234.50');
    expect(formatPnl(-12)).toBe('−12.00');
    expect(formatPnl(0)).toBe('0.00');
    expect(formatAmount(-1.35)).toBe('−1.35');
    expect(formatAmount(4.2)).toBe('4.20');
    expect(formatPnlCompact(1234)).toBe('+1.2K');
    expect(formatPnlCompact(-350)).toBe('−350');
  });

  it('writes fractions as percents with at most one decimal', () => {
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(-0.125)).toBe('−12.5%');
  });

  it('writes a profit factor, infinity without losers, and a dash when it cannot be computed', () => {
    expect(formatProfitFactor(1.849)).toBe('1.85');
    expect(formatProfitFactor(0)).toBe('0.00');
    expect(formatProfitFactor(null, true)).toBe('∞');
    expect(formatProfitFactor(null)).toBe(NONE);
  });

  it('writes file sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
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
    expect(formatTime(Date.UTC(2026, 11, 7, 19, 32))).toBe('Dec 7, 14:32');
    expect(formatTime(Date.UTC(2026, 11, 7, 19, 32), 'Europe/London')).toBe('Dec 7, 19:32');
  });

  it('colours P&L by sign', () => {
    expect([pnlTone(1), pnlTone(-1), pnlTone(0), pnlTone(null), pnlTone(undefined)]).toEqual(['up', 'down', 'flat', 'flat', 'flat']);
  });
});
