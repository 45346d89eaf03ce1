import { describe, expect, it } from 'vitest';
import { chartInterval, sessionCandles, sessionWindow, snapToCandle, tradeMarkers } from './trade-chart';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const candle = (iso: string) => ({ t: at(iso), o: 1, h: 2, l: 0.5, c: 1.5 });

describe(sessionWindow.name, () => {
  it('covers the exchange days from entry to exit', () => {
    const window = sessionWindow({ openedAt: at('2026-12-01T15:00:00Z'), closedAt: at('2026-12-02T20:00:00Z') }, 0, NY);
    expect(window).toEqual({ from: at('2026-12-01T05:00:00Z'), to: at('2026-12-03T05:00:00Z') });
  });

  it('runs an open trade up to today', () => {
    const window = sessionWindow({ openedAt: at('2026-12-01T15:00:00Z'), closedAt: null }, at('2026-12-04T15:00:00Z'), NY);
    expect(window.to).toBe(at('2026-12-05T05:00:00Z'));
  });
});

describe(chartInterval.name, () => {
  it('picks the finest interval whose 2,000 newest candles span the window', () => {
    const day = 86_400_000;
    expect(chartInterval({ from: 0, to: day }, 2000)).toBe('1m');
    expect(chartInterval({ from: 0, to: 3 * day }, 2000)).toBe('5m');
    expect(chartInterval({ from: 0, to: 20 * day }, 2000)).toBe('15m');
    expect(chartInterval({ from: 0, to: 60 * day }, 2000)).toBe('1h');
  });
});

describe('entry and exit markers', () => {
  const candles = [candle('2026-12-01T14:59:00Z'), candle('2026-12-01T15:00:00Z'), candle('2026-12-01T15:01:00Z'), candle('2026-12-01T19:30:00Z')];

  it('sit on the candle each event falls in', () => {
    expect(snapToCandle(candles, at('2026-12-01T15:00:42Z'), '1m')).toBe(at('2026-12-01T15:00:00Z'));
    expect(snapToCandle(candles, at('2026-12-01T15:01:00Z'), '1m')).toBe(at('2026-12-01T15:01:00Z'));
    const markers = tradeMarkers({ openedAt: at('2026-12-01T15:00:42Z'), closedAt: at('2026-12-01T19:30:05Z'), side: 'short' }, candles, '1m');
    expect(markers).toEqual([
      { t: at('2026-12-01T15:00:00Z'), kind: 'entry', text: 'Entry (short)' },
      { t: at('2026-12-01T19:30:00Z'), kind: 'exit', text: 'Exit' },
    ]);
  });

  it('are left out for an event no candle covers (a gap, or before the history)', () => {
    expect(snapToCandle(candles, at('2026-12-01T14:00:00Z'), '1m')).toBeUndefined();
    expect(snapToCandle(candles, at('2026-12-01T17:00:00Z'), '1m')).toBeUndefined();
    expect(tradeMarkers({ openedAt: at('2026-12-01T17:00:00Z'), closedAt: null, side: 'long' }, candles, '1m')).toEqual([]);
  });

  it('keep only the candles inside the session', () => {
    expect(sessionCandles(candles, { from: at('2026-12-01T15:00:00Z'), to: at('2026-12-01T19:30:00Z') })).toHaveLength(2);
  });
});
