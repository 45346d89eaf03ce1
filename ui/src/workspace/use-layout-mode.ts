import { useSyncExternalStore } from 'react';
import { layoutModeFor, NARROW_QUERY, type LayoutMode } from './layout-mode';

const browserMatchMedia = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? (q: string) => window.matchMedia(q) : undefined);

function subscribe(notify: () => void): () => void {
  const matchMedia = browserMatchMedia();
  if (matchMedia === undefined) return () => undefined;
  const list = matchMedia(NARROW_QUERY);
  list.addEventListener('change', notify);
  return () => list.removeEventListener('change', notify);
}

/** The layout for the screen now, switching when the window crosses 900 px (a rotated tablet). */
export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(
    subscribe,
    () => layoutModeFor(browserMatchMedia()),
    () => 'grid',
  );
}
