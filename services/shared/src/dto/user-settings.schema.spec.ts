import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_SETTINGS, readUserSettings, userSettingsSchema } from './user-settings.schema.js';

describe('readUserSettings', () => {
  it('reads a profile without settings as the defaults (New York time, dark, SPX)', () => {
    expect(readUserSettings({})).toEqual({ timezone: 'America/New_York', theme: 'dark', defaultSymbol: 'SPX', sounds: false, numberLocale: 'en-US' });
  });

  it('keeps the valid fields and falls back per field when one is invalid', () => {
    const settings = readUserSettings({ settings: { timezone: 'Mars/Olympus', theme: 'light', defaultSymbol: 'NDX' } });
    expect(settings).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'light', defaultSymbol: 'NDX' });
  });

  it('ignores settings that are not an object', () => {
    expect(readUserSettings({ settings: 'light' })).toEqual(DEFAULT_USER_SETTINGS);
  });
});

describe('userSettingsSchema', () => {
  it('names the field and the reason for a bad time zone', () => {
    const result = userSettingsSchema.safeParse({ timezone: 'Nowhere/Town' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['timezone']);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });
});
