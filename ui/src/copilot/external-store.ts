/**
 * The state of a socket-backed feed, kept outside React. `subscribe` and `getState` are arrow
 * properties because useSyncExternalStore takes them unbound. Listeners hear each change at once,
 * and only a new state object counts as a change, so a message that changes nothing renders nothing.
 */
export class ExternalStore<S> {
  private current: S;
  private readonly listeners = new Set<() => void>();

  constructor(initial: S) {
    this.current = initial;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): S => this.current;

  protected get state(): S {
    return this.current;
  }

  protected set(next: S): void {
    if (next === this.current) return;
    this.current = next;
    // A copy: a listener that unsubscribes while being told must not make the next one miss the change.
    for (const listener of [...this.listeners]) listener();
  }

  /** A disposed feed tells nobody anything again. */
  protected forgetListeners(): void {
    this.listeners.clear();
  }
}
