import { describe, expect, it, vi } from 'vitest';
import { handleChartKey, type ChartKeyContext, type ChartKeyEvent } from './chart-keys';
import type { ChartCursor } from './use-chart-gestures';

const keydown = (key: string, mods: Partial<Pick<ChartKeyEvent, 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
  preventDefault: vi.fn(),
});

const context = (cursor: ChartCursor | null = null) => {
  const ctx = { axis: { from: 4900, to: 5100 }, cursor, home: 5000, plotWidth: 800, send: vi.fn(), reset: vi.fn(), onCursor: vi.fn(), onLevelAlert: vi.fn() } satisfies ChartKeyContext;
  return ctx;
};

describe(handleChartKey.name, () => {
  it('keeps `a` from the page when there is no crosshair, so it adds no heatmap tile, and sets no alert', () => {
    const event = keydown('a');
    const ctx = context();
    handleChartKey(event, ctx);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(ctx.onLevelAlert).not.toHaveBeenCalled();
  });

  it('keeps Escape from the page when there is no crosshair to hide', () => {
    const event = keydown('Escape');
    const ctx = context();
    handleChartKey(event, ctx);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(ctx.onCursor).not.toHaveBeenCalled();
  });

  it('sets an alert at the keyboard crosshair on `a`, rounded to what a pixel tells apart', () => {
    const event = keydown('a');
    const ctx = context({ price: 5012.2871, y: undefined, source: 'keyboard' });
    handleChartKey(event, ctx);
    // 200 points over 800 px: a quarter point a pixel, so whole points.
    expect(ctx.onLevelAlert).toHaveBeenCalledWith(5012);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('hides the crosshair on Escape', () => {
    const ctx = context({ price: 5010, y: 40, source: 'pointer' });
    handleChartKey(keydown('Escape'), ctx);
    expect(ctx.onCursor).toHaveBeenCalledWith(null);
  });

  it('zooms about the middle, pans a tenth, resets on 0, and starts the crosshair at the what-if spot', () => {
    const ctx = context();
    handleChartKey(keydown('+'), ctx);
    expect(ctx.send).toHaveBeenLastCalledWith({ from: 4925, to: 5075 });
    handleChartKey(keydown('ArrowRight'), ctx);
    expect(ctx.send).toHaveBeenLastCalledWith({ from: 4920, to: 5120 });
    handleChartKey(keydown('0'), ctx);
    expect(ctx.reset).toHaveBeenCalledOnce();
    handleChartKey(keydown('ArrowLeft', { shiftKey: true }), ctx);
    expect(ctx.onCursor).toHaveBeenCalledWith({ price: 5000, y: undefined, source: 'keyboard' });
  });

  it('leaves modified keys and keys it does not own to the browser and the workspace', () => {
    for (const event of [keydown('a', { ctrlKey: true }), keydown('-', { metaKey: true }), keydown('a', { altKey: true }), keydown('Tab'), keydown('h')]) {
      const ctx = context({ price: 5000, y: undefined, source: 'keyboard' });
      handleChartKey(event, ctx);
      expect(event.preventDefault).not.toHaveBeenCalled();
      expect([ctx.send, ctx.reset, ctx.onCursor, ctx.onLevelAlert].every((f) => f.mock.calls.length === 0)).toBe(true);
    }
  });
});
