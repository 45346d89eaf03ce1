import { useEffect, useState, type RefObject } from 'react';

/** The element's content width, tracked with a ResizeObserver (rounded to whole pixels; `fallback` before the first measure). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const measure = (w: number): void => {
      const next = Math.round(w);
      if (next > 0) setWidth((prev) => (prev === next ? prev : next));
    };
    measure(el.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
