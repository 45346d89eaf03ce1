import { displayNameSchema, type NUMBER_LOCALES, readUserSettings, type THEMES, USER_SETTINGS_KEY, userSettingsSchema, type UserDto, type UserSettings } from '@marketswarm/shared/dto';
import { OPTIONABLE_SYMBOLS } from '@marketswarm/shared/models';
import { zodFieldErrors, type FieldErrors } from '../../auth/form-issues';

/** The settings form as typed: strings and a checkbox, checked with the shared schemas on submit. */
export interface SettingsDraft {
  displayName: string;
  timezone: string;
  theme: string;
  defaultSymbol: string;
  sounds: boolean;
  numberLocale: string;
}

export const SETTINGS_FIELDS = ['displayName', 'timezone', 'theme', 'defaultSymbol', 'sounds', 'numberLocale'] as const satisfies readonly (keyof SettingsDraft)[];

/** Offered in the time zone field's list; any other IANA zone may be typed. */
export const COMMON_TIMEZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Zurich',
  'Asia/Dubai',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
] as const;

export const THEME_LABELS: Record<(typeof THEMES)[number], string> = { dark: 'Dark', light: 'Light' };

export const LOCALE_LABELS: Record<(typeof NUMBER_LOCALES)[number], string> = {
  'en-US': '1,234.50 (United States)',
  'en-GB': '1,234.50 (United Kingdom)',
  'de-DE': '1.234,50 (Germany)',
  'fr-FR': '1 234,50 (France)',
};

/** The symbols the workspace may open on: those with options, and a stored one that is not. */
export function symbolChoices(current: string): readonly string[] {
  return (OPTIONABLE_SYMBOLS as readonly string[]).includes(current) ? OPTIONABLE_SYMBOLS : [...OPTIONABLE_SYMBOLS, current];
}

/**
 * The form's starting values: the stored settings, with the profile's own time zone until the
 * trader saved settings (a profile created with another zone keeps it).
 */
export function draftOf(user: UserDto): SettingsDraft {
  const settings = readUserSettings(user.preferences);
  const stored = user.preferences[USER_SETTINGS_KEY];
  const hasOwnZone = typeof stored === 'object' && stored !== null && !Array.isArray(stored) && 'timezone' in stored;
  return { displayName: user.displayName, ...settings, timezone: hasOwnZone ? settings.timezone : user.timezone };
}

export type SettingsResult = { ok: true; settings: UserSettings; displayName: string } | { ok: false; errors: FieldErrors };

/** Checks the draft with the schemas the server applies; every bad field is reported at once. */
export function validateSettings(draft: SettingsDraft): SettingsResult {
  const { displayName, ...rest } = draft;
  const settings = userSettingsSchema.safeParse(rest);
  const name = displayNameSchema.safeParse(displayName);
  const errors: FieldErrors = {
    ...(settings.success ? {} : zodFieldErrors(settings.error)),
    ...(name.success ? {} : { displayName: name.error.issues[0]?.message ?? 'is not valid' }),
  };
  if (!settings.success || !name.success) return { ok: false, errors };
  return { ok: true, settings: settings.data, displayName: name.data };
}
