import type { MelCoherence, MelState } from '@marketswarm/shared/dto';

/** Snapshots (the current one included) coherence looks back over. */
export const COHERENCE_WINDOW = 5;

/** The five models' states at one snapshot. */
export type ModelStates = readonly MelState[];

const count = (states: ModelStates, state: MelState): number => states.filter((s) => s === state).length;

/**
 * Whether the five models agree over time, from the recent history of their states (oldest first,
 * the current snapshot last), first rule that holds:
 * 1. collapsing — three or more models REVOKED now, or two fewer VALID now than at the window's best;
 * 2. recovered — none REVOKED now and two more VALID now than at the window's worst;
 * 3. mixed — VALID and REVOKED models side by side now, or two or more models changed state within the window;
 * 4. stable.
 */
export function coherenceOf(history: readonly ModelStates[]): MelCoherence {
  const window = history.slice(-COHERENCE_WINDOW);
  const now = window.at(-1);
  if (!now) return 'stable';
  const valid = window.map((states) => count(states, 'VALID'));
  const validNow = count(now, 'VALID');
  const revokedNow = count(now, 'REVOKED');
  if (revokedNow >= 3 || validNow <= Math.max(...valid) - 2) return 'collapsing';
  if (revokedNow === 0 && validNow >= Math.min(...valid) + 2) return 'recovered';
  const changed = now.filter((state, model) => window.some((states) => states[model] !== state)).length;
  if ((validNow >= 1 && revokedNow >= 1) || changed >= 2) return 'mixed';
  return 'stable';
}
