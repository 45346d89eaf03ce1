import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AppNav } from './AppNav';
import { RenderErrorBoundary } from './RenderErrorBoundary';
import { useSessionUser } from './RequireSession';
import { SignOutButton } from './SignOutButton';
import './shell.css';

/** The frame of the journal pages: brand, navigation, the user, and the page (a lazy chunk) below. */
export function JournalLayout() {
  const user = useSessionUser();
  const { pathname } = useLocation();
  return (
    <div className="journal-shell">
      <a className="skip-link" href="#journal-main">
        Skip to content
      </a>
      <header className="journal-header">
        <span className="brand">MarketSwarm</span>
        <AppNav role={user.role} />
        <span className="journal-user" title={user.email}>
          {user.displayName}
        </span>
        <SignOutButton />
      </header>
      <main id="journal-main" className="journal-main" tabIndex={-1}>
        {/* A page that fails leaves the header usable; moving to another page clears the failure. */}
        <RenderErrorBoundary name="journal page" resetKey={pathname}>
          <Suspense fallback={<div className="journal-loading" role="status">Loading…</div>}>
            <Outlet />
          </Suspense>
        </RenderErrorBoundary>
      </main>
    </div>
  );
}
