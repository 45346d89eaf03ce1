import { sessionPhase } from '@marketswarm/shared/models';
import type { MelInputs } from './mel-inputs.js';
import { freshness, scoreOf, type ModelScoring } from './score-math.js';

/** A spot tick younger than 5 s is live; one a minute older is a stalled feed. */
const LIVE_MS = 5_000;
const STALLED_MS = 65_000;

/**
 * How well the models hold at this time of the symbol's session (`sessionPhase`): 0 while its
 * options do not trade (weekends, before 09:30, from the close: 16:15 for SPX), 40 at the open
 * rising to 100 at 10:30 as the opening auction settles, 100 through midday, falling from 14:30 to
 * 50 at the close as expiring gamma and flows take over.
 */
export function timeOfDay(now: number, symbol: string): number {
  const { phase, progress } = sessionPhase(now, symbol);
  switch (phase) {
    case 'closed':
      return 0;
    case 'open':
      return 40 + 60 * progress;
    case 'midday':
      return 100;
    case 'late':
      return 100 - 50 * progress;
  }
}

/** Session: the time of day on the exchange clock and whether the spot feed is live. */
export function sessionScore(inputs: Pick<MelInputs, 'now' | 'spot' | 'symbol'>): ModelScoring {
  const components = {
    timeOfDay: timeOfDay(inputs.now, inputs.symbol),
    feedFreshness: inputs.spot ? freshness(inputs.now - inputs.spot.ts, LIVE_MS, STALLED_MS) : 0,
  };
  return scoreOf(components, inputs.spot ? 1 : 0.5);
}
