import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Preferences, UserDto } from '@marketswarm/shared/dto';
import { patchProfile } from '../auth/auth-api';
import { SESSION_KEY, useSetSessionUser } from '../auth/session';

const SAVE_AFTER_MS = 800;

/**
 * Reads and saves the user's preferences (layout, watched symbol) in the profile, so they follow
 * the user to any browser. A PATCH replaces the whole object, so changes are merged into one local
 * copy, saved once the user pauses, and sent one at a time: a later save never drops an earlier key.
 */
export function usePreferences(user: UserDto): { preferences: Preferences; save: (key: string, value: Preferences[string]) => void } {
  const setUser = useSetSessionUser();
  const client = useQueryClient();
  const known = useRef<Preferences>(user.preferences);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    timer.current = undefined;
    if (!dirty.current) return;
    dirty.current = false;
    const preferences = { ...known.current };
    queue.current = queue.current.then(() =>
      patchProfile({ preferences }).then(setUser, (error: unknown) => console.warn('could not save preferences', error)),
    );
  }, [setUser]);

  const save = useCallback(
    (key: string, value: Preferences[string]) => {
      known.current = { ...known.current, [key]: value };
      dirty.current = true;
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
