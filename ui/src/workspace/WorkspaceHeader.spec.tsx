import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { UserDto } from '@marketswarm/shared/dto';
import type { LayoutMode } from './layout-mode';
import { testWorkspace } from './testing/test-workspace';
import { WorkspaceContext } from './workspace-context';
import { WorkspaceHeader } from './WorkspaceHeader';

const user: UserDto = { id: 'u1', email: 'ann@example.com', role: 'trader', displayName: 'Ann Lee', timezone: 'America/New_York', preferences: {}, createdAt: '2024-01-02T03:04:05.000Z' };

function header(mode: LayoutMode) {
  const ws = testWorkspace('SPX');
  ws.stores.spot.set('SPX', { symbol: 'SPX', price: 5012.5, prevClose: 5000, ts: 0 });
  ws.stores.spot.set('VIX', { symbol: 'VIX', price: 14.2, prevClose: 14, ts: 0 });
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={['/']}>
        <WorkspaceContext.Provider value={ws}>
          <WorkspaceHeader user={user} hub={ws.hub} symbol="SPX" mode={mode} onShortcuts={() => undefined} />
        </WorkspaceContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to));

describe(WorkspaceHeader.name, () => {
  it('puts the symbols on a ticker bar of their own, with the mode and the pulse, below the top bar', () => {
    const html = header('grid');
    const top = between(html, 'class="header-bar"', 'data-testid="ticker-bar"');
    const ticker = html.slice(html.indexOf('data-testid="ticker-bar"'));
    expect(top).toContain('data-testid="app-nav-menu"');
    expect(top).not.toContain('data-testid="spot-');
    expect(ticker).toContain('data-testid="spot-SPX"');
    expect(ticker).toContain('data-testid="spot-VIX"');
    expect(ticker).toContain('data-testid="pulse"');
  });

  it('shows the shortcuts, the trader’s name and sign-out in the top bar of a wide screen', () => {
    const html = header('grid');
    expect(html).toContain('aria-label="Keyboard shortcuts"');
    expect(html).toMatch(/<a [^>]*data-testid="user-name"[^>]*>Ann Lee<\/a>/);
    expect(html).toContain('data-testid="signout"');
    expect(html).not.toContain('data-testid="user-menu"');
  });

  it('folds the tools and the account into the trader’s menu on a phone, closed until pressed', () => {
    const html = header('tabs');
    expect(html).toContain('data-testid="user-menu"');
    expect(html).toMatch(/data-testid="user-menu-button" aria-expanded="false"[^>]*><span class="user-menu-name">Ann Lee<\/span><span class="visually-hidden">: model integrity, export, shortcuts, settings and sign-out<\/span>/);
    expect(html).not.toContain('data-testid="user-menu-popup"');
    expect(html).not.toContain('data-testid="signout"');
    expect(html).not.toContain('aria-label="Keyboard shortcuts"');
    // The symbols stay on the phone, on their own sideways-scrolling row.
    expect(html).toMatch(/class="spot-strip" role="toolbar" aria-label="Watched symbols" data-testid="symbol-strip" data-scroll-x="true"/);
  });
});
