import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Below this scroll offset the reader is "at the top" and sees new items arrive. */
const AT_TOP_PX = 4;

interface Anchor {
  key: string;
  top: number;
}

/** The first child (marked `data-anchor`) still visible at the top of the scroller. */
function findAnchor(scroller: HTMLElement): Anchor | null {
  if (scroller.scrollTop <= AT_TOP_PX) return null;
  for (const child of scroller.querySelectorAll<HTMLElement>(':scope > [data-anchor]')) {
    if (child.offsetTop + child.offsetHeight > scroller.scrollTop) return { key: child.dataset['anchor'] ?? '', top: child.offsetTop };
  }
  return null;
}

function anchorElement(scroller: HTMLElement, key: string): HTMLElement | undefined {
  for (const child of scroller.querySelectorAll<HTMLElement>(':scope > [data-anchor]')) if (child.dataset['anchor'] === key) return child;
  return undefined;
}

/**
 * Keeps what the reader is looking at in place while items are prepended to (or dropped from) a
 * newest-first scroller. At the top, new items simply appear; once the reader has scrolled down,
 * the first visible item stays where it was. Children carry `data-anchor` (a stable key) and the
 * scroller must be their offsetParent (`position: relative`) with `overflow-anchor: none`, so the
 * browser's own anchoring does not adjust twice.
 */
export function useScrollAnchor(ref: RefObject<HTMLElement | null>, content: unknown): void {
  const anchor = useRef<Anchor | null>(null);

  useEffect(() => {
    const scroller = ref.current;
    if (!scroller) return;
    const onScroll = (): void => {
      anchor.current = findAnchor(scroller);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [ref]);

  useLayoutEffect(() => {
    const held = anchor.current;
    const scroller = ref.current;
    // At the top new items simply appear. Measuring here would force a synchronous layout of the
    // page on every item of a busy feed, so only a reader who scrolled down costs a measurement.
    if (held === null || !scroller) return;
    const element = anchorElement(scroller, held.key);
    if (!element) {
      anchor.current = findAnchor(scroller);
      return;
    }
    const shift = element.offsetTop - held.top;
    if (shift !== 0) scroller.scrollTop += shift;
    anchor.current = { key: held.key, top: element.offsetTop };
  }, [ref, content]);
}
