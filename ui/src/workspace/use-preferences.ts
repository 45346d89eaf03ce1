import { useCallback, useEffect, useRef } from 'react';
import type { Preferences, UserDto } from '@marketswarm/shared/dto';
import { patchProfile } from '../auth/auth-api';
import { useSetSessionUser } from '../auth/session';

const SAVE_AFTER_MS = 800;

/**
 * Reads and saves the user's preferences (layout, watched symbol) in the profile, so they follow
 * the user to any browser. Changes are merged and saved once the user pauses.
 */
export function usePreferences(user: UserDto): { preferences: Preferences; save: (key: string, value: Preferences[string]) => void } {
  const setUser = useSetSessionUser();
  const pending = useRef<Preferences>({});
  const latest = useRef<Preferences>(user.preferences);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  latest.current = user.preferences;

  const flush = useCallback(() => {
    timer.current = undefined;
    const merged = { ...latest.current, ...pending.current };
    pending.current = {};
    patchProfile({ preferences: merged }).then(setUser, (error: unknown) => console.warn('could not save preferences', error));
  }, [setUser]);

  const save = useCallback(
    (key: string, value: Preferences[string]) => {
      pending.current[key] = value;
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        flush();
      }
    },
    [flush],
  );

  return { preferences: user.preferences, save };
}
