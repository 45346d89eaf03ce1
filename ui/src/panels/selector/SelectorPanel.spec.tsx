import { heatmapSnapshot, type HeatmapTile } from '@marketswarm/shared/models';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { heatmapSelectionFor } from '../heatmap/heatmap-selection';
import { testTile } from '../heatmap/testing/test-tile';
import { formatRewardRisk, ideaName, ideaWhy, SelectorPanel } from './SelectorPanel';

const render = (ws: Workspace): string =>
  renderToStaticMarkup(
    <WorkspaceContext.Provider value={ws}>
      <SelectorPanel />
    </WorkspaceContext.Provider>,
  );

function workspace(tiles: HeatmapTile[] = [], spot: number | undefined = 5004): Workspace {
  const ws = testWorkspace('SPX');
  if (tiles.length > 0) ws.stores.heatmap.apply(heatmapSnapshot('SPX', 1, Object.fromEntries(tiles.map((t) => [t.key, t]))));
  if (spot !== undefined) ws.stores.spot.set('SPX', { symbol: 'SPX', price: spot, prevClose: 5000, ts: 0 });
  return ws;
}

const tiles = [
  testTile('butterfly-call', 0, 10, 5005, 2.4),
  testTile('butterfly-put', 0, 10, 5005, 2.3),
  testTile('butterfly-call', 0, 10, 5015, 1.6),
  testTile('butterfly-call', 1, 10, 5005, 3.2),
  testTile('iron-fly', 0, 10, 5005, -7.6),
];

const rows = (html: string): string[] => [...html.matchAll(/data-testid="selector-idea" data-tile="([^"]+)"/g)].map((m) => m[1]!);

describe('SelectorPanel', () => {
  it('says at once that VIX has no options', () => {
    const html = render(testWorkspace('VIX'));
    expect(html).toContain('data-testid="no-options"');
    expect(html).toContain('VIX has no listed options here, so there are no trade ideas for it.');
    expect(html).not.toContain('Waiting for ideas');
  });

  it('waits while neither the heatmap nor the ideas feed has anything', () => {
    expect(render(workspace())).toContain('Waiting for ideas for SPX…');
  });

  it('ranks the heatmap’s tiles for the picked family and DTE, one idea per trade', () => {
    const html = render(workspace(tiles));
    expect(html).toContain('data-source="heatmap"');
    expect(html).toContain('>butterfly · 0DTE<');
    const listed = rows(html);
    // The call and the put fly at 5005 ±10 are one trade: listed once.
    expect(listed.filter((k) => k.endsWith(':0:10:5005'))).toHaveLength(1);
    expect(listed).toContain('butterfly-call:0:10:5015');
    expect(listed.every((k) => k.startsWith('butterfly-') && k.includes(':0:'))).toBe(true);
  });

  it('follows the heatmap when the trader picks the iron fly and 1DTE', () => {
    const ws = workspace(tiles);
    heatmapSelectionFor(ws.whatIf).set({ family: 'iron-fly' });
    expect(rows(render(ws))).toEqual(['iron-fly:0:10:5005']);
    heatmapSelectionFor(ws.whatIf).set({ family: 'butterfly', dte: 1 });
    expect(rows(render(ws))).toEqual(['butterfly-call:1:10:5005']);
  });

  it('gives each Try a distinct name and explains the score in words', () => {
    const html = render(workspace(tiles));
    expect(html).toContain('aria-label="Try butterfly call 5015 ±10"');
    const names = [...html.matchAll(/class="selector-try"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(html).toMatch(/data-testid="idea-why"[^>]*>#1 [^<]+: Risk [\d.]+ to make [\d.]+ \(reward\/risk [\d.]+ : 1\)/);
  });

  it('puts the why after the list, whole in its title, and the Try status in the header', () => {
    const html = render(workspace(tiles));
    expect(html.indexOf('data-testid="idea-why"')).toBeGreaterThan(html.indexOf('</table>'));
    expect(html).toMatch(/data-testid="idea-why" data-tile="[^"]+" title="#1 [^"]+: Risk /);
    expect(html).toMatch(/<header class="panel-header selector-header">.*role="status".*<\/header>/);
  });

  it('shows a credit with cr in the price column', () => {
    const ws = workspace(tiles);
    heatmapSelectionFor(ws.whatIf).set({ family: 'iron-fly' });
    expect(render(ws)).toContain('>cr 7.60</td>');
  });

  it('falls back to the ideas feed while the heatmap is empty, one idea per fly trade', () => {
    const ws = workspace();
    ws.stores.selector.set('SPX', {
      symbol: 'SPX',
      seq: 1,
      ideas: [
        { tile: 'butterfly-put:0:10:5005', score: 0.9 },
        { tile: 'butterfly-call:0:10:5005', score: 0.8 },
        { tile: 'vertical-put:1:10:5000', score: 0.4 },
      ],
    });
    const html = render(ws);
    expect(html).toContain('data-source="producer"');
    expect(rows(html)).toEqual(['butterfly-put:0:10:5005', 'vertical-put:1:10:5000']);
    expect(html).toContain('aria-label="Try butterfly put 5005 ±10 · 0DTE"');
    expect(html).toMatch(/<button type="button" class="selector-try" disabled=""/);
  });
});

describe(ideaWhy.name, () => {
  it('says why a row has no explanation of its own yet', () => {
    expect(ideaWhy({ tile: undefined }, 5004)).toContain('the heatmap has not priced this trade yet');
    expect(ideaWhy({ tile: tiles[0] }, undefined)).toBe('Waiting for the spot price to score it.');
  });
});

describe(ideaName.name, () => {
  it('names a row by its tile, else by its key spelled out, else by the key', () => {
    expect(ideaName({ key: 'x', tile: tiles[0] })).toBe('butterfly call 5005 ±10');
    expect(ideaName({ key: 'vertical-put:1:10:5000', tile: undefined })).toBe('vertical put 5000/4990 · 1DTE');
    expect(ideaName({ key: 'mystery', tile: undefined })).toBe('mystery');
  });

  it('reads ∞ for an unbounded reward', () => {
    expect(formatRewardRisk(null)).toBe('∞');
    expect(formatRewardRisk(1.5)).toBe('1.50');
  });
});
