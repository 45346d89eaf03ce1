import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ChartSize } from './gex-geometry';

/**
 * The content-box size of `ref`'s element, following resizes. `fallback` is used until the element
 * is measured (and on the server). Sizes are rounded to whole pixels so sub-pixel jitter does not re-render.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>, fallback: ChartSize): ChartSize {
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const apply = (width: number, height: number): void => {
      const next = { width: Math.round(width), height: Math.round(height) };
      if (next.width <= 0 || next.height <= 0) return;
      setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
    };
    const rect = el.getBoundingClientRect();
    apply(rect.width, rect.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) apply(box.width, box.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
