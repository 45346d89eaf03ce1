/**
 * The optional beep on a fired alert's toast: the trader's `sounds` setting (in the profile, so it
 * follows them to any browser) and a short tone made with the Web Audio API, so there is no sound
 * file to load. Until the profile's settings are known, the choice kept in this browser
 * (localStorage, off by default) stands in.
 */
export const ALERT_SOUND_KEY = 'ms.alerts.sound';

/** The profile's setting once known; a toggle on the page overrides it for the rest of the visit. */
let chosen: boolean | undefined;

/** Called when the trader's settings load or change; undefined when nobody is signed in. */
export function applySoundSetting(on: boolean | undefined): void {
  chosen = on;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const storage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can be blocked (privacy settings): the sound simply stays off.
    return undefined;
  }
};

export function isAlertSoundOn(store: Storage | undefined = storage()): boolean {
  return chosen ?? store?.getItem(ALERT_SOUND_KEY) === 'on';
}

export function setAlertSound(on: boolean, store: Storage | undefined = storage()): void {
  chosen = on;
  try {
    store?.setItem(ALERT_SOUND_KEY, on ? 'on' : 'off');
  } catch (error) {
    console.warn('the alert sound setting could not be stored', error);
  }
}

let context: AudioContext | undefined;

/** A 150 ms, 880 Hz tone with a quick fade, quiet enough not to startle. */
export function beep(): void {
  const Ctor = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (Ctor === undefined) return;
  try {
    context ??= new Ctor();
    const ctx = context;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.15);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.16);
  } catch (error) {
    // Browsers refuse audio before a user gesture; a silent toast is still a toast.
    console.warn('alert sound failed', error);
  }
}

/** Beeps when the trader turned the sound on. */
export function playAlertSound(store: Storage | undefined = storage()): void {
  if (isAlertSoundOn(store)) beep();
}
