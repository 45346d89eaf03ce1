import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GexPayloadLike } from './gex-geometry';
import { GexPanelView } from './GexPanel';

// GexPanel itself only reads the stores and hands them to GexPanelView.
const render = (gex: GexPayloadLike | undefined, livePrice?: number): string =>
  renderToStaticMarkup(<GexPanelView symbol="SPX" gex={gex} livePrice={livePrice} />);

function chain(): GexPayloadLike {
  const strikes = [];
  for (let s = 5800; s <= 6200; s += 5) strikes.push({ strike: s, call: 1e8 + s, put: -5e7 - s });
  return { symbol: 'SPX', spot: 6001, strikes, total: 1.2e9, callWall: 6050, putWall: 5950, flip: 5990 };
}

describe(GexPanelView.name, () => {
  it('says at once that VIX has no options (no waiting, no chart, no series toggles)', () => {
    const html = renderToStaticMarkup(<GexPanelView symbol="VIX" gex={undefined} livePrice={15.2} />);
    expect(html).toContain('data-testid="no-options"');
    expect(html).toContain('VIX has no listed options here: GEX is computed for SPX, NDX, RUT, SPY and QQQ.');
    expect(html).not.toContain('Waiting');
    expect(html).not.toContain('<button');
  });

  it('waits, rather than refusing, for SPY and QQQ, whose chains the producer now prices', () => {
    for (const symbol of ['SPY', 'QQQ']) {
      const html = renderToStaticMarkup(<GexPanelView symbol={symbol} gex={undefined} livePrice={undefined} />);
      expect(html).toContain(`Waiting for GEX of ${symbol}`);
      expect(html).not.toContain('no-options');
    }
  });

  it('shows an empty state until GEX arrives', () => {
    for (const html of [render(undefined), render({ symbol: 'SPX', strikes: [] })]) {
      expect(html).toContain('data-testid="gex"');
      expect(html).toContain('Waiting for GEX of SPX');
      expect(html).not.toContain('<svg');
    }
  });

  it('draws bars, the net line and the labelled levels', () => {
    const html = render(chain());
    expect(html).toContain('<svg');
    expect(html).toContain('Net 1.2B');
    // The 40 strikes nearest spot, one call and one put bar each.
    expect(html.match(/<rect /g)).toHaveLength(80);
    expect(html).toContain('class="gex-net"');
    expect(html).toContain('Spot 6,001');
    expect(html).toContain('Flip 5,990');
    expect(html).toContain('Call wall');
    expect(html).toContain('Put wall');
    expect(html).toContain('aria-label="GEX by strike for SPX, spot 6,001, call wall 6,050, put wall 5,950, gamma flip 5,990, net 1.2B"');
  });

  it('labels the x axis in compact units', () => {
    expect(render(chain())).toMatch(/>−?\d+(\.\d)?[KMB]<\/text>/);
  });

  it('follows the live spot over the snapshot spot', () => {
    const gex = { symbol: 'SPX', spot: 100, strikes: [100, 105, 110].map((strike) => ({ strike, call: 1e6, put: -1e6 })) };
    expect(render(gex, 107.5)).toContain('Spot 107.5');
    expect(render(gex)).toContain('Spot 100');
  });

  it('offers three pressed series toggles', () => {
    const html = render(undefined);
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(3);
    expect(html).toContain('>Calls</button>');
  });
});
