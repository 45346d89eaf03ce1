import type { PublicTruth } from '../truth/compile-truth.js';
import type { HealthReport } from './ops-records.js';
import { processInstances, type Pm2ProcessRef } from './process-instances.js';

export type ResetTarget = { ok: true; id: string } | { ok: false; error: string };

/** What tells which services the watch keeps recovery state for. */
export interface ResetSources {
  truth: PublicTruth;
  /** The watch's last report (its ids are the services it scores), or null when there is none. */
  report: HealthReport | null;
  /** pm2's process list, when the caller can ask pm2 (the CLI can, a gateway cannot). */
  processes?: readonly Pm2ProcessRef[];
  /** The ids the recovery state hash holds: a service the watch gave up on even while no report is fresh. */
  recoveryIds?: Iterable<string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The service id a reset (`./admin status --reset`, the admin page) may clear: one the watch scores,
 * one it keeps state for, or a process of a component pm2 runs, by id (`sse-2`) or pm2 name
 * (`fotw-sse-2`). Anything else would write recovery state no watch ever reads, so it is refused
 * with the ids that are known.
 */
export function resolveResetTarget(requested: string, sources: ResetSources): ResetTarget {
  const components = Object.values(sources.truth.components);
  const instances = components.flatMap((component) => processInstances(component, sources.processes ?? [])).filter((instance) => instance.pm2Name !== null);
  const byPm2Name = instances.find((instance) => instance.pm2Name === requested);
  if (byPm2Name) return { ok: true, id: byPm2Name.id };
  const known = [...new Set([...(sources.report?.services.map((s) => s.id) ?? []), ...(sources.recoveryIds ?? []), ...instances.map((instance) => instance.id)])].sort();
  if (known.includes(requested)) return { ok: true, id: requested };
  // Without pm2's list an extra instance (`fotw-sse-2`) is known only by its id (`sse-2`): the same naming rule maps one to the other.
  for (const component of components) {
    const pm2 = component.meta.pm2;
    const suffix = pm2 ? new RegExp(`^${escape(pm2)}(-\\d+)$`).exec(requested)?.[1] : undefined;
    if (suffix && known.includes(component.id + suffix)) return { ok: true, id: component.id + suffix };
  }
  return { ok: false, error: `unknown service "${requested}": the watch keeps recovery state for ${known.join(', ') || 'no service'}` };
}
