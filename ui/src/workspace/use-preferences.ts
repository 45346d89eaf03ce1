import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Preferences, UserDto } from '@marketswarm/shared/dto';
import { preferencesQueue } from '../auth/preferences-queue';
import { SESSION_KEY } from '../auth/session';

const SAVE_AFTER_MS = 800;

/**
 * Reads and saves the user's preferences (layout, watched symbol) in the profile, so they follow
 * the user to any browser. The keys this hook changed are saved once the user pauses, through the
 * page's one preferences queue (auth/preferences-queue.ts), which other parts of the app, such as
 * the MEL DTE, save their own keys through too: no save drops another's key.
 */
export function usePreferences(user: UserDto): { preferences: Preferences; save: (key: string, value: Preferences[string]) => void } {
  const client = useQueryClient();
  const known = useRef<Preferences>(user.preferences);
  const changed = useRef<Preferences>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    timer.current = undefined;
    if (Object.keys(changed.current).length === 0) return;
    const mine = changed.current;
    changed.current = {};
    preferencesQueue(client)
      .save(mine)
      .catch((error: unknown) => console.warn('could not save preferences', error));
  }, [client]);

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
