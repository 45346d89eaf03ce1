import { describe, expect, it } from 'vitest';
import { NAV_LINKS, navHref, navLinksFor } from './nav-links';

describe('the top navigation', () => {
  it('lists every page once, the workspace first', () => {
    expect(NAV_LINKS.map((l) => l.to)).toEqual(['/', '/trades', '/analytics', '/import', '/journal', '/playbook', '/alerts', '/orders', '/leaderboard', '/settings', '/help']);
  });

  it('adds the Admin page last for admins only', () => {
    expect(navLinksFor('admin').map((l) => l.to)).toEqual([...NAV_LINKS.map((l) => l.to), '/admin']);
    expect(navLinksFor('trader')).toBe(NAV_LINKS);
    expect(navLinksFor(undefined)).toBe(NAV_LINKS);
  });

  it('carries the journal filters between Trades and Analytics only', () => {
    expect(navHref('/analytics', '/trades', '?log=L&symbol=SPX')).toBe('/analytics?log=L&symbol=SPX');
    expect(navHref('/trades', '/analytics', '?log=L')).toBe('/trades?log=L');
    expect(navHref('/import', '/trades', '?log=L')).toBe('/import');
    expect(navHref('/analytics', '/import', '?x=1')).toBe('/analytics');
    expect(navHref('/analytics', '/trades', '')).toBe('/analytics');
  });
});
