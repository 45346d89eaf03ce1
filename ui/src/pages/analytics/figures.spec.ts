import { describe, expect, it } from 'vitest';
import { analyticsSummarySchema } from '@marketswarm/shared/dto';
import { FIGURE_ORDER, FIGURES, formatFigure, rawFigure } from './figures';

describe('analytics figures', () => {
  it('lists every field of the summary contract exactly once', () => {
    expect([...FIGURE_ORDER].sort()).toEqual(Object.keys(analyticsSummarySchema.shape).sort());
    expect(new Set(FIGURE_ORDER).size).toBe(FIGURE_ORDER.length);
  });

  it('formats each kind of figure consistently', () => {
    expect(formatFigure(FIGURES.netPnl.kind, 242.75)).toBe('+$242.75');
    expect(formatFigure(FIGURES.fees.kind, 6)).toBe('$6.00');
    expect(formatFigure(FIGURES.winRate.kind, 2 / 3)).toBe('66.7%');
    expect(formatFigure(FIGURES.maxDrawdownPct.kind, 12.345)).toBe('12.35%');
    expect(formatFigure(FIGURES.profitFactor.kind, 3.014523)).toBe('3.01');
    expect(formatFigure(FIGURES.expectancyR.kind, 0.5)).toBe('0.50R');
    expect(formatFigure(FIGURES.maxDrawdownDurationMs.kind, 86_400_000)).toBe('1d 0h');
    expect(formatFigure(FIGURES.trades.kind, 1200)).toBe('1,200');
    expect(formatFigure(FIGURES.noLosers.kind, true)).toBe('yes');
    expect(formatFigure(FIGURES.sqn.kind, null)).toBe('—');
  });

  it('keeps the raw value for data-value as JSON writes it', () => {
    expect([rawFigure(543.2), rawFigure(null), rawFigure(false), rawFigure(0.6666666666666666)]).toEqual(['543.2', 'null', 'false', '0.6666666666666666']);
  });
});
