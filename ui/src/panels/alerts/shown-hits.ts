/**
 * The hit ids this browser has already toasted, kept in localStorage so a hit toasts at most once
 * across reloads and tabs: the gateway sends a fresh tab the latest `alerts` snapshot again, and a
 * reload must not pop the same hit up a second time. Bounded by count and by age; read again on
 * every claim, so two tabs agree.
 */
export const SHOWN_HITS_KEY = 'ms.alerts.shown';
export const SHOWN_HITS_MAX = 500;
/** Older hits are history anyway (a page never toasts a hit stamped well before it mounted). */
export const SHOWN_HITS_MAX_AGE_MS = 24 * 3_600_000;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** [hit id, when it was shown (epoch ms)], oldest first. */
type Entry = [string, number];

export class ShownHits {
  /** Used when storage is blocked or full: then the rule holds for this page only. */
  private readonly memory = new Map<string, number>();

  constructor(
    private readonly storage: Storage | undefined,
    private readonly max = SHOWN_HITS_MAX,
    private readonly maxAgeMs = SHOWN_HITS_MAX_AGE_MS,
  ) {}

  /** True the first time a hit id is claimed (the caller shows it); false ever after. */
  claim(id: string, now: number): boolean {
    const entries = this.load(now);
    if (this.memory.has(id) || entries.some(([seen]) => seen === id)) return false;
    this.memory.set(id, now);
    entries.push([id, now]);
    this.save(entries.slice(-this.max));
    return true;
  }

  has(id: string, now: number): boolean {
    return this.memory.has(id) || this.load(now).some(([seen]) => seen === id);
  }

  private load(now: number): Entry[] {
    let raw: string | null;
    try {
      raw = this.storage?.getItem(SHOWN_HITS_KEY) ?? null;
    } catch {
      return [];
    }
    if (raw === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return []; // a damaged record starts over rather than breaking toasts
    }
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is Entry => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number' && now - e[1] <= this.maxAgeMs);
  }

  private save(entries: Entry[]): void {
    try {
      this.storage?.setItem(SHOWN_HITS_KEY, JSON.stringify(entries));
    } catch (error) {
      console.warn('could not remember a shown alert', error);
    }
  }
}

/** localStorage, or nothing where it is blocked. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
