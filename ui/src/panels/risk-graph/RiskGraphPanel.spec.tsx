import { makeTile, positionValue, type HeatmapTile } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER, DIVIDEND_YIELD, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { RiskGraphPanel } from './RiskGraphPanel';
import { LogTradeForm } from './LogTradeForm';
import { journalRiskActions } from './risk-actions';
import type { AlertDto, JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { formatMoney, roundCents } from './risk-scenario';

const NOW = Date.UTC(2026, 0, 2, 15);
const EXPIRY = Date.UTC(2026, 0, 2, 21);

const workspace = (symbol = 'SPX'): Workspace => testWorkspace(symbol);

const fly = (): HeatmapTile => {
  const t = makeTile('butterfly-call', 0, 10, 5000, 2.35, EXPIRY, 0.18);
  if (t === undefined) throw new Error('bad test tile');
  return t;
};

const render = (ws: Workspace, alerts?: AlertDto[]): string => {
  const client = new QueryClient();
  if (alerts !== undefined) client.setQueryData(['alerts', 'list'], alerts);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <WorkspaceContext.Provider value={ws}>
          <RiskGraphPanel />
        </WorkspaceContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
};

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
    expect(html).toContain('Click a heatmap tile, or build a position from a template, to try it.');
    expect(html).toContain('data-testid="rg-new-position"');
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

  it('shows max profit and max loss for the quantity', () => {
    const html = render(withFly());
    expect(html).toContain('+$1530.00'); // 2 × 7.65 × 100
    expect(html).toContain('−$470.00'); // 2 × 2.35 × 100
  });

  it('fits the price axis to the fly: about ±1.5 expected moves around spot, both breakevens inside', () => {
    const html = render(withFly(5000));
    const from = Number(html.match(/data-testid="risk-graph"[^>]*data-axis-from="([\d.]+)"/)?.[1]);
    const to = Number(html.match(/data-testid="risk-graph"[^>]*data-axis-to="([\d.]+)"/)?.[1]);
    // 18% IV, six hours left: one expected move is 5000 × 0.18 × √(6 / 8760) ≈ 23.6 points.
    expect(from).toBeLessThan(4992.35);
    expect(to).toBeGreaterThan(5007.65);
    expect(to - from).toBeGreaterThan(60);
    expect(to - from).toBeLessThan(100);
  });

  it('puts the sliders, greeks and positions in a side column beside the chart', () => {
    const html = render(withFly());
    expect(html).toMatch(/class="rg-layout"><div class="rg-main">.*<\/div><div class="rg-side">.*data-testid="rg-sliders".*data-testid="rg-pop".*data-testid="rg-positions".*data-testid="rg-greeks"/s);
  });

  it('has the labelled sliders: spot over the expected move in points, days to expiry, IV from the tile', () => {
    const html = render(withFly(5000));
    const input = (testId: string): string => html.match(new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? '';
    // ±3 expected moves (≈ 23.6 points each) in steps of 0.5 (the largest nice step under 23.6 / 30).
    expect(input('slider-spot')).toMatch(/type="range".*min="4929" max="5071" step="0.5".*value="5000"/);
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
    expect(html).toContain('aria-label="Remove what-if SPX butterfly call 5000 ±10, 0DTE"');
    expect(html).toContain('>Clear all</button>');
  });

  it('names two what-ifs of one tile apart in every control, the second as #2', () => {
    const ws = withFly();
    ws.whatIf.add('SPX', fly(), 1, NOW);
    const html = render(ws);
    const name = 'SPX butterfly call 5000 ±10, 0DTE';
    for (const label of ['Remove what-if', 'Edit legs of', 'Increase quantity of', 'Decrease quantity of', 'Save', 'Draw what-if']) {
      const first = `aria-label="${label} ${name}${label === 'Draw what-if' ? ' on the graph' : ''}"`;
      const second = `aria-label="${label} ${name} #2${label === 'Draw what-if' ? ' on the graph' : ''}"`;
      expect(html.split(first)).toHaveLength(2);
      expect(html.split(second)).toHaveLength(2);
    }
    const labels = [...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives the chance of profit and of touching each breakeven', () => {
    const html = render(withFly(5000));
    const pop = Number(html.match(/data-testid="rg-pop" data-value="([\d.]+)"/)?.[1]);
    // Profitable between the breakevens, 4992.35–5007.65: well under half of the lognormal mass with ±23.6-point moves.
    expect(pop).toBeGreaterThan(0.1);
    expect(pop).toBeLessThan(0.4);
    expect(html.match(/class="rg-touch"/g)).toHaveLength(2);
  });

  it('sums the greeks and lists them per leg in dollars', () => {
    const html = render(withFly(5000));
    const greeks = html.match(/<div class="rg-greeks" data-testid="rg-greeks">.*?<\/table>/s)?.[0] ?? '';
    expect(greeks).toContain('Δ $/pt');
    expect(greeks).toContain('Θ $/day');
    expect(greeks.match(/class="rg-greeks-leg"/g)).toHaveLength(3);
    expect(greeks).toMatch(/\+2\sC\s4990\s(<[^>]+>)?01-02/);
    expect(greeks).toMatch(/-4\sC\s5000\s(<[^>]+>)?01-02/);
  });

  it('offers chart and table views and T+n presets in hours for a 0DTE position', () => {
    const html = render(withFly(5000));
    expect(html).toMatch(/data-testid="rg-view-chart" aria-pressed="true"/);
    expect(html).toMatch(/data-testid="rg-view-table" aria-pressed="false"/);
    expect(html).toContain('aria-label="Add a curve at +1h"');
    expect(html).toContain('aria-label="Add a curve at close −30m"');
  });

  it('draws the trader’s price alerts on the symbol', () => {
    const alert: AlertDto = { id: 'a1', kind: 'price', symbol: 'SPX', level: 5012, direction: 'above', source: 'manual', sourceRef: null, label: null, behaviour: 'once', cooldownSec: null, enabled: true, createdAt: NOW, updatedAt: NOW, lastFiredAt: null, hitCount: 0 };
    const html = render(withFly(5000), [alert]);
    expect(html).toMatch(/data-testid="rg-alert-line" data-level="5012.00"/);
    expect(render(withFly(5000), [{ ...alert, symbol: 'NDX' }])).not.toContain('data-testid="rg-alert-line"');
  });

  it('lets the trader edit a what-if’s legs', () => {
    const html = render(withFly());
    expect(html).toMatch(/<button[^>]*data-testid="rg-edit-legs"[^>]*aria-label="Edit legs of SPX butterfly call 5000 ±10, 0DTE"/);
  });

  it('draws and saves an edited what-if by its own legs, named as edited', () => {
    const ws = withFly();
    const p = ws.whatIf.getPositions()[0];
    if (p === undefined) throw new Error('no what-if');
    ws.whatIf.setLegs(p.id, [
      { type: 'call', strike: 4990, expiry: EXPIRY, quantity: 1, entryPrice: 3 },
      { type: 'call', strike: 5000, expiry: EXPIRY, quantity: -1, entryPrice: 0 },
    ]);
    const html = render(ws);
    // A 10-wide call vertical for 3.00, two of them: breakeven 4993, max profit 2 × 7 × 100.
    expect(html).toContain('data-breakevens="4993.00"');
    expect(html).toContain('+$1400.00');
    expect(html).toContain('SPX butterfly call 5000 ±10, 0DTE (edited)');
    expect(html).toMatch(/<li[^>]*data-testid="whatif-position"[^>]*data-edited="true"/);
    expect(html).not.toContain('data-testid="whatif-order"');
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

  it('keeps every position’s whole name readable where a narrow column cuts it', () => {
    const html = render(withBook());
    expect(html).toMatch(/<span class="rg-position-name" title="Lunch fly">Lunch fly<\/span>/);
    expect(html).toContain('<a class="rg-position-name" title="long call ×1: open the trade in the journal" href="/trades/trade-1"');
    const fly = render(withFly());
    expect(fly).toContain('<span class="rg-position-name" title="SPX butterfly call 5000 ±10, 0DTE">');
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
