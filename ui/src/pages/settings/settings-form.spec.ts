import { describe, expect, it } from 'vitest';
import type { UserDto } from '@marketswarm/shared/dto';
import { draftOf, symbolChoices, validateSettings, type SettingsDraft } from './settings-form';

const user = (preferences: UserDto['preferences'] = {}, timezone = 'America/Chicago'): UserDto => ({
  id: 'u1',
  email: 'ann.lee@example.com',
  role: 'trader',
  displayName: 'ann.lee',
  timezone,
  preferences,
  createdAt: '2026-11-02T14:00:00.000Z',
});

const draft = (over: Partial<SettingsDraft> = {}): SettingsDraft => ({
  displayName: 'Ann Lee',
  timezone: 'Europe/London',
  theme: 'light',
  defaultSymbol: 'NDX',
  sounds: true,
  numberLocale: 'de-DE',
  ...over,
});

describe('draftOf', () => {
  it('starts from the defaults, the display name and the profile’s own time zone for a trader who never saved settings', () => {
    expect(draftOf(user())).toEqual({ displayName: 'ann.lee', timezone: 'America/Chicago', theme: 'dark', defaultSymbol: 'SPX', sounds: false, numberLocale: 'en-US' });
  });

  it('starts from the saved settings once there are some', () => {
    const saved = { settings: { timezone: 'Asia/Tokyo', theme: 'light', defaultSymbol: 'QQQ', sounds: true, numberLocale: 'fr-FR' } };
    expect(draftOf(user(saved))).toEqual({ displayName: 'ann.lee', timezone: 'Asia/Tokyo', theme: 'light', defaultSymbol: 'QQQ', sounds: true, numberLocale: 'fr-FR' });
  });
});

describe('validateSettings', () => {
  it('answers the settings to store and the trimmed display name', () => {
    expect(validateSettings(draft({ displayName: '  Ann Lee ' }))).toEqual({
      ok: true,
      displayName: 'Ann Lee',
      settings: { timezone: 'Europe/London', theme: 'light', defaultSymbol: 'NDX', sounds: true, numberLocale: 'de-DE' },
    });
  });

  it('accepts any IANA zone typed by hand, not only the listed ones', () => {
    expect(validateSettings(draft({ timezone: 'Pacific/Auckland' })).ok).toBe(true);
  });

  it('reports every bad field at once, each under its own name', () => {
    const result = validateSettings(draft({ displayName: '   ', timezone: 'Mars/Olympus', defaultSymbol: 'spx!', numberLocale: 'xx-XX', theme: 'neon' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['defaultSymbol', 'displayName', 'numberLocale', 'theme', 'timezone']);
    expect(result.errors['timezone']).toMatch(/IANA time zone/);
    expect(result.errors['defaultSymbol']).toMatch(/symbol such as SPX/);
    expect(result.errors['displayName']).toMatch(/empty|required/);
  });
});

describe('symbolChoices', () => {
  it('offers the symbols with options, plus a stored default that is not one of them', () => {
    expect(symbolChoices('SPX')).toEqual(['SPX', 'NDX', 'RUT', 'SPY', 'QQQ']);
    expect(symbolChoices('VIX')).toEqual(['SPX', 'NDX', 'RUT', 'SPY', 'QQQ', 'VIX']);
  });
});
