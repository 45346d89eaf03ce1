import { exchangeTime, exchangeWallClock } from '@marketswarm/shared/journal';
import { NEW_YORK } from '@marketswarm/shared/models';
import type { MelInputs } from './mel-inputs.js';
import { freshness, scoreOf, type ModelScoring } from './score-math.js';

const OPEN = 9 * 60 + 30;
const SETTLED = 10 * 60 + 30;
const LATE = 14 * 60 + 30;
const CLOSE = 16 * 60;
/** A spot tick younger than 5 s is live; one a minute older is a stalled feed. */
const LIVE_MS = 5_000;
const STALLED_MS = 65_000;

/** Minutes since midnight on the New York wall clock. */
export function exchangeMinute(now: number): number {
  return Math.floor((exchangeWallClock(now, NEW_YORK) % 86_400_000) / 60_000);
}

/**
 * How well the models hold at this time of the session: 0 while the market is closed (weekends,
 * before 09:30, from 16:00), 40 at the open rising to 100 at 10:30 as the opening auction settles,
 * 100 through midday, falling to 50 at the close as expiring gamma and flows take over.
 */
export function timeOfDay(now: number): number {
  const { weekday } = exchangeTime(now, NEW_YORK);
  const m = exchangeMinute(now);
  if (weekday >= 5 || m < OPEN || m >= CLOSE) return 0;
  if (m < SETTLED) return 40 + (60 * (m - OPEN)) / (SETTLED - OPEN);
  if (m < LATE) return 100;
  return 100 - (50 * (m - LATE)) / (CLOSE - LATE);
}

/** Session: the time of day on the exchange clock and whether the spot feed is live. */
export function sessionScore(inputs: Pick<MelInputs, 'now' | 'spot'>): ModelScoring {
  const components = {
    timeOfDay: timeOfDay(inputs.now),
    feedFreshness: inputs.spot ? freshness(inputs.now - inputs.spot.ts, LIVE_MS, STALLED_MS) : 0,
  };
  return scoreOf(components, inputs.spot ? 1 : 0.5);
}
