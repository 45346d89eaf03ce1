import type { Role } from '@marketswarm/shared/dto';

/** Every page of the app, in the order the top navigation lists them. */
export const NAV_LINKS = [
  { to: '/', label: 'Workspace' },
  { to: '/trades', label: 'Trades' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/import', label: 'Import' },
  { to: '/journal', label: 'Journal' },
  { to: '/playbook', label: 'Playbook' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/orders', label: 'Orders' },
  { to: '/leaderboard', label: 'Leaderboard' },
  { to: '/settings', label: 'Settings' },
  { to: '/help', label: 'Help' },
] as const;

/** The operators' page, listed last and only for the admin role. */
export const ADMIN_LINK = { to: '/admin', label: 'Admin' } as const;

/** The links a user with `role` sees: every page, plus Admin for admins. */
export function navLinksFor(role: Role | undefined): readonly { to: string; label: string }[] {
  return role === 'admin' ? [...NAV_LINKS, ADMIN_LINK] : NAV_LINKS;
}

/** Links that carry the journal filters (`?log=…&from=…`) from one page to the other. */
export const FILTERED_PAGES: ReadonlySet<string> = new Set(['/trades', '/analytics']);

/**
 * The href of a nav link from the page at `pathname` with query `search`: Trades and Analytics share
 * their filters, so going from one to the other keeps them; every other link starts clean.
 */
export function navHref(to: string, pathname: string, search: string): string {
  return FILTERED_PAGES.has(to) && FILTERED_PAGES.has(pathname) && search !== '' && search !== '?' ? `${to}${search.startsWith('?') ? search : `?${search}`}` : to;
}
