import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Preferences, UserDto } from '@marketswarm/shared/dto';
import { patchProfile } from '../auth/auth-api';
import { SESSION_KEY, useSetSessionUser } from '../auth/session';

const SAVE_AFTER_MS = 800;

/**
 * Reads and saves the user's preferences (layout, watched symbol) in the profile, so they follow
 * the user to any browser. A PATCH replaces the whole object, so the keys this hook changed are laid
 * over the latest preferences in the session cache (other parts of the app, such as the MEL DTE,
 * save their own keys), saved once the user pauses, and sent one at a time: a later save never
 * drops an earlier key.
 */
export function usePreferences(user: UserDto): { preferences: Preferences; save: (key: string, value: Preferences[string]) => void } {
  const setUser = useSetSessionUser();
  const client = useQueryClient();
  const known = useRef<Preferences>(user.preferences);
  const changed = useRef<Preferences>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    timer.current = undefined;
    if (Object.keys(changed.current).length === 0) return;
    const mine = changed.current;
    changed.current = {};
    queue.current = queue.current.then(() => {
      // Read when this save's turn comes, after the saves before it updated the cache.
      const latest = client.getQueryData<UserDto | null>(SESSION_KEY)?.preferences ?? known.current;
      return patchProfile({ preferences: { ...latest, ...mine } }).then(setUser, (error: unknown) => console.warn('could not save preferences', error));
    });
  }, [client, setUser]);

  const save = useCallback(
    (key: string, value: Preferences[string]) => {
      known.current = { ...known.current, [key]: value };
      changed.current = { ...changed.current, [key]: value };
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      // Leaving the workspace saves what is pending, unless the session just ended (signing out
      // would otherwise answer 401 and show "session expired").
      if (client.getQueryData(SESSION_KEY)) flush();
    },
    [client, flush],
  );

  return { preferences: known.current, save };
}
