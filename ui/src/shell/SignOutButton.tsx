import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { signOut } from '../auth/auth-api';
import { setSessionUser } from '../auth/session';

/**
 * Ends the session on the server, then locally whatever the server said, and goes to sign-in.
 * `beforeClear` lets a page close what it holds open (the workspace's streams) first.
 */
export function SignOutButton({ beforeClear }: { beforeClear?: () => void }) {
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
    beforeClear?.();
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
