import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { setSessionUser } from '../auth/session';

/** What the app does on a 401 (App's SessionExpiry), for a socket whose session ended: sign in again. */
export function useSessionLost(): () => void {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    setSessionUser(client, null);
    void navigate('/signin?reason=expired', { replace: true });
  }, [client, navigate]);
}
