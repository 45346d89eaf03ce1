import { processInstances, type ProcessInstance } from '@marketswarm/shared/ops';
import type { PublicTruth } from '@marketswarm/shared/truth';
import type { Pm2ProcessFacts } from './pm2-process.js';

/** One process the watch scores and may restart. */
export type WatchTarget = ProcessInstance<Pm2ProcessFacts> & { pm2Name: string };

/**
 * Every process of every component pm2 runs (see processInstances), except the watch itself; a
 * component pm2 does not list at all is still a target, with no process.
 */
export function watchTargets(truth: PublicTruth, processes: readonly Pm2ProcessFacts[], selfId: string): WatchTarget[] {
  return Object.values(truth.components).flatMap((component) => {
    if (component.id === selfId) return [];
    return processInstances(component, processes).flatMap((instance) => (instance.pm2Name === null ? [] : [{ ...instance, pm2Name: instance.pm2Name }]));
  });
}
