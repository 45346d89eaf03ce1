import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedStore } from '../../stores/feed-store';
import { vexyKey, type VexyItem } from '../../stores/workspace-stores';
import { VexyView } from './VexyPanel';

const NOW = Date.UTC(2026, 0, 5, 15, 30, 0);

// The view, fed from a FeedStore keyed as the workspace keys vexy.
function feed(...items: VexyItem[]): readonly VexyItem[] {
  const store = new FeedStore<VexyItem>(vexyKey);
  for (const item of items) store.add(item);
  return store.getItems();
}

describe(VexyView.name, () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a waiting state in the fixed-height list', () => {
    const html = renderToStaticMarkup(<VexyView items={[]} symbol="SPX" />);
    expect(html).toContain('data-testid="vexy"');
    expect(html).toContain('class="feed-list"');
    expect(html).toContain('Waiting for commentary');
  });

  it('lists commentary newest first with kind, symbol, time and seq', () => {
    const items = feed(
      { text: 'SPX tags 5000', kind: 'level', symbol: 'SPX', seq: 1, ts: NOW - 3 * 3_600_000 },
      { text: 'Quiet tape', seq: 2, ts: NOW - 12_000 },
    );
    const html = renderToStaticMarkup(<VexyView items={items} symbol="SPX" />);
    expect([...html.matchAll(/data-testid="vexy-item" data-seq="(\d+)"/g)].map((m) => m[1])).toEqual(['2', '1']);
    expect(html).toContain('<span class="vexy-kind" data-kind="level">level</span>');
    expect(html).toContain('<span class="vexy-kind" data-kind="note">note</span>');
    expect(html).toContain('<span class="vexy-symbol">SPX</span>');
    expect(html).toContain('>12s</time>');
    expect(html).toContain('>3h</time>');
  });

  it('renders text as text, never HTML', () => {
    const html = renderToStaticMarkup(<VexyView items={feed({ text: '<img src=x onerror=alert(1)> <b>bold</b>', ts: NOW })} symbol="SPX" />);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/data-seq=/);
  });
});

describe('vexyKey', () => {
  it('uses seq when present, else time and text', () => {
    expect(vexyKey({ text: 'a', seq: 4, ts: 1 })).toBe('seq:4');
    expect(vexyKey({ text: 'a', ts: 1 })).toBe('1:a');
  });
});
