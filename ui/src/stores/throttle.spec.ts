import { describe, expect, it } from 'vitest';
import { throttle, type Clock } from './throttle';

function fakeClock() {
  let t = 0;
  const timers: Array<{ at: number; fn: () => void; handle: number }> = [];
  let next = 1;
  const clock: Clock = {
    now: () => t,
    setTimeout: (fn, ms) => {
      timers.push({ at: t + ms, fn, handle: next });
      return next++;
    },
    clearTimeout: (handle) => {
      const i = timers.findIndex((x) => x.handle === handle);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    t += ms;
    for (const timer of timers.filter((x) => x.at <= t)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { clock, advance, pending: () => timers.length };
}

describe(throttle.name, () => {
  it('runs the first call at once and folds a burst into one trailing call', () => {
    const { clock, advance } = fakeClock();
    let calls = 0;
    const t = throttle(() => calls++, 250, clock);
    t.call();
    expect(calls).toBe(1);
    for (let i = 0; i < 10; i++) {
      advance(20);
      t.call();
    }
    expect(calls).toBe(1);
    advance(50);
    expect(calls).toBe(2);
    advance(1000);
    expect(calls).toBe(2);
    t.call();
    expect(calls).toBe(3);
  });

  it('drops the pending trailing call when cancelled', () => {
    const { clock, advance, pending } = fakeClock();
    let calls = 0;
    const t = throttle(() => calls++, 250, clock);
    t.call();
    t.call();
    expect(pending()).toBe(1);
    t.cancel();
    advance(500);
    expect(calls).toBe(1);
  });
});
