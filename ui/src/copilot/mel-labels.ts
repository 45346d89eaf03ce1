import { melModelIds, type MelCoherence, type MelModelId } from '@marketswarm/shared/dto';

/** The order the header lists the models in: by weight, as the contract lists them. */
export const MEL_MODEL_ORDER: readonly MelModelId[] = melModelIds;

export const MEL_MODEL_LABEL: Readonly<Record<MelModelId, string>> = {
  gamma: 'Gamma',
  volumeProfile: 'Volume',
  liquidity: 'Liquidity',
  volatility: 'Volatility',
  session: 'Session',
};

export const MEL_COHERENCE_LABEL: Readonly<Record<MelCoherence, string>> = {
  stable: 'models agree',
  mixed: 'models mixed',
  collapsing: 'models collapsing',
  recovered: 'models recovered',
};

/** A component key as written by the service (`levelRespect`, `iv_vs_realised`) made readable. */
export function componentLabel(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
