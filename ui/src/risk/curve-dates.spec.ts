import { describe, expect, it } from 'vitest';
import { MAX_CURVE_DATES, addCurveDate, curveDateLabel, curveDatePresets, liveCurveDates, removeCurveDate } from './curve-dates';

const H = 3_600_000;
const D = 24 * H;
// Friday 2026-01-02, 10:00 New York (15:00 UTC); the 0DTE close is 16:00 New York.
const NOW = Date.UTC(2026, 0, 2, 15);
const CLOSE = Date.UTC(2026, 0, 2, 21);

describe('curveDatePresets', () => {
  it('offers hours for a position expiring today: +1h, +2h and half an hour before the close', () => {
    expect(curveDatePresets(NOW, CLOSE)).toEqual([
      { label: '+1h', at: NOW + H },
      { label: '+2h', at: NOW + 2 * H },
      { label: 'close −30m', at: CLOSE - H / 2 },
    ]);
  });

  it('drops presets at or past the close in the last hour', () => {
    const late = CLOSE - 50 * 60_000;
    expect(curveDatePresets(late, CLOSE).map((p) => p.label)).toEqual(['close −30m']);
  });

  it('offers days for a longer position, only those before expiry', () => {
    expect(curveDatePresets(NOW, NOW + 10 * D).map((p) => p.label)).toEqual(['+1d', '+3d', 'halfway', '+1w']);
    expect(curveDatePresets(NOW, NOW + 2.5 * D).map((p) => p.label)).toEqual(['+1d']);
  });

  it('offers nothing without a future expiry', () => {
    expect(curveDatePresets(NOW, undefined)).toEqual([]);
    expect(curveDatePresets(NOW, NOW - 1)).toEqual([]);
  });
});

describe('chosen dates', () => {
  it('keeps at most three, in time order, each once (a preset pressed again a minute later too)', () => {
    let chosen: number[] = [];
    for (const at of [NOW + 2 * H, NOW + H, NOW + H + 60_000, NOW + 3 * H, NOW + 4 * H]) chosen = addCurveDate(chosen, at);
    expect(chosen).toEqual([NOW + H, NOW + 2 * H, NOW + 3 * H]);
    expect(chosen).toHaveLength(MAX_CURVE_DATES);
    expect(removeCurveDate(chosen, NOW + 2 * H)).toEqual([NOW + H, NOW + 3 * H]);
  });

  it('draws only the dates between now and the first expiry', () => {
    expect(liveCurveDates([NOW - H, NOW + H, CLOSE, CLOSE + H], NOW, CLOSE)).toEqual([NOW + H]);
  });
});

describe('curveDateLabel', () => {
  it('names a date today by its time in the trader’s zone, another day with its date', () => {
    expect(curveDateLabel(NOW + 90 * 60_000, NOW, 'America/New_York')).toBe('T+ 11:30');
    expect(curveDateLabel(NOW + 3 * D, NOW, 'America/New_York')).toBe('T+ Jan 5 10:00');
    expect(curveDateLabel(NOW + H, NOW, 'Europe/London')).toBe('T+ 16:00');
  });
});
