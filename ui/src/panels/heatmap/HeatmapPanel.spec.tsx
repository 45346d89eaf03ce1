import { heatmapSnapshot, type HeatmapTile } from '@marketswarm/shared/models';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { HeatmapPanel, spotRowRule } from './HeatmapPanel';
import { heatmapSelectionFor } from './heatmap-selection';
import { testTile as tile } from './testing/test-tile';

const render = (ws: Workspace): string =>
  renderToStaticMarkup(
    <WorkspaceContext.Provider value={ws}>
      <HeatmapPanel />
    </WorkspaceContext.Provider>,
  );

function withSnapshot(spot = 5008.2, extra: HeatmapTile[] = []): Workspace {
  const ws = testWorkspace('SPX');
  const tiles = [
    tile('butterfly-call', 0, 10, 5020, 1.5),
    tile('butterfly-call', 0, 10, 5010, 2.35),
    tile('butterfly-call', 0, 20, 5010, 6),
    tile('butterfly-call', 0, 10, 5000, 3),
    tile('butterfly-call', 1, 10, 5020, 4),
    tile('single-call', 0, 0, 5010, 8),
    tile('iron-fly', 0, 20, 5010, -14.2),
    tile('iron-fly', 0, 25, 5010, -16.4),
    ...extra,
  ];
  ws.stores.heatmap.apply(heatmapSnapshot('SPX', 1, Object.fromEntries(tiles.map((t) => [t.key, t]))));
  ws.stores.spot.set('SPX', { symbol: 'SPX', price: spot, prevClose: 5000, ts: Date.UTC(2026, 0, 2, 15) });
  return ws;
}

const cellKeys = (html: string): string[] => [...html.matchAll(/data-tile="([^"]+)"/g)].map((m) => m[1]!);

describe('HeatmapPanel', () => {
  it('waits for the first snapshot', () => {
    const html = render(testWorkspace('SPX'));
    expect(html).toContain('data-testid="heatmap"');
    expect(html).toContain('waiting for the heatmap…');
    expect(html).not.toContain('role="grid"');
  });

  it('says at once that VIX has no options, instead of waiting', () => {
    const html = render(testWorkspace('VIX'));
    expect(html).toContain('data-testid="no-options"');
    expect(html).toContain('VIX has no listed options here');
    expect(html).not.toContain('waiting for the heatmap');
  });

  it('draws the nearest DTE of the butterfly calls: strikes descending, widths as columns', () => {
    const html = render(withSnapshot());
    const strikes = [...html.matchAll(/role="row" data-strike="(\d+)"/g)].map((m) => Number(m[1]));
    expect(strikes).toEqual([5020, 5010, 5000]);
    expect(cellKeys(html)).toEqual(['butterfly-call:0:10:5020', 'butterfly-call:0:10:5010', 'butterfly-call:0:20:5010', 'butterfly-call:0:10:5000']);
    expect(html).toContain('>±10<');
    expect(html).toContain('>±20<');
    expect(html.match(/hm-hole/g)).toHaveLength(2);
  });

  it('scrolls the grid sideways inside its own box, and says what the colour toggle colours by', () => {
    const html = render(withSnapshot());
    expect(html).toContain('<div class="hm-scroll" data-scroll-x="true"');
    expect(html).toContain('<legend class="hm-field-label hm-field-label-shown">Colour</legend>');
    expect(html).toContain('title="Colour by reward/risk"');
  });

  it('names each cell by what pressing it does: the trade and its price', () => {
    const html = render(withSnapshot());
    expect(html).toContain('aria-label="Try butterfly call 5010 ±10, debit 2.35"');
    expect(html).toMatch(/data-tile="butterfly-call:0:10:5010"[^>]*>2\.35<\/button>/);
    const names = [...html.matchAll(/class="hm-btn[^"]*"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows the iron flies as credits, with the side toggle off', () => {
    const ws = withSnapshot();
    heatmapSelectionFor(ws.whatIf).set({ family: 'iron-fly' });
    const html = render(ws);
    expect(cellKeys(html)).toEqual(['iron-fly:0:20:5010', 'iron-fly:0:25:5010']);
    expect(html).toMatch(/data-tile="iron-fly:0:20:5010"[^>]*>cr 14\.20<\/button>/);
    expect(html).toContain('aria-label="Try iron fly 5010 ±20, credit 14.20"');
    expect(html).toMatch(/<fieldset class="hm-segmented" disabled=""[^>]*><legend class="hm-field-label">Side<\/legend>/);
    expect(html).toContain('data-testid="hm-legend"');
    expect(html).toContain('credit received');
  });

  it('puts the one tab stop on the cell at the money', () => {
    // Spot 5008.2: the 5010 row is nearest, its first cell the tab stop.
    const html = render(withSnapshot());
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/data-tile="butterfly-call:0:10:5010"[^>]*tabindex="0"/);
    const low = render(withSnapshot(4998));
    expect(low).toMatch(/data-tile="butterfly-call:0:10:5000"[^>]*tabindex="0"/);
    expect(spotRowRule('s', [5010, 5000], 5008.2)).toBe('[data-hm-scope="s"] .hm-row[data-strike="5010"]{--hm-spot:1}');
    expect(spotRowRule('s', [], 5008.2)).toBe('');
    expect(html).toContain('5008.20');
  });

  it('marks the tiles already in the risk graph, what-ifs and saved positions alike', () => {
    const ws = withSnapshot();
    ws.whatIf.add('SPX', ws.stores.heatmap.tile('SPX', 'butterfly-call:0:10:5010')!);
    ws.whatIf.setSaved([
      { id: 's1', name: 'fly', symbol: 'SPX', legs: [], quantity: 1, entryPrice: 3, source: { kind: 'tile', key: 'butterfly-call:0:10:5000' }, createdAt: 0, updatedAt: 0 },
    ]);
    const html = render(ws);
    const marked = [...html.matchAll(/data-in-risk="true"><button[^>]*data-tile="([^"]+)"/g)].map((m) => m[1]);
    expect(marked).toEqual(['butterfly-call:0:10:5010', 'butterfly-call:0:10:5000']);
    expect(html).toContain('aria-label="Try butterfly call 5010 ±10, debit 2.35, in the risk graph"');
    expect(html).toMatch(/class="hm-mark" aria-hidden="true">●<\/span>2\.35/);
  });

  it('keeps one tooltip for the grid, hidden until a cell is hovered or focused', () => {
    const html = render(withSnapshot());
    expect(html.match(/data-testid="hm-tooltip"/g)).toHaveLength(1);
    expect(html).toMatch(/role="tooltip" class="hm-tooltip" data-testid="hm-tooltip" hidden=""/);
    const id = /<div id="([^"]+)" role="tooltip"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html.match(new RegExp(`aria-describedby="${id}"`, 'g'))).toHaveLength(4);
  });

  it('follows the workspace’s selection: family, side and DTE', () => {
    const ws = withSnapshot();
    heatmapSelectionFor(ws.whatIf).set({ dte: 1 });
    const html = render(ws);
    expect(cellKeys(html)).toEqual(['butterfly-call:1:10:5020']);
    expect(html).toContain('<option value="1" selected="">1DTE</option>');
    expect(html).toContain('<legend class="hm-field-label">Strategy</legend>');
    expect(html).toMatch(/aria-pressed="true" title="butterfly">fly</);
    expect(html).toMatch(/aria-pressed="true"[^>]*>Price</);
  });
});
