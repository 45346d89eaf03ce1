import { useEffect, useMemo } from 'react';
import { readUserSettings, type UserDto } from '@marketswarm/shared/dto';
import { applyUserSettings } from './apply-settings';

/** Applies the signed-in trader's settings (theme, number locale, sounds) on every page, and again when they change. */
export function UserSettingsEffects({ user }: { user: UserDto }) {
  const settings = useMemo(() => readUserSettings(user.preferences), [user.preferences]);
  useEffect(() => applyUserSettings(settings), [settings]);
  return null;
}
