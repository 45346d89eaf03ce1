import { FrameNotifier } from './frame-notifier';

/**
 * The latest value per key (spot per symbol, GEX per symbol…). Values are replaced, never mutated,
 * so `get(key)` is a stable snapshot for useSyncExternalStore and unchanged keys do not re-render.
 */
export class KeyedStore<V> {
  private readonly values = new Map<string, V>();
  private snapshot: ReadonlyMap<string, V> = new Map();
  private dirty = false;
  readonly notifier: FrameNotifier;

  constructor(notifier = new FrameNotifier()) {
    this.notifier = notifier;
  }

  subscribe = (listener: () => void): (() => void) => this.notifier.subscribe(listener);

  set(key: string, value: V): void {
    this.values.set(key, value);
    this.dirty = true;
    this.notifier.notify();
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** Every key's value; a new Map only after a change. */
  getAll = (): ReadonlyMap<string, V> => {
    if (this.dirty) {
      this.snapshot = new Map(this.values);
      this.dirty = false;
    }
    return this.snapshot;
  };

  clear(): void {
    this.values.clear();
    this.dirty = true;
    this.notifier.notify();
  }
}
