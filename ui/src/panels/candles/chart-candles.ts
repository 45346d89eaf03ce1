import { TickMarkType, type CandlestickData, type Time, type UTCTimestamp } from 'lightweight-charts';
import type { Candle } from '../../stores/candle-store';

/** Epoch ms → the chart's UTCTimestamp (whole seconds). */
export function toUtcSeconds(ms: number): UTCTimestamp {
  return Math.floor(ms / 1000) as UTCTimestamp;
}

/** A store candle as a lightweight-charts candlestick point. */
export function toChartCandle(candle: Candle): CandlestickData<UTCTimestamp> {
  return { time: toUtcSeconds(candle.t), open: candle.o, high: candle.h, low: candle.l, close: candle.c };
}

export function toChartCandles(candles: readonly Candle[]): CandlestickData<UTCTimestamp>[] {
  return candles.map(toChartCandle);
}

/** Seconds of a chart time (we only ever give the chart UTCTimestamps; other forms fall back to 0). */
function secondsOf(time: Time): number {
  if (typeof time === 'number') return time;
  if (typeof time === 'string') return Date.parse(time) / 1000 || 0;
  return Date.UTC(time.year, time.month - 1, time.day) / 1000;
}

export interface TimeFormatters {
  /** Axis tick labels. */
  tick: (time: Time, type: TickMarkType) => string;
  /** The crosshair's time label. */
  crosshair: (time: Time) => string;
}

/**
 * The chart keeps true UTC instants (no shifted "fake UTC" times, which collide on DST change) and
 * labels them in the viewer's time zone (or `timeZone`, for tests). 24-hour clock for trading.
 * lightweight-charts picks which ticks are day, month or year marks by UTC midnights, which fall in
 * the evening in New York; such a mark is labelled with its time in the zone instead, and a time
 * mark that is midnight in the zone gets the date, so the day labels sit where the zone's days change.
 */
export function createTimeFormatters(locale?: string, timeZone?: string): TimeFormatters {
  const base: Intl.DateTimeFormatOptions = timeZone === undefined ? {} : { timeZone };
  const year = new Intl.DateTimeFormat(locale, { ...base, year: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { ...base, month: 'short' });
  const day = new Intl.DateTimeFormat(locale, { ...base, day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(locale, { ...base, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const seconds = new Intl.DateTimeFormat(locale, { ...base, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const full = new Intl.DateTimeFormat(locale, { ...base, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const clock = new Intl.DateTimeFormat('en-US', { ...base, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const isZoneMidnight = (ms: number) => clock.format(ms) === '00:00:00';
  const byType: Record<TickMarkType, Intl.DateTimeFormat> = {
    [TickMarkType.Year]: year,
    [TickMarkType.Month]: month,
    [TickMarkType.DayOfMonth]: day,
    [TickMarkType.Time]: time,
    [TickMarkType.TimeWithSeconds]: seconds,
  };
  return {
    tick: (t, type) => {
      const ms = secondsOf(t) * 1000;
      const dateMark = type === TickMarkType.Year || type === TickMarkType.Month || type === TickMarkType.DayOfMonth;
      if (dateMark && !isZoneMidnight(ms)) return time.format(ms);
      if (type === TickMarkType.Time && isZoneMidnight(ms)) return day.format(ms);
      return byType[type].format(ms);
    },
    crosshair: (t) => full.format(secondsOf(t) * 1000),
  };
}

/** Resolved colours for the canvas (which cannot read CSS variables). */
export interface ChartTheme {
  bg: string;
  surface: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  up: string;
  down: string;
}

/** The dark theme of styles.css, used when a variable is not set (tests, a detached element). */
export const DEFAULT_CHART_THEME: ChartTheme = {
  bg: '#0d1117',
  surface: '#161b22',
  border: '#30363d',
  text: '#e6edf3',
  muted: '#8b949e',
  accent: '#58a6ff',
  up: '#3fb950',
  down: '#f85149',
};

/** Reads the theme variables as computed for `el`. */
export function readChartTheme(read: (name: string) => string): ChartTheme {
  const theme = { ...DEFAULT_CHART_THEME };
  for (const key of Object.keys(theme) as (keyof ChartTheme)[]) {
    const value = read(`--${key}`).trim();
    if (value !== '') theme[key] = value;
  }
  return theme;
}
