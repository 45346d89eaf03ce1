import { panAxis, zoomAxis, type PriceAxis } from '@marketswarm/shared/models';
import { chartKeyAction, pickedPrice } from './risk-chart-gestures';
import type { ChartCursor } from './use-chart-gestures';

/** The parts of a keydown the chart reads. */
export type ChartKeyEvent = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'preventDefault'>;

export interface ChartKeyContext {
  /** The axis the key builds on (the one waiting to be drawn, else the one drawn). */
  axis: PriceAxis;
  cursor: ChartCursor | null;
  /** Where the keyboard crosshair starts (the what-if spot). */
  home: number;
  plotWidth: number;
  send(axis: PriceAxis): void;
  reset(): void;
  onCursor(cursor: ChartCursor | null): void;
  onLevelAlert(level: number): void;
}

/**
 * One keydown on the focused chart (see chartKeyAction). Every key the chart owns is taken from the
 * page even when it has nothing to do — `a` with no crosshair would otherwise reach the workspace's
 * `a` shortcut and add a heatmap tile — while modified keys stay the browser's and the workspace's.
 */
export function handleChartKey(event: ChartKeyEvent, ctx: ChartKeyContext): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const action = chartKeyAction(event.key, event.shiftKey);
  if (action === undefined) return;
  event.preventDefault();
  const { axis, cursor } = ctx;
  const span = axis.to - axis.from;
  const clampIn = (p: number): number => Math.max(axis.from, Math.min(axis.to, p));
  switch (action.kind) {
    case 'zoom':
      ctx.send(zoomAxis(axis, action.factor, cursor?.price ?? (axis.from + axis.to) / 2));
      break;
    case 'reset':
      ctx.reset();
      break;
    case 'pan':
      ctx.send(panAxis(axis, action.fraction * span));
      break;
    case 'cursor': {
      const from = cursor?.price ?? clampIn(ctx.home);
      ctx.onCursor({ price: clampIn(cursor === null ? from : from + action.fraction * span), y: undefined, source: 'keyboard' });
      break;
    }
    case 'alert':
      if (cursor !== null) ctx.onLevelAlert(pickedPrice(cursor.price, axis, ctx.plotWidth));
      break;
    case 'hide-cursor':
      if (cursor !== null) ctx.onCursor(null);
      break;
  }
}
