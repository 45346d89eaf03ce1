type Schedule = (fn: () => void) => void;

const nextFrame: Schedule =
  typeof requestAnimationFrame === 'function' ? (fn) => void requestAnimationFrame(() => fn()) : (fn) => void setTimeout(fn, 16);

/**
 * Coalesces change notifications to at most one per animation frame. Events may arrive at 50/s or
 * more; React renders what changed once per frame, never once per event.
 */
export class FrameNotifier {
  private readonly listeners = new Set<() => void>();
  private pending = false;

  constructor(private readonly schedule: Schedule = nextFrame) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  notify(): void {
    if (this.pending) return;
    this.pending = true;
    this.schedule(() => {
      this.pending = false;
      for (const fn of [...this.listeners]) fn();
    });
  }
}
