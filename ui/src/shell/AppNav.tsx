import { NavLink, useLocation } from 'react-router';
import { NAV_LINKS, navHref } from './nav-links';
import './shell.css';

/**
 * The top navigation shared by the workspace and the journal pages. `compact` (the workspace header,
 * where live prices need the room) folds the links into a disclosure menu.
 */
export function AppNav({ compact = false }: { compact?: boolean }) {
  const { pathname, search } = useLocation();
  const links = (
    <ul className="app-nav-list">
      {NAV_LINKS.map((link) => (
        <li key={link.to}>
          <NavLink to={navHref(link.to, pathname, search)} end={link.to === '/'} className={({ isActive }) => (isActive ? 'app-nav-link active' : 'app-nav-link')}>
            {link.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  if (!compact) {
    return (
      <nav className="app-nav" aria-label="Main">
        {links}
      </nav>
    );
  }
  return (
    <details className="app-nav-menu" data-testid="app-nav-menu">
      <summary>Menu</summary>
      <nav className="app-nav app-nav-popup" aria-label="Main">
        {links}
      </nav>
    </details>
  );
}
