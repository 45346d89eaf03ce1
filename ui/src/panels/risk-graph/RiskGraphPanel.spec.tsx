import { makeTile, positionValue, type HeatmapTile } from '@marketswarm/shared/models';
import { CONTRACT_MULTIPLIER, DIVIDEND_YIELD, RISK_FREE_RATE } from '@marketswarm/shared/pricing';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { RiskGraphPanel } from './RiskGraphPanel';
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
    <WorkspaceContext.Provider value={ws}>
      <RiskGraphPanel />
    </WorkspaceContext.Provider>,
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
});
