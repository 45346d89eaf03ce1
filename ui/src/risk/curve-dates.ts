/**
 * The T+n dates a trader adds to the risk graph: a few presets that fit the time left (hours for a
 * position expiring today, days for a longer one), at most MAX_CURVE_DATES chosen at once. Dates are
 * instants (epoch ms), so a chosen "+1h" stays at that hour while the clock runs.
 */

export const MAX_CURVE_DATES = 3;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface CurveDatePreset {
  /** What the chooser's button says: `+1h`, `close −30m`, `+3d`. */
  label: string;
  at: number;
}

/**
 * The presets between `now` and the first `expiry`, in time order. Within a day of expiry: +1h,
 * +2h and 30 minutes before the close; otherwise +1d, +3d, +1w and halfway, whichever come before
 * the expiry (so each one draws a curve distinct from the expiry's).
 */
export function curveDatePresets(now: number, expiry: number | undefined): CurveDatePreset[] {
  if (expiry === undefined || !(expiry > now)) return [];
  const left = expiry - now;
  const candidates: CurveDatePreset[] =
    left <= DAY
      ? [
          { label: '+1h', at: now + HOUR },
          { label: '+2h', at: now + 2 * HOUR },
          { label: 'close −30m', at: expiry - HOUR / 2 },
        ]
      : [
          { label: '+1d', at: now + DAY },
          { label: '+3d', at: now + 3 * DAY },
          { label: '+1w', at: now + 7 * DAY },
          { label: 'halfway', at: now + left / 2 },
        ];
  // Presets too close to each other, to now or to the expiry would draw the same curve twice.
  const minGap = left <= DAY ? 10 * 60_000 : DAY / 2;
  const out: CurveDatePreset[] = [];
  for (const p of candidates.sort((a, b) => a.at - b.at)) {
    if (p.at - now < minGap / 2 || expiry - p.at < minGap / 2) continue;
    if (out.some((q) => Math.abs(q.at - p.at) < minGap)) continue;
    out.push(p);
  }
  return out;
}

/** Two dates this close draw the same curve: a preset pressed twice a few ticks apart is one date. */
export const SAME_DATE_MS = 5 * 60_000;

export const isChosen = (chosen: readonly number[], at: number): boolean => chosen.some((d) => Math.abs(d - at) < SAME_DATE_MS);

/** The chosen dates with `at` added, in time order, once, and never more than MAX_CURVE_DATES. */
export function addCurveDate(chosen: readonly number[], at: number): number[] {
  if (!Number.isFinite(at) || isChosen(chosen, at) || chosen.length >= MAX_CURVE_DATES) return [...chosen];
  return [...chosen, at].sort((a, b) => a - b);
}

export function removeCurveDate(chosen: readonly number[], at: number): number[] {
  return chosen.filter((d) => d !== at);
}

/** The chosen dates still worth a curve: after `now` and before the first `expiry`. */
export function liveCurveDates(chosen: readonly number[], now: number, expiry: number | undefined): number[] {
  return chosen.filter((d) => d > now && (expiry === undefined || d < expiry));
}

/**
 * A curve's legend name in the trader's time zone: the time for a date on the day it is viewed
 * from (`T+ 11:30`), else the day and time (`T+ Jan 5 11:30`).
 */
export function curveDateLabel(at: number, now: number, timeZone: string): string {
  const day = (t: number): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (day(at) === day(now)) return `T+ ${time}`;
  const date = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(at);
  return `T+ ${date} ${time}`;
}
