import { processInstances, type HealthReport, type Pm2ProcessRef } from '@marketswarm/shared/ops';
import type { PublicTruth } from '@marketswarm/shared/truth';

export type ResetTarget = { ok: true; id: string } | { ok: false; error: string };

/**
 * The service id `./admin status --reset` may clear: one the watch scores (its report's ids) or a
 * process of a component pm2 runs, by id (`sse-2`) or pm2 name (`fotw-sse-2`). Anything else would
 * write recovery state no watch ever reads, so it is refused with the ids that are known.
 */
export function resolveResetTarget(requested: string, truth: PublicTruth, processes: readonly Pm2ProcessRef[], report: HealthReport | null): ResetTarget {
  const instances = Object.values(truth.components)
    .flatMap((component) => processInstances(component, processes))
    .filter((instance) => instance.pm2Name !== null);
  const byPm2Name = instances.find((instance) => instance.pm2Name === requested);
  if (byPm2Name) return { ok: true, id: byPm2Name.id };
  const known = [...new Set([...(report?.services.map((s) => s.id) ?? []), ...instances.map((instance) => instance.id)])].sort();
  if (known.includes(requested)) return { ok: true, id: requested };
  return { ok: false, error: `unknown service "${requested}": the watch keeps recovery state for ${known.join(', ') || 'no service'}` };
}
