import type { HeartbeatRecord } from '../heartbeat/heartbeat-record.js';
import type { Component } from '../truth/index.js';

/** What telling one component's processes apart needs of a pm2 process, however it was listed. */
export interface Pm2ProcessRef {
  name: string;
  pid: number | null;
  /** pm2's id: tells cluster workers of one name apart (absent when the lister does not give it). */
  pmId?: number;
}

/** One process of a component (or its place, when pm2 does not run it). */
export interface ProcessInstance<P extends Pm2ProcessRef> {
  /** The component id, or the instance's (`sse-2` for pm2 name `fotw-sse-2`, `sse#3` for a cluster worker). */
  id: string;
  component: Component;
  /** Its pm2 name (null: pm2 does not run this component at all, e.g. a redis-server of production). */
  pm2Name: string | null;
  process: P | null;
  /** Heartbeat ids whose record may be this process's, its own first: the one its pid wrote is. */
  heartbeatIds: string[];
  /** More than one process runs this component: a record with another pid is not proof of a hang. */
  shared: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The processes of one component: its pm2 name (a row even when pm2 does not list it), extra
 * instances `<name>-<n>` (a second gateway `fotw-sse-2`) and workers sharing a name (cluster mode,
 * told apart by pm id). Another name that merely starts with the same letters is not one of them.
 */
export function processInstances<P extends Pm2ProcessRef>(component: Component, processes: readonly P[]): ProcessInstance<P>[] {
  const pm2Name = component.meta.pm2 ?? null;
  if (!pm2Name) return [{ id: component.id, component, pm2Name: null, process: null, heartbeatIds: [component.id], shared: false }];
  const instanceName = new RegExp(`^${escape(pm2Name)}(-\\d+)?$`);
  const matches = processes.filter((p) => instanceName.test(p.name)).sort((a, b) => a.name.localeCompare(b.name) || (a.pmId ?? 0) - (b.pmId ?? 0));
  const shared = matches.length > 1;
  const perName = new Map<string, number>();
  for (const p of matches) perName.set(p.name, (perName.get(p.name) ?? 0) + 1);
  const instances: ProcessInstance<P>[] = [];
  if (!matches.some((p) => p.name === pm2Name)) instances.push({ id: component.id, component, pm2Name, process: null, heartbeatIds: [component.id], shared });
  for (const p of matches) {
    const instance = component.id + p.name.slice(pm2Name.length);
    const id = (perName.get(p.name) ?? 0) > 1 && p.pmId !== undefined ? `${instance}#${p.pmId}` : instance;
    instances.push({ id, component, pm2Name: p.name, process: p, heartbeatIds: [...new Set([id, instance, component.id])], shared });
  }
  return instances;
}

/**
 * Which heartbeat speaks for this process: `own` when its pid wrote one; `other` when only a
 * record of another pid exists — for a shared component that is another instance's and says
 * nothing of this one, otherwise it is a gone writer's and the process has not beaten since;
 * `missing` when there is none.
 */
export type HeartbeatPick = { kind: 'own'; record: HeartbeatRecord } | { kind: 'other'; record: HeartbeatRecord; shared: boolean } | { kind: 'missing' };

export function pickHeartbeat(instance: ProcessInstance<Pm2ProcessRef>, records: ReadonlyMap<string, HeartbeatRecord | null>): HeartbeatPick {
  const candidates = instance.heartbeatIds.flatMap((id) => {
    const record = records.get(id);
    return record ? [record] : [];
  });
  const pid = instance.process?.pid ?? null;
  const own = pid === null ? undefined : candidates.find((r) => r.pid === pid);
  if (own) return { kind: 'own', record: own };
  const other = candidates[0];
  return other ? { kind: 'other', record: other, shared: instance.shared } : { kind: 'missing' };
}
