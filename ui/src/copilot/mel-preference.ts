import type { QueryClient } from '@tanstack/react-query';
import { MEL_DTE_MAX, type Preferences } from '@marketswarm/shared/dto';
import { preferencesQueue } from '../auth/preferences-queue';

/** The profile preference the header's DTE is kept under (it follows the trader to any browser). */
export const MEL_DTE_PREFERENCE = 'melDte';

/** The expiries the selector offers: the ones traders watch (0DTE through the monthly). */
export const MEL_DTE_CHOICES: readonly number[] = [0, 1, 2, 5, 7, 14, 30];

/** The saved DTE, or 0 for anything missing or out of range (an old or hand-edited preference). */
export function melDteFrom(preferences: Preferences | undefined): number {
  const value = preferences?.[MEL_DTE_PREFERENCE];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MEL_DTE_MAX ? value : 0;
}

/**
 * Saves the DTE into the profile through the page's one preferences queue, so it and a workspace
 * layout save never overwrite each other's key.
 */
export function saveMelDte(client: QueryClient, dte: number): Promise<void> {
  return preferencesQueue(client).save({ [MEL_DTE_PREFERENCE]: dte });
}
