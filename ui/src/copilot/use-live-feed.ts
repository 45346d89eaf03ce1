import { useEffect, useState, useSyncExternalStore } from 'react';

export interface LiveFeed<S> {
  start(): void;
  dispose(): void;
  /** Arrow properties on the feeds: handed to useSyncExternalStore unbound. */
  subscribe: (listener: () => void) => () => void;
  getState: () => S;
}

const noSubscription = (): (() => void) => () => undefined;

/**
 * A socket-backed feed owned by one component: created and started in an effect, disposed on
 * unmount. Created inside the effect (not in state) because a disposed feed stays closed, and
 * StrictMode runs every effect twice in development. `before` is the state shown until it exists.
 */
export function useLiveFeed<S, F extends LiveFeed<S>>(create: () => F, before: S): { feed: F | null; state: S } {
  const [feed, setFeed] = useState<F | null>(null);
  const [createOnce] = useState(() => create);
  useEffect(() => {
    const created = createOnce();
    created.start();
    setFeed(created);
    return () => created.dispose();
  }, [createOnce]);
  const state = useSyncExternalStore(feed ? feed.subscribe : noSubscription, feed ? feed.getState : () => before);
  return { feed, state };
}
