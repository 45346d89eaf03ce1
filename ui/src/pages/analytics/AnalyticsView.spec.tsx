import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AnalyticsDto } from '@marketswarm/shared/dto';
import { analytics } from '../../journal-api/testing/journal-fixtures';
import { AnalyticsView } from './AnalyticsView';
import { FIGURE_ORDER } from './figures';

const render = (data: AnalyticsDto | undefined, extra: { loading?: boolean; error?: Error } = {}) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <AnalyticsView filters={{ log: 'all', sort: '-openedAt' }} onFilters={() => undefined} logs={[]} tags={[]} data={data} loading={extra.loading ?? false} error={extra.error ?? null} onRetry={() => undefined} equityChart={<div data-testid="equity-chart" />} />
    </MemoryRouter>,
  );

describe(AnalyticsView.name, () => {
  it('shows every summary figure with its raw API value', () => {
    const data = analytics();
    const html = render(data);
    for (const key of FIGURE_ORDER) expect(html).toContain(`data-testid="figure-${key}" data-value="${String(data.summary[key])}"`);
    expect(html).toContain('data-testid="figure-netPnl" data-value="242.75">+$242.75<');
    expect(html).toContain('data-testid="figure-sqn" data-value="null">—<');
  });

  it('draws the equity chart and a bar per bucket of each breakdown and histogram bin', () => {
    const html = render(analytics());
    expect(html).toContain('data-testid="equity-chart"');
    for (const chart of ['histogram', 'entryHour', 'weekday', 'symbol', 'tag', 'strategy', 'dte']) expect(html).toContain(`data-testid="chart-${chart}"`);
    expect(html.match(/<rect /g)).toHaveLength(10 + 2 + 2 + 1 + 1 + 2 + 1 + 1 + 1);
    expect(html).toContain('class="bar-down" data-key="iron condor" data-value="-120.5"');
  });

  it('colours histogram bins by the side of zero they count, and labels only whole counts', () => {
    const html = render(analytics());
    expect(html).toContain('class="bar-down" data-key="-150" data-value="1"');
    expect(html).toContain('class="bar-up" data-key="300" data-value="1"');
    expect(html).not.toMatch(/>0\.\d<\/text>/);
  });

  it('says the filters count closed trades by close date', () => {
    expect(render(analytics())).toContain('dates filter by the day a trade closed');
  });

  it('shows progress, then errors, without figures', () => {
    expect(render(undefined, { loading: true })).toContain('Computing analytics…');
    const failed = render(undefined, { error: new Error('404: no trade log') });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('404: no trade log');
    expect(failed).not.toContain('figure-');
  });

  it('does not draw an equity curve without closed trades', () => {
    const empty = { ...analytics(), equity: [] };
    expect(render(empty)).toContain('No closed trades to draw.');
  });
});
