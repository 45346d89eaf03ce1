import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { TradeDto } from '@marketswarm/shared/dto';
import { LOG_ID, trade } from '../../journal-api/testing/journal-fixtures';
import { tradeTotals } from '../../journal-api/trade-totals';
import { TradesView, type TradesViewProps } from './TradesView';

const log = { id: LOG_ID, name: 'Main', currency: 'USD', startingCapital: 0, isDefault: true, archivedAt: null, createdAt: 0, updatedAt: 0 };

function render(trades: TradeDto[], overrides: Partial<TradesViewProps> = {}): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <TradesView
        filters={{ log: 'all', sort: '-openedAt' }}
        onFilters={() => undefined}
        logs={[log]}
        tags={[]}
        trades={trades}
        totals={tradeTotals(trades, 0)}
        timeZone="America/New_York"
        loading={false}
        loadingMore={false}
        error={null}
        onRetry={() => undefined}
        onOpen={() => undefined}
        {...overrides}
      />
    </MemoryRouter>,
  );
}

const many = (n: number) => Array.from({ length: n }, (_, i) => trade({ id: `t${i}`, net: i % 2 === 0 ? 10 : -5, openedAt: Date.UTC(2026, 11, 1) + i * 60_000 }));

describe(TradesView.name, () => {
  it('shows a row per trade with its id, link and P&L', () => {
    const html = render([trade()]);
    expect(html).toContain('data-testid="trades-row" data-trade-id="22222222-2222-4222-8222-222222222222"');
    expect(html).toContain('href="/trades/22222222-2222-4222-8222-222222222222"');
    expect(html).toContain('+$182.40');
    expect(html).toContain('Dec 1, 2026, 10:00');
    expect(html).toContain('FOMC');
    expect(html).toContain('>Main<');
  });

  it('totals what is shown: count, net and win rate', () => {
    const html = render(many(5));
    // 3 × 10 − 2 × 5 = 20; 3 wins of 5.
    expect(html).toContain('data-testid="trades-total-count" data-value="5">5<');
    expect(html).toContain('data-testid="trades-total-pnl" data-value="20" class="up">+$20.00<');
    // The journal's one rate format: at most one decimal, as the journal pages write it.
    expect(html).toContain('60%<');
  });

  it('renders only a window of 10,000 trades, not all of them', () => {
    const html = render(many(10_000));
    const rows = html.match(/data-testid="trades-row"/g)?.length ?? 0;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);
    expect(html).toContain('aria-rowcount="10001"');
    expect(html).toContain('data-testid="trades-total-count" data-value="10000">10,000<');
  });

  it('says when nothing matches, and when more is loading', () => {
    expect(render([])).toContain('No trades match these filters.');
    expect(render([trade()], { loadingMore: true })).toContain('Loading more…');
    expect(render([], { loading: true })).toContain('Loading trades…');
  });

  it('shows a failed load with a retry', () => {
    const html = render([], { error: new Error('GET /api/logs answered 500') });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Try again');
  });

  it('links to analytics with the same filters', () => {
    const html = render([], { filters: { log: LOG_ID, symbol: 'SPX', sort: '-openedAt' } });
    expect(html).toContain(`href="/analytics?log=${LOG_ID}&amp;symbol=SPX"`);
  });
});
