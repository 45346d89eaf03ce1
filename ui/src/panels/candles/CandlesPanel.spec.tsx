import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceContext, type Workspace } from '../../workspace/workspace-context';
import { testWorkspace } from '../../workspace/testing/test-workspace';
import { CandlesPanel } from './CandlesPanel';

const workspace = (symbol = 'SPX'): Workspace => testWorkspace(symbol);

function render(ws: Workspace): string {
  const client = new QueryClient();
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <WorkspaceContext.Provider value={ws}>
        <CandlesPanel />
      </WorkspaceContext.Provider>
    </QueryClientProvider>,
  );
}

describe(CandlesPanel.name, () => {
  it('renders the panel with the chart placeholder in the chart box until the chart chunk loads', () => {
    const html = render(workspace('NDX'));
    expect(html).toContain('data-testid="candles"');
    expect(html).toContain('NDX');
    expect(html).toContain('class="candles-canvas candles-placeholder"');
    expect(html).toContain('Loading history');
  });

  it('offers the four intervals with 1m selected', () => {
    const html = render(workspace());
    expect(html.match(/class="candles-interval"/g)).toHaveLength(4);
    expect(html).toContain('aria-pressed="true">1m</button>');
    expect(html).toContain('aria-pressed="false">1h</button>');
  });

  it('has an empty chart-level alert status and no offer until the chart is clicked', () => {
    const html = render(workspace());
    expect(html).toContain('data-testid="chart-level-alert-status"');
    expect(html).not.toContain('data-testid="chart-level-alert"');
  });
});
