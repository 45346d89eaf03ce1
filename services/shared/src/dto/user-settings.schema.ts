import { z } from 'zod';
import { timezoneSchema } from './auth.schema.js';

/**
 * The trader's display settings, kept in the profile's `preferences.settings` so they follow the
 * trader to any browser. Every field has a default: a profile saved by an older page (or none at
 * all) reads as the defaults, and a field that fails validation falls back alone (see
 * readUserSettings) instead of discarding the others.
 */
export const THEMES = ['dark', 'light'] as const;
export const NUMBER_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR'] as const;

export const userSettingsSchema = z.strictObject({
  /** IANA zone the time axes and timestamps are drawn in; US index sessions read best in New York time. */
  timezone: timezoneSchema.default('America/New_York'),
  theme: z.enum(THEMES).default('dark'),
  /** The symbol the workspace opens on. */
  defaultSymbol: z.string().trim().regex(/^[A-Z][A-Z0-9.]{0,11}$/, 'must be a symbol such as SPX').default('SPX'),
  /** Alert and commentary sounds. */
  sounds: z.boolean().default(false),
  /** Grouping and decimal separators for prices and money. */
  numberLocale: z.enum(NUMBER_LOCALES).default('en-US'),
});
export type UserSettings = z.output<typeof userSettingsSchema>;
export type UserSettingsInput = z.input<typeof userSettingsSchema>;

/** Where the settings live inside `UserDto.preferences`. */
export const USER_SETTINGS_KEY = 'settings';

export const DEFAULT_USER_SETTINGS: UserSettings = userSettingsSchema.parse({});

/**
 * The settings stored in a profile's preferences, field by field: an unknown or invalid field reads
 * as its default, so one bad value never hides the rest.
 */
export function readUserSettings(preferences: Readonly<Record<string, unknown>>): UserSettings {
  const stored = preferences[USER_SETTINGS_KEY];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { ...DEFAULT_USER_SETTINGS };
  const out: Record<string, unknown> = { ...DEFAULT_USER_SETTINGS };
  for (const [key, field] of Object.entries(userSettingsSchema.shape)) {
    const parsed = field.safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as UserSettings;
}
