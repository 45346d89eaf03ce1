import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_SOUND_KEY, applySoundSetting, isAlertSoundOn, setAlertSound } from './alert-sound';

function memoryStorage(): { getItem(k: string): string | null; setItem(k: string, v: string): void; data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('alert sound setting', () => {
  afterEach(() => applySoundSetting(undefined));

  it('is off until the trader turns it on, and remembers the choice', () => {
    const store = memoryStorage();
    expect(isAlertSoundOn(store)).toBe(false);
    setAlertSound(true, store);
    expect(store.data.get(ALERT_SOUND_KEY)).toBe('on');
    expect(isAlertSoundOn(store)).toBe(true);
    setAlertSound(false, store);
    expect(isAlertSoundOn(store)).toBe(false);
  });

  it('stays off without storage', () => {
    expect(isAlertSoundOn(undefined)).toBe(false);
  });

  it('follows the profile’s sounds setting once it is known, whatever this browser kept', () => {
    const store = memoryStorage();
    store.setItem(ALERT_SOUND_KEY, 'off');
    applySoundSetting(true);
    expect(isAlertSoundOn(store)).toBe(true);
    applySoundSetting(false);
    store.setItem(ALERT_SOUND_KEY, 'on');
    expect(isAlertSoundOn(store)).toBe(false);
  });

  it('lets a toggle on the page override the profile for the rest of the visit', () => {
    const store = memoryStorage();
    applySoundSetting(false);
    setAlertSound(true, store);
    expect(isAlertSoundOn(store)).toBe(true);
  });
});
