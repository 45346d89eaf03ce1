import { describe, expect, it } from 'vitest';
import { ExternalStore } from './external-store';

class Counter extends ExternalStore<{ n: number }> {
  constructor() {
    super({ n: 0 });
  }
  bump(): void {
    this.set({ n: this.state.n + 1 });
  }
  keep(): void {
    this.set(this.state);
  }
  dispose(): void {
    this.forgetListeners();
  }
}

describe(ExternalStore.name, () => {
  it('tells every listener once per new state and answers the new state unbound', () => {
    const store = new Counter();
    const { getState, subscribe } = store;
    const heard: number[] = [];
    subscribe(() => heard.push(getState().n));
    subscribe(() => heard.push(-getState().n));
    store.bump();
    expect(heard).toEqual([1, -1]);
    expect(getState()).toEqual({ n: 1 });
  });

  it('tells nobody when the state object is the same', () => {
    const store = new Counter();
    let calls = 0;
    store.subscribe(() => calls++);
    store.keep();
    expect(calls).toBe(0);
  });

  it('stops telling a listener that unsubscribed, without skipping one that unsubscribes while being told', () => {
    const store = new Counter();
    const heard: string[] = [];
    const first = store.subscribe(() => {
      heard.push('first');
      first();
    });
    store.subscribe(() => heard.push('second'));
    store.bump();
    store.bump();
    expect(heard).toEqual(['first', 'second', 'second']);
  });

  it('tells nobody anything after its listeners are forgotten', () => {
    const store = new Counter();
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispose();
    store.bump();
    expect(calls).toBe(0);
    expect(store.getState()).toEqual({ n: 1 });
  });
});
