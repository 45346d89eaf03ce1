import type { HeatmapTile } from '@marketswarm/shared/models';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SelectorIdea } from './rank-ideas';
import { formatRewardRisk, IdeaRowView, SelectorView } from './SelectorPanel';

// The view and row the container hands the ideas and tiles to.
const fly: HeatmapTile = {
  key: 'butterfly-call:0:10:5010',
  strategy: 'butterfly-call',
  dte: 0,
  expiry: Date.UTC(2026, 0, 5, 21),
  width: 10,
  strike: 5010,
  debit: 2.35,
  maxProfit: 7.65,
  maxLoss: 2.35,
  rewardRisk: 3.2553,
};

const noop = () => undefined;

function render(ideas: readonly SelectorIdea[] | undefined, tiles: Record<string, HeatmapTile> = {}): string {
  return renderToStaticMarkup(
    <SelectorView
      symbol="SPX"
      ideas={ideas}
      renderRow={(idea, rank) => <IdeaRowView key={idea.tile} idea={idea} rank={rank} tile={tiles[idea.tile]} onTry={noop} />}
    />,
  );
}

describe(SelectorView.name, () => {
  it('waits for ideas, then says when there are none', () => {
    expect(render(undefined)).toContain('Waiting for ideas for SPX');
    expect(render([])).toContain('No ideas for SPX right now.');
    expect(render([])).toContain('data-testid="selector"');
  });

  it('ranks ideas by score and decodes their tiles', () => {
    const html = render([
      { tile: 'vertical-put:1:10:5000', score: 0.4 },
      { tile: 'butterfly-call:0:10:5010', score: 0.91 },
    ]);
    const rows = [...html.matchAll(/data-testid="selector-idea" data-tile="([^"]+)" data-rank="(\d)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['butterfly-call:0:10:5010', '1'],
      ['vertical-put:1:10:5000', '2'],
    ]);
    expect(html).toContain('Butterfly call 5010 ±10 · 0DTE');
    expect(html).toContain('Vertical put 5000/4990 · 1DTE');
    expect(html).toContain('>0.91</td>');
  });

  it('shows an undecodable key as it is', () => {
    expect(render([{ tile: 'mystery<b>', score: 1 }])).toContain('>mystery&lt;b&gt;</th>');
  });
});

describe(IdeaRowView.name, () => {
  it('shows debit and R/R and enables Try when the heatmap holds the tile', () => {
    const html = render([{ tile: fly.key, score: 1 }], { [fly.key]: fly });
    expect(html).toContain('data-known="true"');
    expect(html).toContain('>2.35</td>');
    expect(html).toContain('>3.26</td>');
    expect(html).toContain('title="$235 per lot"');
    expect(html).toMatch(/<button type="button" class="selector-try" aria-describedby="[^"]+" title="Add Butterfly call 5010 ±10 · 0DTE to the what-if positions">Try<\/button>/);
  });

  it('disables Try and shows dashes for a tile the heatmap does not hold', () => {
    const html = render([{ tile: fly.key, score: 1 }]);
    expect(html).toContain('data-known="false"');
    expect(html).toMatch(/<button type="button" class="selector-try" disabled=""[^>]*>Try<\/button>/);
    expect(html.match(/>—<\/td>/g)).toHaveLength(2);
  });

  it('reads ∞ for an unbounded reward', () => {
    expect(formatRewardRisk(null)).toBe('∞');
    expect(formatRewardRisk(1.5)).toBe('1.50');
  });
});
