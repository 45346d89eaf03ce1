import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_USER_SETTINGS } from '@marketswarm/shared/dto';
import { isAlertSoundOn } from '../alerts-api/alert-sound';
import { formatPrice, setNumberLocale } from '../format/number';
import { applyTheme, applyUserSettings, rememberedTheme, THEME_STORAGE_KEY } from './apply-settings';

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('applyTheme', () => {
  it('sets the root’s data-theme and remembers it for the next load', () => {
    const root = { dataset: {} as DOMStringMap };
    const store = memoryStorage();
    applyTheme('light', root, store);
    expect(root.dataset['theme']).toBe('light');
    expect(store.data.get(THEME_STORAGE_KEY)).toBe('light');
    expect(rememberedTheme(store)).toBe('light');
    applyTheme('dark', root, store);
    expect(root.dataset['theme']).toBe('dark');
    expect(rememberedTheme(store)).toBe('dark');
  });

  it('starts dark when nothing was remembered or storage is blocked', () => {
    expect(rememberedTheme(memoryStorage())).toBe('dark');
    expect(rememberedTheme(undefined)).toBe('dark');
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(rememberedTheme(throwing)).toBe('dark');
    const root = { dataset: {} as DOMStringMap };
    applyTheme('light', root, throwing);
    expect(root.dataset['theme']).toBe('light');
  });
});

describe('applyUserSettings', () => {
  afterEach(() => setNumberLocale('en-US'));

  it('applies the theme, the number locale and the sounds at once', () => {
    const root = { dataset: {} as DOMStringMap };
    applyUserSettings({ ...DEFAULT_USER_SETTINGS, theme: 'light', numberLocale: 'de-DE', sounds: true }, root, memoryStorage());
    expect(root.dataset['theme']).toBe('light');
    expect(formatPrice(1234.5)).toBe('1.234,50');
    expect(isAlertSoundOn(undefined)).toBe(true);
    applyUserSettings({ ...DEFAULT_USER_SETTINGS }, root, memoryStorage());
    expect(isAlertSoundOn(undefined)).toBe(false);
  });
});
