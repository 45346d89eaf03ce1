import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentaryTabsView, type CommentaryTab } from './CommentaryTabs';

const render = (tab: CommentaryTab) =>
  renderToStaticMarkup(<CommentaryTabsView tab={tab} onTab={() => undefined} vexy={<p>vexy feed</p>} copilot={<p>copilot feed</p>} />);

describe(CommentaryTabsView.name, () => {
  it('shows vexy first and does not load the copilot until its tab is chosen', () => {
    const html = render('vexy');
    expect(html).toMatch(/role="tab" data-testid="commentary-tab-vexy" aria-selected="true"/);
    expect(html).toMatch(/role="tab" data-testid="commentary-tab-copilot" aria-selected="false"[^>]*tabindex="-1"/);
    expect(html).toContain('<p>vexy feed</p>');
    expect(html).not.toContain('copilot feed');
  });

  it('shows the copilot in its tab panel when chosen', () => {
    const html = render('copilot');
    expect(html).toMatch(/data-testid="commentary-tab-copilot" aria-selected="true"/);
    expect(html).toContain('<p>copilot feed</p>');
    expect(html).not.toContain('vexy feed');
  });
});
