import type { Component, PublicTruth } from '@marketswarm/shared/truth';
import type { Pm2ProcessFacts } from './pm2-process.js';

/** One process the watch scores and may restart. */
export interface WatchTarget {
  /** The component id, or the instance's (`sse-2`, `sse#3` for pm2 cluster workers). */
  id: string;
  component: Component;
  pm2Name: string;
  process: Pm2ProcessFacts | null;
  /** Heartbeat ids whose record may be this process's: the one whose pid matches is. */
  heartbeatIds: string[];
  /** More than one process runs this component: a record with another pid is not proof of a hang. */
  shared: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every process of every component pm2 runs, except the watch itself. Extra instances are the pm2
 * names `<name>-<n>` (a second gateway `fotw-sse-2`) and workers sharing a name (cluster mode); a
 * component pm2 does not list at all is still a target, with no process.
 */
export function watchTargets(truth: PublicTruth, processes: readonly Pm2ProcessFacts[], selfId: string): WatchTarget[] {
  const targets: WatchTarget[] = [];
  for (const component of Object.values(truth.components)) {
    const pm2Name = component.meta.pm2;
    if (!pm2Name || component.id === selfId) continue;
    const instanceName = new RegExp(`^${escape(pm2Name)}(-\\d+)?$`);
    const matches = processes.filter((p) => instanceName.test(p.name)).sort((a, b) => a.name.localeCompare(b.name) || a.pmId - b.pmId);
    if (matches.length === 0) {
      targets.push({ id: component.id, component, pm2Name, process: null, heartbeatIds: [component.id], shared: false });
      continue;
    }
    const perName = new Map<string, number>();
    for (const p of matches) perName.set(p.name, (perName.get(p.name) ?? 0) + 1);
    for (const p of matches) {
      const instance = component.id + p.name.slice(pm2Name.length);
      const id = (perName.get(p.name) ?? 0) > 1 ? `${instance}#${p.pmId}` : instance;
      targets.push({
        id,
        component,
        pm2Name: p.name,
        process: p,
        heartbeatIds: [...new Set([component.id, instance, id])],
        shared: matches.length > 1,
      });
    }
  }
  return targets;
}
