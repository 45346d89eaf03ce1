import type { UserSettings } from '@marketswarm/shared/dto';
import { applySoundSetting } from '../alerts-api/alert-sound';
import { setNumberLocale } from '../format/number';

export type Theme = UserSettings['theme'];

/**
 * The theme last applied in this browser, so the next load paints in it before the session check
 * answers (no dark flash for a light-theme trader).
 */
export const THEME_STORAGE_KEY = 'ms.theme';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
type Root = { dataset: DOMStringMap };

const browserStorage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // blocked storage: the theme is applied, just not remembered
  }
};

const documentRoot = (): Root | undefined => (typeof document === 'undefined' ? undefined : document.documentElement);

/** Every colour is a CSS custom property; `[data-theme='light']` on the root swaps the palette. */
export function applyTheme(theme: Theme, root: Root | undefined = documentRoot(), store: Storage | undefined = browserStorage()): void {
  if (root) root.dataset['theme'] = theme;
  try {
    store?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Quota or privacy mode: the next load starts dark until the profile answers.
  }
}

export function rememberedTheme(store: Storage | undefined = browserStorage()): Theme {
  try {
    return store?.getItem(THEME_STORAGE_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/** What the page does with the trader's settings as soon as they are known. */
export function applyUserSettings(settings: UserSettings, root: Root | undefined = documentRoot(), store: Storage | undefined = browserStorage()): void {
  applyTheme(settings.theme, root, store);
  setNumberLocale(settings.numberLocale);
  applySoundSetting(settings.sounds);
}
