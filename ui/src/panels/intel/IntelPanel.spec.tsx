import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedStore } from '../../stores/feed-store';
import type { IntelItem } from '../../stores/workspace-stores';
import { IntelView, watchedSymbols } from './IntelPanel';

const NOW = Date.UTC(2026, 0, 5, 15, 30, 0);

// IntelView is what the container hands its items to; a FeedStore still orders and dedups them.
class Ws {
  readonly intel = new FeedStore<IntelItem>((i) => i.id);
  constructor(readonly symbol = 'SPX') {}
}
const workspace = (symbol?: string): Ws => new Ws(symbol);

const render = (ws: Ws, watched: readonly string[] = []): string =>
  renderToStaticMarkup(<IntelView items={ws.intel.getItems()} watched={watchedSymbols(watched, [], ws.symbol)} symbol={ws.symbol} onTicker={() => undefined} />);

const intel = (over: Partial<IntelItem> & { id: string }): IntelItem => ({ title: `Title ${over.id}`, source: 'Reuters', tickers: [], ts: NOW, ...over });

describe(IntelView.name, () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('renders an empty, fixed-height list with a filter box', () => {
    const html = render(workspace());
    expect(html).toContain('data-testid="intel"');
    expect(html).toContain('data-testid="intel-filter"');
    expect(html).toContain('class="feed-list"');
    expect(html).toContain('Waiting for intel');
    expect(html).not.toContain('data-testid="intel-item"');
  });

  it('lists items newest first with id, seq, source and relative time', () => {
    const ws = workspace();
    ws.intel.add(intel({ id: 'a', seq: 1, ts: NOW - 5 * 60_000, source: 'Bloomberg' }));
    ws.intel.add(intel({ id: 'b', seq: 2, published: NOW - 12_000 }));
    ws.intel.add(intel({ id: 'c' }));
    const html = render(ws);
    const rows = [...html.matchAll(/data-testid="intel-item" data-id="([^"]+)"(?: data-seq="(\d+)")?/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['c', undefined],
      ['b', '2'],
      ['a', '1'],
    ]);
    expect(html).toContain('Bloomberg');
    expect(html).toMatch(/<time class="feed-time" dateTime="[^"]+" title="[^"]+">12s<\/time>/);
    expect(html).toContain('>5m</time>');
  });

  it('links titles only to http(s) and escapes everything else', () => {
    const ws = workspace();
    ws.intel.add(intel({ id: 'ok', title: 'Good', link: 'https://news.example.com/1' }));
    ws.intel.add(intel({ id: 'bad', title: '<img src=x onerror=alert(1)>', link: 'javascript:alert(1)' }));
    const html = render(ws);
    expect(html).toContain('<a class="intel-link" href="https://news.example.com/1" target="_blank" rel="noopener noreferrer nofollow">Good</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<span class="intel-link">&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(html).not.toContain('<img');
  });

  it('renders summaries without raw HTML when no DOM can sanitize them', () => {
    const ws = workspace();
    ws.intel.add(intel({ id: 's', summary: '<p>Rates <b>unchanged</b><script>alert(1)</script></p>' }));
    const html = render(ws);
    expect(html).toContain('Rates unchanged');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('intel-summary intel-summary-clamped');
  });

  it('makes chips of watched tickers buttons, the workspace symbol pressed', () => {
    const ws = workspace('SPX');
    ws.intel.add(intel({ id: 't', tickers: ['SPX', 'NDX', 'AAPL'] }));
    const html = render(ws, ['NDX']);
    expect(html).toMatch(/<button type="button" class="intel-chip intel-chip-action" aria-pressed="true"[^>]*>SPX<\/button>/);
    expect(html).toMatch(/<button type="button" class="intel-chip intel-chip-action" aria-pressed="false"[^>]*>NDX<\/button>/);
    expect(html).toContain('<span class="intel-chip">AAPL</span>');
  });

  it('badges sample items as sample data, for eyes and screen readers, and only them', () => {
    const ws = workspace();
    ws.intel.add(intel({ id: 'news', source: 'Reuters' }));
    ws.intel.add(intel({ id: 'sample:2026-01-05:about', source: 'MarketSwarm Sample Desk', sample: true, title: 'Sample <b>intel</b>' }));
    const html = render(ws);
    expect(html.match(/data-testid="intel-sample"/g)).toHaveLength(1);
    expect(html).toMatch(/data-id="sample:2026-01-05:about"[^>]*data-sample="true"/);
    expect(html).not.toMatch(/data-id="news"[^>]*data-sample/);
    expect(html).toContain('>Sample<span class="visually-hidden"> data, not news:</span></span>');
    // The title stays text, sanitized as every other.
    expect(html).toContain('Sample &lt;b&gt;intel&lt;/b&gt;');
  });
});

describe(watchedSymbols.name, () => {
  it('uses the watchlist, else the quoted symbols, and always the workspace symbol', () => {
    expect([...watchedSymbols(['NDX'], ['RUT'], 'SPX')].sort()).toEqual(['NDX', 'SPX']);
    expect([...watchedSymbols(undefined, ['RUT', 'NDX'], 'SPX')].sort()).toEqual(['NDX', 'RUT', 'SPX']);
    expect([...watchedSymbols(undefined, [], 'SPX')]).toEqual(['SPX']);
  });
});
