import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppNav } from './AppNav';
import { NotFoundPage } from './NotFoundPage';

const at = (path: string, node: React.ReactNode) => renderToStaticMarkup(<MemoryRouter initialEntries={[path]}>{node}</MemoryRouter>);

describe(AppNav.name, () => {
  it('marks the current page and labels the landmark', () => {
    const html = at('/trades?log=L', <AppNav />);
    expect(html).toContain('<nav class="app-nav" aria-label="Main">');
    expect(html).toMatch(/<a aria-current="page" class="app-nav-link active" href="\/trades\?log=L"[^>]*>Trades<\/a>/);
    expect(html).toContain('href="/analytics?log=L"');
    expect(html.match(/<a /g)).toHaveLength(11);
  });

  it('lists the Admin page for an admin and not for a trader', () => {
    expect(at('/', <AppNav role="admin" />)).toContain('href="/admin"');
    expect(at('/', <AppNav role="trader" />)).not.toContain('href="/admin"');
  });

  it('folds into a disclosure menu in the workspace header', () => {
    const html = at('/', <AppNav compact />);
    expect(html).toContain('<details class="app-nav-menu" data-testid="app-nav-menu"><summary>Menu</summary>');
    expect(html).toMatch(/aria-current="page" class="app-nav-link active" href="\/"/);
  });
});

describe(NotFoundPage.name, () => {
  it('says the page does not exist and links home', () => {
    const html = at('/no/such/page', <NotFoundPage />);
    expect(html).toContain('Page not found');
    expect(html).toContain('<code>/no/such/page</code>');
    expect(html).toContain('href="/"');
  });
});
