import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConnectionPulse } from './ConnectionPulse';
import { headerSymbols, SpotStrip } from './SpotStrip';
import { testWorkspace } from './testing/test-workspace';
import { WorkspaceContext } from './workspace-context';

function strip(selected: string) {
  const ws = testWorkspace(selected);
  ws.stores.spot.set('SPX', { symbol: 'SPX', price: 5012.5, prevClose: 5000, ts: 0 });
  ws.stores.spot.set('NDX', { symbol: 'NDX', price: 17950, prevClose: 18000, ts: 0 });
  ws.stores.spot.set('VIX', { symbol: 'VIX', price: 14.2, prevClose: undefined, ts: 0 });
  return { ws, html: renderToStaticMarkup(<WorkspaceContext.Provider value={ws}>{<SpotStrip />}</WorkspaceContext.Provider>) };
}

describe(SpotStrip.name, () => {
  it('is one Tab stop: only the selected chip is in the tab order, the others are reached with the arrows', () => {
    const { html } = strip('SPX');
    expect(html).toContain('role="toolbar" aria-label="Watched symbols"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html.match(/tabindex="-1"/g)).toHaveLength(2);
    expect(html).toMatch(/aria-pressed="true" tabindex="0" data-testid="spot-SPX"/);
  });

  it('shows change and percent from the previous close, and nothing made up without one', () => {
    const { html } = strip('SPX');
    expect(html).toContain('<span class="spot-change mono">+12.50 (+0.25%)</span>');
    expect(html).toContain('<span class="spot-change mono">−50.00 (−0.28%)</span>');
    expect(html).toMatch(/data-testid="spot-VIX"[^>]*><span class="spot-symbol">VIX<\/span><span class="spot-price mono">14.20<\/span><\/button>/);
  });

  it('orders the chips the way the 1–6 shortcuts count them', () => {
    const { ws, html } = strip('NDX');
    expect(headerSymbols(ws.stores.spot.getAll())).toEqual(['NDX', 'SPX', 'VIX']);
    expect(html.indexOf('spot-NDX')).toBeLessThan(html.indexOf('spot-SPX'));
  });
});

describe(ConnectionPulse.name, () => {
  it('keeps the protocol detail out of the header text, in the tooltip and the description', () => {
    const ws = testWorkspace();
    const html = renderToStaticMarkup(<ConnectionPulse hub={ws.hub} />);
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(/title="Connection: unknown protocol · 0 streams"/);
    expect(html).toContain(`<span id="${describedBy}" class="visually-hidden" data-testid="transport"`);
    expect(html).not.toContain('pulse-transport');
  });
});
