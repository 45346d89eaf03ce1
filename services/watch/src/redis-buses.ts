import type { BusName } from '@marketswarm/shared/events';
import type { Component } from '@marketswarm/shared/truth';

/**
 * The Redis buses a process needs to work: a redis-server its own, nginx none, every other process
 * system (truth, heartbeat) plus each bus it publishes to or consumes from.
 */
export function busesOf(component: Component): BusName[] {
  if (component.meta.kind === 'redis') return component.bus ? [component.bus] : [];
  if (component.meta.kind === 'proxy') return [];
  return [...new Set<BusName>(['system', ...component.publishes.map((c) => c.bus), ...component.consumes.map((c) => c.bus)])];
}
