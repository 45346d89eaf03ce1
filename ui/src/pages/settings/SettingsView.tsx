import { NUMBER_LOCALES, THEMES } from '@marketswarm/shared/dto';
import { useId, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '../../auth/form-issues';
import { COMMON_TIMEZONES, LOCALE_LABELS, symbolChoices, THEME_LABELS, type SettingsDraft } from './settings-form';

/** A line under the field, read with it (aria-describedby). */
const HINTS: Partial<Record<keyof SettingsDraft, string>> = {
  displayName: 'Shown in the header instead of your e-mail.',
  timezone: 'Chart time axes and timestamps. Pick one or type any IANA zone, such as Europe/Madrid.',
  defaultSymbol: 'The workspace opens on it until you pick another symbol there.',
};

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface SettingsViewProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  state: SaveState;
  email: string;
  onChange: (patch: Partial<SettingsDraft>) => void;
  onSubmit: () => void;
}

/** `/settings`: the trader's name and display settings, each field with its own refusal. */
export function SettingsView({ draft, errors, state, email, onChange, onSubmit }: SettingsViewProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const field = (name: keyof SettingsDraft) => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [HINTS[name] ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  return (
    <div className="settings-page">
      <h1>Settings</h1>
      <p className="muted">Saved in your profile, so they follow you to any browser. Signed in as {email}.</p>
      <form className="settings-form" data-testid="settings-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Profile</legend>
          <Row id={`${id}-displayName`} name="displayName" label="Display name" error={errors['displayName']}>
            <input {...field('displayName')} type="text" autoComplete="nickname" value={draft.displayName} onChange={(e) => onChange({ displayName: e.target.value })} />
          </Row>
        </fieldset>
        <fieldset>
          <legend>Display</legend>
          <Row id={`${id}-timezone`} name="timezone" label="Time zone" error={errors['timezone']}>
            <input {...field('timezone')} type="text" list={`${id}-zones`} autoComplete="off" spellCheck={false} value={draft.timezone} onChange={(e) => onChange({ timezone: e.target.value })} />
            <datalist id={`${id}-zones`}>
              {COMMON_TIMEZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </Row>
          <Row id={`${id}-theme`} name="theme" label="Theme" error={errors['theme']}>
            <select {...field('theme')} value={draft.theme} onChange={(e) => onChange({ theme: e.target.value })}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {THEME_LABELS[theme]}
                </option>
              ))}
            </select>
          </Row>
          <Row id={`${id}-numberLocale`} name="numberLocale" label="Number format" error={errors['numberLocale']}>
            <select {...field('numberLocale')} value={draft.numberLocale} onChange={(e) => onChange({ numberLocale: e.target.value })}>
              {NUMBER_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {LOCALE_LABELS[locale]}
                </option>
              ))}
            </select>
          </Row>
        </fieldset>
        <fieldset>
          <legend>Workspace</legend>
          <Row id={`${id}-defaultSymbol`} name="defaultSymbol" label="Default symbol" error={errors['defaultSymbol']}>
            <select {...field('defaultSymbol')} value={draft.defaultSymbol} onChange={(e) => onChange({ defaultSymbol: e.target.value })}>
              {symbolChoices(draft.defaultSymbol).map((symbol) => (
                <option key={symbol} value={symbol}>
                  {symbol}
                </option>
              ))}
            </select>
          </Row>
          <div className="settings-check">
            <input {...field('sounds')} type="checkbox" checked={draft.sounds} onChange={(e) => onChange({ sounds: e.target.checked })} />
            <label htmlFor={`${id}-sounds`}>Play a sound when an alert fires</label>
            {errors['sounds'] ? (
              <span id={`${id}-sounds-error`} className="settings-error" data-testid="settings-error-sounds">
                {errors['sounds']}
              </span>
            ) : null}
          </div>
        </fieldset>
        <div className="settings-actions">
          <button type="submit" disabled={state.kind === 'saving'}>
            {state.kind === 'saving' ? 'Saving…' : 'Save settings'}
          </button>
          <SaveStatus state={state} hasErrors={Object.keys(errors).length > 0} />
        </div>
      </form>
    </div>
  );
}

function Row({ id, name, label, error, children }: { id: string; name: keyof SettingsDraft; label: string; error: string | undefined; children: ReactNode }) {
  const hint = HINTS[name];
  return (
    <div className="settings-row">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="settings-hint muted">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="settings-error" data-testid={`settings-error-${name}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

function SaveStatus({ state, hasErrors }: { state: SaveState; hasErrors: boolean }) {
  if (state.kind === 'saved') {
    return (
      <p className="settings-status" role="status" data-testid="settings-saved">
        Settings saved.
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="settings-status error" role="alert">
        {state.message}
      </p>
    );
  }
  return (
    <p className="settings-status error" role="status">
      {hasErrors ? 'Check the highlighted fields.' : ''}
    </p>
  );
}
