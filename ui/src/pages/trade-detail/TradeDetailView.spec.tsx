import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { TradeDto } from '@marketswarm/shared/dto';
import { trade } from '../../journal-api/testing/journal-fixtures';
import { IDLE, MarketAtEntryPanel, TradeDetailView } from './TradeDetailView';

const render = (t: TradeDto, playbook?: string) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <TradeDetailView trade={t} logName="Main" timeZone="America/New_York" chart={<div data-testid="trade-chart" />} onSaveNotes={() => undefined} notesState={IDLE} onClose={() => undefined} closeState={IDLE} playbook={playbook} />
    </MemoryRouter>,
  );

describe(TradeDetailView.name, () => {
  it('lists each leg with its prices and fills', () => {
    const html = render(trade());
    expect(html).toContain('data-testid="trade-legs"');
    expect(html.match(/data-testid="trade-leg"/g)).toHaveLength(2);
    expect(html).toContain('SPXW 261201P05900000');
    expect(html).toContain('aaaaaaaa × 1');
  });

  it('shows result, risk and R', () => {
    const html = render(trade());
    expect(html).toContain('data-testid="trade-net" data-value="182.4"');
    expect(html).toContain('$315.00');
    expect(html).toContain('+0.58R');
    expect(render(trade({ risk: null, r: null }))).toContain('needs a risk');
  });

  it('offers the close form only while the trade is open', () => {
    expect(render(trade())).not.toContain('trade-close-form');
    const open = render(trade({ status: 'open', closedAt: null }));
    expect(open).toContain('data-testid="trade-close-form"');
    expect(open).toContain('Buy SPXW 261201P05900000');
    expect(open).toContain('Sell SPXW 261201P05895000');
  });

  it('draws the playbook slot only when given one', () => {
    expect(render(trade())).not.toContain('trade-playbook-slot');
    expect(render(trade(), 'checklist')).toContain('data-testid="trade-playbook-slot"');
  });

  it('holds the notes and tags for editing', () => {
    const html = render(trade());
    expect(html).toContain('Faded the open.</textarea>');
    expect(html).toContain('value="FOMC"');
  });
});

describe(MarketAtEntryPanel.name, () => {
  const render = (market: TradeDto['marketAtEntry']) => renderToStaticMarkup(<MarketAtEntryPanel market={market} timeZone="America/New_York" />);

  it('shows spot, VIX, GEX regime and mode when recorded', () => {
    const html = render(trade().marketAtEntry);
    expect(html).toContain('data-testid="market-at-entry" data-status="recorded"');
    for (const text of ['5,921.5', '14.2', 'positive', '5,900', 'compression']) expect(html).toContain(text);
  });

  it('says not recorded when the trade has no stamp, or why it has none', () => {
    expect(render(null)).toContain('not recorded');
    expect(render({ status: 'unavailable', reason: 'before-retention' })).toContain('not recorded (opened before the oldest market data kept)');
    expect(render({ status: 'recorded', at: 0, spot: null, vix: null, gexRegime: null, gexFlip: null, mode: null }).match(/not recorded/g)).toHaveLength(5);
  });
});
