import { MEL_COHERENCE_MULTIPLIER, melModelIds, melStateOf, type MelCoherence, type MelModelId, type MelSnapshot } from '@marketswarm/shared/dto';
import type { MarketObservation } from './commentary-rules.js';

/** Test data: a 0DTE SPX MEL snapshot with the given model scores (others 80) and coherence. */
export function melSnapshot(scores: Partial<Record<MelModelId, number>> = {}, coherence: MelCoherence = 'stable', weighted = 80): MelSnapshot {
  const models = Object.fromEntries(
    melModelIds.map((id) => {
      const score = scores[id] ?? 80;
      return [id, { model: id, score, state: melStateOf(score), trend: 'stable', confidence: 1, components: {} }];
    }),
  ) as MelSnapshot['models'];
  const globalIntegrity = weighted * MEL_COHERENCE_MULTIPLIER[coherence];
  return { symbol: 'SPX', dte: 0, ts: Date.UTC(2026, 11, 7, 15, 0), spot: 6000, models, weighted, coherence, globalIntegrity, state: melStateOf(globalIntegrity) };
}

/** Test data: SPX levels with a call wall at 6,050, a put wall at 5,950 and the flip at 5,987.5. */
export function market(spot: number | null, overrides: Partial<MarketObservation> = {}): MarketObservation {
  return { symbol: 'SPX', spot, callWall: 6050, putWall: 5950, flip: 5987.5, ...overrides };
}
