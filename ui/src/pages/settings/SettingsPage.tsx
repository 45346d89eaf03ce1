import { useQueryClient } from '@tanstack/react-query';
import { readUserSettings, USER_SETTINGS_KEY, type UserDto } from '@marketswarm/shared/dto';
import { useEffect, useRef, useState } from 'react';
import { patchProfile } from '../../auth/auth-api';
import { submitErrors, type FieldErrors } from '../../auth/form-issues';
import { preferencesQueue } from '../../auth/preferences-queue';
import { SESSION_KEY, setSessionUser } from '../../auth/session';
import { applyTheme } from '../../shell/apply-settings';
import { useSessionUser } from '../../shell/RequireSession';
import { draftOf, SETTINGS_FIELDS, validateSettings, type SettingsDraft } from './settings-form';
import { SettingsView, type SaveState } from './SettingsView';
import './settings.css';

/**
 * `/settings`: the container of SettingsView. The display name (and the time zone, which the
 * journal reads from the profile too) go through the profile PATCH; the display settings through
 * the page's preferences queue, so a save never drops another part's preference keys.
 */
export function SettingsPage() {
  const user = useSessionUser();
  const client = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  // The theme shows as it is picked; leaving without saving puts the saved one back.
  const savedTheme = readUserSettings(user.preferences).theme;
  const themeToRestore = useRef(savedTheme);
  useEffect(() => {
    themeToRestore.current = savedTheme;
  }, [savedTheme]);
  useEffect(() => {
    if (draft.theme === 'dark' || draft.theme === 'light') applyTheme(draft.theme);
  }, [draft.theme]);
  useEffect(() => () => applyTheme(themeToRestore.current), []);

  const onChange = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
    if (state.kind !== 'saving') setState({ kind: 'idle' });
  };

  const onSubmit = async () => {
    const result = validateSettings(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setState({ kind: 'idle' });
      return;
    }
    setErrors({});
    setState({ kind: 'saving' });
    try {
      const current = client.getQueryData<UserDto | null>(SESSION_KEY) ?? user;
      if (result.displayName !== current.displayName || result.settings.timezone !== current.timezone) {
        setSessionUser(client, await patchProfile({ displayName: result.displayName, timezone: result.settings.timezone }));
      }
      await preferencesQueue(client).save({ [USER_SETTINGS_KEY]: result.settings });
      setState({ kind: 'saved' });
    } catch (error) {
      const { fields, message } = submitErrors(error, SETTINGS_FIELDS);
      setErrors(fields);
      setState({ kind: 'failed', message });
    }
  };

  return <SettingsView draft={draft} errors={errors} state={state} email={user.email} onChange={onChange} onSubmit={() => void onSubmit()} />;
}
