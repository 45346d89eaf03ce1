export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `fn` at most once per `intervalMs`: the first call at once, later ones folded into one
 * trailing call, so the last change always lands. `cancel` drops a pending trailing call.
 */
export function throttle(fn: () => void, intervalMs: number, clock: Clock = realClock): { call: () => void; cancel: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let timer: unknown;
  return {
    call: () => {
      const now = clock.now();
      if (now - last >= intervalMs) {
        last = now;
        fn();
        return;
      }
      timer ??= clock.setTimeout(() => {
        timer = undefined;
        last = clock.now();
        fn();
      }, intervalMs - (now - last));
    },
    cancel: () => {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
