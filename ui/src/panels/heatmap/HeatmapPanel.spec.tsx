import { heatmapSnapshot, makeTile, type HeatmapTile, type TileStrategy } from '@marketswarm/shared/models';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { HeatmapPanel, spotRowRule } from './HeatmapPanel';

const workspace = (symbol = 'SPX'): Workspace => testWorkspace(symbol);

function tile(strategy: TileStrategy, dte: number, width: number, strike: number, debit: number): HeatmapTile {
  const t = makeTile(strategy, dte, width, strike, debit, Date.UTC(2026, 0, 2, 21), 0.18);
  if (t === undefined) throw new Error('bad test tile');
  return t;
}

const render = (ws: Workspace): string =>
  renderToStaticMarkup(
    <WorkspaceContext.Provider value={ws}>
      <HeatmapPanel />
    </WorkspaceContext.Provider>,
  );

function withSnapshot(): Workspace {
  const ws = workspace();
  const tiles = [
    tile('butterfly-call', 0, 10, 5000, 3),
    tile('butterfly-call', 0, 10, 5010, 2.35),
    tile('butterfly-call', 0, 20, 5010, 6),
    tile('butterfly-call', 1, 10, 5020, 4),
    tile('single-call', 0, 0, 5010, 8),
  ];
  ws.stores.heatmap.apply(heatmapSnapshot('SPX', 1, Object.fromEntries(tiles.map((t) => [t.key, t]))));
  ws.stores.spot.set('SPX', { symbol: 'SPX', price: 5008.2, prevClose: 5000, ts: Date.UTC(2026, 0, 2, 15) });
  return ws;
}

describe('HeatmapPanel', () => {
  it('waits for the first snapshot', () => {
    const html = render(workspace());
    expect(html).toContain('data-testid="heatmap"');
    expect(html).toContain('waiting for the heatmap…');
    expect(html).not.toContain('role="grid"');
  });

  it('draws the nearest DTE of the butterfly calls: strikes descending, widths as columns', () => {
    const html = render(withSnapshot());
    expect(html).toContain('role="grid"');
    const strikes = [...html.matchAll(/role="row" data-strike="(\d+)"/g)].map((m) => Number(m[1]));
    expect(strikes).toEqual([5010, 5000]);
    const cells = [...html.matchAll(/data-tile="([^"]+)"/g)].map((m) => m[1]);
    expect(cells).toEqual(['butterfly-call:0:10:5010', 'butterfly-call:0:20:5010', 'butterfly-call:0:10:5000']);
    expect(html).toContain('>±10<');
    expect(html).toContain('>±20<');
    // The 5000 ±20 hole is not a button.
    expect(html.match(/hm-hole/g)).toHaveLength(1);
  });

  it('labels each cell with the trade and shows the debit', () => {
    const html = render(withSnapshot());
    expect(html).toContain('aria-label="SPX butterfly call 5010 ±10, 0DTE: debit 2.35, max profit 7.65, R/R 3.26"');
    expect(html).toContain('title="SPX butterfly call 5010 ±10, 0DTE: debit 2.35, max profit 7.65, R/R 3.26"');
    expect(html).toMatch(/data-tile="butterfly-call:0:10:5010"[^>]*>2\.35<\/button>/);
  });

  it('has one tab stop (roving tabindex) and marks the spot row', () => {
    const html = render(withSnapshot());
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html.match(/tabindex="-1"/g)).toHaveLength(2);
    expect(spotRowRule('s', [5010, 5000], 5008.2)).toBe('[data-hm-scope="s"] .hm-row[data-strike="5010"]{--hm-spot:1}');
    expect(spotRowRule('s', [], 5008.2)).toBe('');
    expect(html).toContain('5008.20');
  });

  it('offers the DTEs present and accessible controls', () => {
    const html = render(withSnapshot());
    expect(html).toContain('<option value="0" selected="">0DTE</option>');
    expect(html).toContain('<option value="1">1DTE</option>');
    expect(html).toContain('<legend class="hm-field-label">Strategy</legend>');
    expect(html).toMatch(/aria-pressed="true"[^>]*>butterfly</);
    expect(html).toMatch(/aria-pressed="true"[^>]*>Debit</);
  });
});
