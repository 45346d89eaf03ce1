import { melModelIds, melStateOf, type MelModelId, type MelModelScore, type MelSnapshot } from '@marketswarm/shared/dto';
import { coherenceOf } from './coherence.js';
import { gammaScore } from './gamma-score.js';
import { integrityOf } from './integrity.js';
import { liquidityScore } from './liquidity-score.js';
import type { MelInputs } from './mel-inputs.js';
import type { ModelScoring } from './score-math.js';
import { sessionScore } from './session-score.js';
import { trendOf } from './trend.js';
import { volatilityScore } from './volatility-score.js';
import { volumeProfileScore } from './volume-profile-score.js';

const scorers: Readonly<Record<MelModelId, (inputs: MelInputs) => ModelScoring>> = {
  gamma: gammaScore,
  volumeProfile: volumeProfileScore,
  liquidity: liquidityScore,
  volatility: volatilityScore,
  session: sessionScore,
};

/**
 * One MEL snapshot from its inputs and the snapshots before it (same DTE, oldest first): the five
 * scores with state, trend and confidence, coherence over the recent states, the global integrity.
 * Pure: the same inputs and history give the same snapshot.
 */
export function melSnapshotOf(inputs: MelInputs, previous: readonly MelSnapshot[]): MelSnapshot {
  const models = {} as Record<MelModelId, MelModelScore>;
  for (const model of melModelIds) {
    const { score, components, confidence } = scorers[model](inputs);
    const trend = trendOf(
      score,
      previous.map((s) => s.models[model].score),
    );
    models[model] = { model, score, state: melStateOf(score), trend, confidence, components };
  }
  const statesOf = (m: Record<MelModelId, Pick<MelModelScore, 'state'>>) => melModelIds.map((id) => m[id].state);
  const coherence = coherenceOf([...previous.map((s) => statesOf(s.models)), statesOf(models)]);
  const { weighted, globalIntegrity, state } = integrityOf(
    Object.fromEntries(melModelIds.map((id) => [id, models[id].score])) as Record<MelModelId, number>,
    coherence,
  );
  return { symbol: inputs.symbol, dte: inputs.dte, ts: inputs.now, spot: inputs.spot?.price ?? null, models, weighted, coherence, globalIntegrity, state };
}
