import { useEffect, useRef, type RefObject } from 'react';
import type { PriceAxis } from '@marketswarm/shared/models';
import type { ChartFrame } from './risk-chart';
import { zoomAxis } from '@marketswarm/shared/models';
import { dragAxis, pickedPrice, priceAtPixel, wheelAxis } from './risk-chart-gestures';
import { handleChartKey } from './chart-keys';

export interface ChartCursor {
  price: number;
  /** Pointer height in the frame; undefined for the keyboard crosshair. */
  y: number | undefined;
  source: 'pointer' | 'keyboard';
}

export interface ChartGestureState {
  axis: PriceAxis;
  frame: ChartFrame;
  cursor: ChartCursor | null;
  /** Where the keyboard crosshair starts (the what-if spot). */
  home: number;
}

export interface ChartGestureHandlers {
  onAxisChange(axis: PriceAxis): void;
  onAxisReset(): void;
  onLevelAlert(level: number): void;
  onCursor(cursor: ChartCursor | null): void;
}

/** Pixels a press may move and still count as a click (a tap shows the crosshair, it does not pan). */
const CLICK_SLOP = 4;

interface Drag {
  id: number;
  startX: number;
  startAxis: PriceAxis;
  moved: boolean;
}

interface Pinch {
  startDistance: number;
  startAxis: PriceAxis;
  anchor: number;
}

/**
 * Zoom and pan of the chart on `ref` (the focusable plot): wheel zooms about the cursor (and a
 * sideways trackpad swipe pans), a drag pans (pointer capture, so touch and a drag leaving the
 * chart work), two fingers pinch, keys act while it has focus; the pointer (or Shift+arrows) moves
 * the crosshair; Alt+click sets an alert. Axis changes are coalesced to one per animation frame,
 * because each makes the panel recompute every curve.
 */
export function useChartGestures(ref: RefObject<HTMLElement | null>, state: ChartGestureState, handlers: ChartGestureHandlers): void {
  const latest = useRef({ state, handlers });
  latest.current = { state, handlers };

  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    let pending: PriceAxis | null = null;
    let frameRequest = 0;
    let drag: Drag | null = null;
    let pinch: Pinch | null = null;
    const pointers = new Map<number, { x: number; y: number }>();

    /** The axis gestures build on: the one waiting to be sent, else the one drawn. */
    const baseAxis = (): PriceAxis => pending ?? latest.current.state.axis;
    const send = (axis: PriceAxis): void => {
      pending = axis;
      if (frameRequest !== 0) return;
      frameRequest = requestAnimationFrame(() => {
        frameRequest = 0;
        const next = pending;
        pending = null;
        if (next !== null) latest.current.handlers.onAxisChange(next);
      });
    };
    const local = (event: { clientX: number; clientY: number }): { x: number; y: number } => {
      const rect = el.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const priceAt = (x: number, axis = latest.current.state.axis): number => {
      const { frame } = latest.current.state;
      return priceAtPixel(axis, Math.max(frame.left, Math.min(frame.right, x)), frame.left, frame.right);
    };
    const showCursor = (x: number, y: number): void => {
      const { frame } = latest.current.state;
      if (x < frame.left || x > frame.right) latest.current.handlers.onCursor(null);
      else latest.current.handlers.onCursor({ price: priceAt(x, baseAxis()), y, source: 'pointer' });
    };

    const onWheel = (event: WheelEvent): void => {
      // Only reached while the pointer is over the chart, so the page scrolls normally elsewhere.
      event.preventDefault();
      const axis = baseAxis();
      const { frame } = latest.current.state;
      send(wheelAxis(axis, event, priceAt(local(event).x, axis), frame.right - frame.left));
    };

    const onPointerDown = (event: PointerEvent): void => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      const { x, y } = local(event);
      const { frame, axis } = latest.current.state;
      // An Alt+click on a marker is the marker's own click (its level), and a button is never a pan.
      const onMarker = event.target instanceof Element && event.target.closest('[data-level]') !== null;
      if (event.target instanceof Element && event.target.closest('button') !== null) return;
      if (event.altKey && !onMarker) {
        if (x >= frame.left && x <= frame.right) {
          event.preventDefault();
          latest.current.handlers.onLevelAlert(pickedPrice(priceAt(x), axis, frame.right - frame.left));
        }
        return;
      }
      if (event.altKey) return;
      pointers.set(event.pointerId, { x, y });
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        if (a !== undefined && b !== undefined) {
          for (const id of pointers.keys()) if (!el.hasPointerCapture(id)) el.setPointerCapture(id);
          drag = null;
          pinch = { startDistance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), startAxis: baseAxis(), anchor: priceAt((a.x + b.x) / 2, baseAxis()) };
        }
        return;
      }
      drag = { id: event.pointerId, startX: x, startAxis: baseAxis(), moved: false };
      showCursor(x, y);
    };

    const onPointerMove = (event: PointerEvent): void => {
      const { x, y } = local(event);
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, { x, y });
      if (pinch !== null && pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        if (a !== undefined && b !== undefined) send(zoomAxis(pinch.startAxis, pinch.startDistance / Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), pinch.anchor));
        return;
      }
      if (drag !== null && drag.id === event.pointerId) {
        const dx = x - drag.startX;
        if (!drag.moved && Math.abs(dx) < CLICK_SLOP) return;
        if (!drag.moved) {
          // Captured only once it is a drag: a press that stays put is a click on what is under it (a breakeven, an alert line).
          drag.moved = true;
          el.setPointerCapture(event.pointerId);
        }
        const { frame } = latest.current.state;
        send(dragAxis(drag.startAxis, dx, frame.right - frame.left));
        // While panning the price under the pointer stays put: the crosshair keeps its price.
        return;
      }
      if (event.pointerType === 'mouse') showCursor(x, y);
    };

    const onPointerEnd = (event: PointerEvent): void => {
      pointers.delete(event.pointerId);
      if (el.hasPointerCapture(event.pointerId)) el.releasePointerCapture(event.pointerId);
      if (drag?.id === event.pointerId) drag = null;
      if (pointers.size < 2) pinch = null;
    };

    const onPointerLeave = (event: PointerEvent): void => {
      if (event.pointerType === 'mouse' && drag === null && latest.current.state.cursor?.source === 'pointer') latest.current.handlers.onCursor(null);
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      const { state: s, handlers: h } = latest.current;
      handleChartKey(event, {
        axis: baseAxis(),
        cursor: s.cursor,
        home: s.home,
        plotWidth: s.frame.right - s.frame.left,
        send,
        reset: () => {
          pending = null;
          h.onAxisReset();
        },
        onCursor: (cursor) => h.onCursor(cursor),
        onLevelAlert: (level) => h.onLevelAlert(level),
      });
    };

    const onBlur = (event: FocusEvent): void => {
      // Focus moving to a breakeven marker inside the chart keeps the keyboard crosshair.
      if (event.relatedTarget instanceof Node && el.contains(event.relatedTarget)) return;
      if (latest.current.state.cursor?.source === 'keyboard') latest.current.handlers.onCursor(null);
    };

    // One signal removes every listener below when the effect is cleaned up.
    const listeners = new AbortController();
    const { signal } = listeners;
    el.addEventListener('wheel', onWheel, { passive: false, signal });
    el.addEventListener('pointerdown', onPointerDown, { signal });
    el.addEventListener('pointermove', onPointerMove, { signal });
    el.addEventListener('pointerup', onPointerEnd, { signal });
    el.addEventListener('pointercancel', onPointerEnd, { signal });
    el.addEventListener('pointerleave', onPointerLeave, { signal });
    el.addEventListener('keydown', onKeyDown, { signal });
    el.addEventListener('focusout', onBlur, { signal });
    return () => {
      cancelAnimationFrame(frameRequest);
      listeners.abort();
    };
  }, [ref]);
}
