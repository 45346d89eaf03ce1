import { describe, expect, it } from 'vitest';
import { formatAmount, formatBytes, formatCount, formatPnl, formatPnlCompact, formatProfitFactor, formatRate, formatRatio, NONE, toneOf } from './figures';

describe('journal figures', () => {
  it('prints P&L with its sign and a true minus', () => {
    expect(formatPnl(1234.5)).toBe('+1,234.50');
    expect(formatPnl(-12)).toBe('−12.00');
    expect(formatPnl(0)).toBe('0.00');
    expect(formatAmount(-1.35)).toBe('−1.35');
    expect(formatAmount(4.2)).toBe('4.20');
  });

  it('prints compact P&L for calendar cells', () => {
    expect(formatPnlCompact(1234)).toBe('+1.2K');
    expect(formatPnlCompact(-350)).toBe('−350');
  });

  it('prints fractions as percents with at most one decimal', () => {
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
  });

  it('prints a profit factor, infinity without losers, and a dash when it cannot be computed', () => {
    expect(formatProfitFactor(1.849)).toBe('1.85');
    expect(formatProfitFactor(0)).toBe('0.00');
    expect(formatProfitFactor(null, true)).toBe('∞');
    expect(formatProfitFactor(null)).toBe(NONE);
  });

  it('never prints NaN or a made-up zero for a missing figure', () => {
    for (const f of [formatPnl, formatAmount, formatPnlCompact, formatRate, formatCount, formatRatio]) {
      expect(f(null)).toBe(NONE);
      expect(f(undefined)).toBe(NONE);
      expect(f(Number.NaN)).toBe(NONE);
    }
  });

  it('names the tone of a signed figure', () => {
    expect(toneOf(3)).toBe('up');
    expect(toneOf(-3)).toBe('down');
    expect(toneOf(0)).toBe('flat');
    expect(toneOf(null)).toBe('flat');
  });

  it('prints file sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
