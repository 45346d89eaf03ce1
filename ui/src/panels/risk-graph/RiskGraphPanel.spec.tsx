import { makeTile, positionValue, type HeatmapTile } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER, DIVIDEND_YIELD, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { RiskGraphPanel } from './RiskGraphPanel';
import { LogTradeForm } from './LogTradeForm';
import { journalRiskActions } from './risk-actions';
import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { formatMoney, roundCents } from './risk-scenario';

const NOW = Date.UTC(2026, 0, 2, 15);
const EXPIRY = Date.UTC(2026, 0, 2, 21);

const workspace = (symbol = 'SPX'): Workspace => testWorkspace(symbol);

const fly = (): HeatmapTile => {
  const t = makeTile('butterfly-call', 0, 10, 5000, 2.35, EXPIRY, 0.18);
  if (t === undefined) throw new Error('bad test tile');
  return t;
};

const render = (ws: Workspace): string =>
  renderToStaticMarkup(
    <MemoryRouter>
      <WorkspaceContext.Provider value={ws}>
        <RiskGraphPanel />
      </WorkspaceContext.Provider>
    </MemoryRouter>,
  );

function withFly(spot = 5003.5): Workspace {
  const ws = workspace();
  ws.whatIf.add('SPX', fly(), 2, NOW);
  ws.whatIf.add('NDX', { ...fly(), key: 'single-call:0:0:18000', strategy: 'single-call', strike: 18000, width: 0, maxProfit: null, rewardRisk: null }, 1, NOW);
  ws.stores.spot.set('SPX', { symbol: 'SPX', price: spot, prevClose: 5000, ts: NOW });
  return ws;
}

describe('RiskGraphPanel', () => {
  it('invites a tile click while there are no positions', () => {
    const html = render(workspace());
    expect(html).toContain('data-testid="risk-graph"');
    expect(html).toContain('Click a heatmap tile to try a position.');
    expect(html).not.toContain('<svg');
  });

  it('publishes the breakevens and P&L today at the what-if spot (following live spot)', () => {
    const html = render(withFly());
    expect(html).toContain('data-breakevens="4992.35,5007.65"');
    // Independently of the panel's glue: the 2-lot fly's legs valued with the shared Black–Scholes at
    // the quote's time and the tile's IV (debit on the first long leg).
    const legs = [
      { type: 'call' as const, strike: 4990, expiry: EXPIRY, quantity: 2, entryPrice: 2.35 },
      { type: 'call' as const, strike: 5000, expiry: EXPIRY, quantity: -4, entryPrice: 0 },
      { type: 'call' as const, strike: 5010, expiry: EXPIRY, quantity: 2, entryPrice: 0 },
    ];
    const pnl = positionValue(legs, 5003.5, { now: NOW, rate: RISK_FREE_RATE, dividendYield: DIVIDEND_YIELD, vol: 0.18 }, CONTRACT_MULTIPLIER);
    expect(pnl).toBeGreaterThan(-470);
    expect(pnl).toBeLessThan(1530);
    expect(html).toContain(`data-value="${roundCents(pnl)}"`);
    expect(html).toMatch(new RegExp(`data-testid="risk-pnl-today"[^>]*>${formatMoney(pnl).replace(/[$+]/g, '\\$&')}</dd>`));
  });

  it('shows max profit, max loss for the quantity, and draws both lines with markers', () => {
    const html = render(withFly());
    expect(html).toContain('+$1530.00'); // 2 × 7.65 × 100
    expect(html).toContain('−$470.00'); // 2 × 2.35 × 100
    expect(html).toContain('class="rg-expiry"');
    expect(html).toContain('class="rg-today"');
    expect(html.match(/class="rg-breakeven"/g)).toHaveLength(2);
    expect(html).toContain('what-if 5003.50');
    expect(html).toContain('spot 5003.50');
  });

  it('has the labelled sliders: spot ± 5%, days to expiry, IV from the tile', () => {
    const html = render(withFly(5000));
    const input = (testId: string): string => html.match(new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? '';
    expect(input('slider-spot')).toMatch(/type="range".*min="4750" max="5250" step="0.25".*value="5000"/);
    expect(input('slider-days')).toMatch(/min="0" max="0.25" step="0.01".*value="0"/);
    expect(input('slider-iv')).toMatch(/min="5" max="100" step="0.5".*value="18"/);
    expect(html).toMatch(/<label for="([^"]+)-spot">What-if spot<\/label>/);
    expect(html).toContain('aria-pressed="true"');
  });

  it('lists only the symbol’s positions, with quantity and remove controls', () => {
    const html = render(withFly());
    expect(html.match(/data-testid="whatif-position"/g)).toHaveLength(1);
    expect(html).toContain('data-quantity="2"');
    expect(html).toContain('aria-label="Increase quantity of SPX butterfly call 5000 ±10, 0DTE"');
    expect(html).toContain('aria-label="Remove SPX butterfly call 5000 ±10, 0DTE"');
    expect(html).toContain('>Clear all</button>');
  });

  it('marks each breakeven with a button that sets a price alert there', () => {
    const html = render(withFly());
    const buttons = html.match(/<button[^>]*data-testid="breakeven-alert"[^>]*>/g) ?? [];
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toContain('data-level="4992.35"');
    expect(buttons[1]).toContain('data-level="5007.65"');
    expect(buttons[0]).toContain('aria-label="Alert me when the price reaches the breakeven 4992.35"');
  });
});

const openTrade: JournalPosition = {
  id: 'trade-1',
  logId: 'log-1',
  symbol: 'SPX',
  strategy: 'long call',
  side: 'long',
  quantity: 1,
  openedAt: NOW,
  legs: [{ kind: 'option', symbol: 'SPXW  260102C05000000', expiry: '2026-01-02', strike: 5000, right: 'C', side: 'buy', quantity: 1, openPrice: 12.5, multiplier: 100 }],
};

const savedFly: SavedPositionDto = {
  id: 'saved-1',
  name: 'Lunch fly',
  symbol: 'SPX',
  legs: [
    { expiry: '2026-01-02', strike: 4990, right: 'call', ratio: 1 },
    { expiry: '2026-01-02', strike: 5000, right: 'call', ratio: -2 },
    { expiry: '2026-01-02', strike: 5010, right: 'call', ratio: 1 },
  ],
  quantity: 1,
  entryPrice: 2.35,
  createdAt: NOW,
  updatedAt: NOW,
};

describe('RiskGraphPanel with the journal’s positions', () => {
  function withBook(): Workspace {
    const ws = workspace();
    ws.whatIf.setOpen([openTrade, { ...openTrade, id: 'trade-ndx', symbol: 'NDX' }]);
    ws.whatIf.setSaved([savedFly]);
    ws.stores.spot.set('SPX', { symbol: 'SPX', price: 5000, prevClose: 5000, ts: NOW });
    return ws;
  }

  it('draws the open trade and the saved position each in its own style, and the book’s total', () => {
    const html = render(withBook());
    expect(html).toContain('class="rg-line rg-line-open"');
    expect(html).toContain('class="rg-line rg-line-saved"');
    expect(html).toContain('data-position="open:trade-1"');
    expect(html).not.toContain('trade-ndx');
    // Long 5000 call for 12.50 plus the 2.35 fly at 5000: −1250 + 765 at expiry.
    expect(html).toContain('−$485.00');
  });

  it('lists the saved position with its id, name and actions for e2e', () => {
    const html = render(withBook());
    expect(html).toMatch(/<li[^>]*data-testid="saved-position"[^>]*data-position-id="saved-1"/);
    expect(html).toContain('Lunch fly');
    expect(html).toContain('data-testid="saved-position-log"');
    expect(html).toMatch(/<li[^>]*data-testid="open-position"[^>]*data-position-id="trade-1"/);
    expect(html).toContain('href="/trades/trade-1"');
  });

  it('stops drawing a position the trader switched off, and keeps listing it', () => {
    const ws = withBook();
    ws.whatIf.setVisible('open:trade-1', false);
    ws.whatIf.setVisible('saved:saved-1', false);
    const html = render(ws);
    expect(html).toContain('Nothing to draw: switch a position on to see its risk.');
    expect(html).not.toContain('<svg');
    expect(html).toContain('data-position-id="saved-1"');
    expect(html).not.toMatch(/data-testid="risk-visible"[^>]*checked=""/);
  });

  it('offers Save on a what-if', () => {
    const ws = withFly();
    expect(render(ws)).toMatch(/<button[^>]*data-testid="risk-save"[^>]*>Save<\/button>/);
  });

  it('links each what-if to an order form prefilled from its tile and symbol', () => {
    const link = render(withFly()).match(/<a [^>]*data-testid="whatif-order"[^>]*>Order…<\/a>/g) ?? [];
    // Only the SPX what-if is listed; the tile key's colons are escaped in the query.
    expect(link).toHaveLength(1);
    expect(link[0]).toContain('href="/orders?tile=butterfly-call%3A0%3A10%3A5000&amp;symbol=SPX"');
  });

  it('links each saved position to an order form prefilled from it', () => {
    const html = render(withBook());
    const link = html.match(/<a [^>]*data-testid="saved-position-order"[^>]*>Order…<\/a>/g) ?? [];
    expect(link).toHaveLength(1);
    expect(link[0]).toContain('href="/orders?position=saved-1"');
  });
});

describe('LogTradeForm', () => {
  it('starts each leg at its live mid, blank where the heatmap has none', () => {
    const html = renderToStaticMarkup(<LogTradeForm position={savedFly} mids={[12.4, undefined, 4.1]} onSubmit={() => Promise.reject(new Error('not submitted'))} onClose={() => undefined} />);
    const prices = html.match(/<input[^>]*data-testid="log-trade-price"[^>]*>/g) ?? [];
    expect(prices).toHaveLength(3);
    expect(prices[0]).toContain('value="12.4"');
    expect(prices[1]).toContain('value=""');
    expect(prices[1]).toContain('placeholder="live mid"');
    expect(html).toContain('data-testid="log-trade-submit"');
    expect(html).toContain('+1 2026-01-02 4990 call');
  });

  it('links the trade it created', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <LogTradeForm position={savedFly} mids={[]} onSubmit={() => Promise.reject(new Error('not submitted'))} onClose={() => undefined} initialTrade={{ tradeId: 'abc12345-trade' }} />
      </MemoryRouter>,
    );
    const link = html.match(/<a [^>]*data-testid="logged-trade-link"[^>]*>/)?.[0] ?? '';
    expect(link).toContain('href="/trades/abc12345-trade"');
  });
});

describe('journalRiskActions', () => {
  it('refuses to save a what-if without a name, before asking the journal', async () => {
    const ws = withFly();
    const p = ws.whatIf.getPositions()[0];
    if (p === undefined) throw new Error('no what-if');
    const outcome = await journalRiskActions(ws.whatIf).save(p, '   ');
    expect(outcome).toEqual({ ok: false, fields: { name: 'must not be empty' }, message: 'Check the name.' });
    expect(ws.whatIf.getPositions()).toHaveLength(2);
  });
});
