import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { signOut } from '../auth/auth-api';
import { setSessionUser } from '../auth/session';
import { AppNav } from './AppNav';
import { useSessionUser } from './RequireSession';
import './shell.css';

/** The frame of the journal pages: brand, navigation, the user, and the page (a lazy chunk) below. */
export function JournalLayout() {
  const user = useSessionUser();
  return (
    <div className="journal-shell">
      <a className="skip-link" href="#journal-main">
        Skip to content
      </a>
      <header className="journal-header">
        <span className="brand">MarketSwarm</span>
        <AppNav />
        <span className="journal-user" title={user.email}>
          {user.displayName}
        </span>
        <SignOutButton />
      </header>
      <main id="journal-main" className="journal-main" tabIndex={-1}>
        <Suspense fallback={<div className="journal-loading" role="status">Loading…</div>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function SignOutButton() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch (error) {
      // The session may already be gone; signing out locally is still right.
      console.warn('sign-out request failed', error);
    }
    client.clear();
    setSessionUser(client, null);
    void navigate('/signin?reason=signed-out', { replace: true });
  };
  return (
    <button type="button" data-testid="signout" onClick={() => void onSignOut()} disabled={busy}>
      Sign out
    </button>
  );
}
