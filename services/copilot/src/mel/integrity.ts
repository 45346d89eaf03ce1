import { MEL_COHERENCE_MULTIPLIER, MEL_WEIGHTS, melModelIds, melStateOf, type MelCoherence, type MelModelId, type MelState } from '@marketswarm/shared/dto';

export interface Integrity {
  /** Σ weight × score over the five models. */
  weighted: number;
  /** weighted × the coherence multiplier. */
  globalIntegrity: number;
  state: MelState;
}

/** The global integrity: the weighted mean of the five scores (.30/.25/.20/.15/.10) times the coherence multiplier. */
export function integrityOf(scores: Readonly<Record<MelModelId, number>>, coherence: MelCoherence): Integrity {
  const weighted = melModelIds.reduce((sum, id) => sum + MEL_WEIGHTS[id] * scores[id], 0);
  const globalIntegrity = weighted * MEL_COHERENCE_MULTIPLIER[coherence];
  return { weighted, globalIntegrity, state: melStateOf(globalIntegrity) };
}
