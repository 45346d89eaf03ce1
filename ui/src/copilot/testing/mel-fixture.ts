import { melStateOf, type MelModelId, type MelModelScore, type MelSnapshot } from '@marketswarm/shared/dto';

/** A MEL model score for specs: the state follows the score, as the service computes it. */
export function melModel(model: MelModelId, score: number, extra: Partial<MelModelScore> = {}): MelModelScore {
  return { model, score, state: melStateOf(score), trend: 'stable', confidence: 1, components: {}, ...extra };
}

/** A whole MEL snapshot for specs (every model at 80 unless given). */
export function melSnapshot(overrides: Partial<MelSnapshot>): MelSnapshot {
  const globalIntegrity = overrides.globalIntegrity ?? 80;
  return {
    symbol: 'SPX',
    dte: 0,
    ts: Date.UTC(2026, 0, 5, 15, 30),
    spot: 5000,
    models: {
      gamma: melModel('gamma', 80),
      volumeProfile: melModel('volumeProfile', 80),
      liquidity: melModel('liquidity', 80),
      volatility: melModel('volatility', 80),
      session: melModel('session', 80),
    },
    weighted: globalIntegrity,
    coherence: 'stable',
    globalIntegrity,
    state: melStateOf(globalIntegrity),
    ...overrides,
  };
}
