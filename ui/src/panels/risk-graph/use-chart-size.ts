import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The element's content box, tracked with a ResizeObserver (whole pixels; `fallback` before the
 * first measure and where there is no ResizeObserver, e.g. server rendering). The element must not
 * take its size from what is drawn with this size, or the two would chase each other.
 */
export function useChartSize(ref: RefObject<HTMLElement | null>, fallback: Size): Size {
  const [size, setSize] = useState(fallback);
  // Measured before the first paint, so the chart never flashes at the fallback size.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const measure = (w: number, h: number): void => {
      const width = Math.round(w);
      const height = Math.round(h);
      if (width > 0 && height > 0) setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    };
    const rect = el.getBoundingClientRect();
    measure(rect.width, rect.height);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
