import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_COMMENTARY, type CommentaryFeedState } from '../../copilot/commentary-feed';
import { commentary, config, T0 } from '../../copilot/testing/commentary-fixture';
import { CommentaryView } from './CommentaryPanel';

const resolved = () => Promise.resolve();
const render = (state: Partial<CommentaryFeedState>) => renderToStaticMarkup(<CommentaryView state={{ ...EMPTY_COMMENTARY, ...state }} onAsk={resolved} onConfig={resolved} />);

describe(CommentaryView.name, () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0 + 10 * 60_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists commentary newest first with kind, severity, symbol, source and time', () => {
    const html = render({
      status: 'open',
      config: config(),
      items: [commentary('c', 9, { kind: 'on-demand', source: 'provider', symbol: 'SPX' }), commentary('b', 5, { kind: 'wall-cross', severity: 'warning' })],
    });
    expect([...html.matchAll(/data-testid="commentary-item" data-id="(\w)" data-kind="([\w-]+)" data-severity="(\w+)"/g)].map((m) => [m[1], m[2], m[3]])).toEqual([
      ['c', 'on-demand', 'info'],
      ['b', 'wall-cross', 'warning'],
    ]);
    expect(html).toContain('>Asked</span>');
    expect(html).toContain('<span class="vexy-symbol">SPX</span>');
    expect(html).toContain('<span class="commentary-source">AI</span>');
    expect(html).toContain('>1m</time>');
    expect(html).toContain('data-status="open">Live</span>');
  });

  it('renders the text as text, never as markup', () => {
    const html = render({ items: [commentary('x', 1, { text: '<img src=x onerror=alert(1)> **bold**' })] });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **bold**');
    expect(html).not.toContain('<img');
  });

  it('has an Ask box, and says how to start when there is nothing yet', () => {
    const html = render({ status: 'connecting' });
    expect(html).toContain('data-testid="commentary-ask"');
    expect(html).toMatch(/<button type="submit">Ask<\/button>/);
    expect(html).toContain('No commentary yet. Ask the copilot.');
    expect(html).not.toContain('data-testid="commentary-config"');
  });

  it("shows the user's config in the settings form once it is known", () => {
    const html = render({ status: 'open', config: config({ enabled: false, kinds: ['alert-fired'], maxPerMinute: 4 }) });
    expect(html).toContain('data-testid="commentary-config"');
    expect(html).toMatch(/<input type="checkbox" name="enabled"\/>/);
    expect([...html.matchAll(/name="kinds" (checked="" )?value="([\w-]+)"/g)].filter((m) => m[1] !== undefined).map((m) => m[2])).toEqual(['alert-fired']);
    expect(html).toContain('min="1" max="30" step="1" name="maxPerMinute" value="4"');
    expect(html).toContain('Commentary is off.');
  });

  it('cannot ask once the session is gone', () => {
    expect(render({ status: 'signed-out' })).toMatch(/<button type="submit" disabled="">Ask<\/button>/);
  });
});
