import { NavLink, useLocation } from 'react-router';
import type { Role } from '@marketswarm/shared/dto';
import { navHref, navLinksFor } from './nav-links';
import './shell.css';

/**
 * The top navigation shared by the workspace and the journal pages. `compact` (the workspace header,
 * where live prices need the room) folds the links into a disclosure menu. Admins also get the Admin link.
 */
export function AppNav({ compact = false, role }: { compact?: boolean; role?: Role }) {
  const { pathname, search } = useLocation();
  const links = (
    <ul className="app-nav-list">
      {navLinksFor(role).map((link) => (
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
