import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PANEL_GUIDE } from './panel-guide';
import { TabbedLayout } from './TabbedLayout';
import { testWorkspace } from './testing/test-workspace';
import { WorkspaceContext } from './workspace-context';

const render = (active: Parameters<typeof TabbedLayout>[0]['active']) =>
  renderToStaticMarkup(
    <WorkspaceContext.Provider value={testWorkspace()}>
      <TabbedLayout active={active} onSelect={() => undefined} />
    </WorkspaceContext.Provider>,
  );

describe(TabbedLayout.name, () => {
  it('offers a tab per panel, one Tab stop on the selected tab', () => {
    const html = render('mode');
    expect(html).toContain('role="tablist" aria-label="Panels" data-testid="panel-tabs"');
    expect(html.match(/role="tab"/g)).toHaveLength(PANEL_GUIDE.length);
    expect(html).toMatch(/data-panel="mode" aria-selected="true" aria-controls="panel-tabpanel" tabindex="0">Mode</);
    expect(html).toMatch(/data-panel="heatmap" aria-selected="false" aria-controls="panel-tabpanel" tabindex="-1">Heatmap</);
  });

  it('shows the selected panel alone, in its titled frame', () => {
    const html = render('gex');
    expect(html.match(/<section class="ws-panel"/g)).toHaveLength(1);
    expect(html).toContain('<section class="ws-panel" id="panel-gex" aria-labelledby="gex-title" tabindex="-1"><h2 class="ws-panel-title" id="gex-title">GEX by strike</h2>');
    expect(html).toContain('role="tabpanel" aria-labelledby="tab-gex"');
  });
});
