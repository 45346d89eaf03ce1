import type { WatchTarget } from './process-instances.js';
import { busesOf } from './redis-buses.js';

/**
 * Seconds since pm2 started the process or a Redis it needs came back, whichever is later (null:
 * not running). A redis-server's own bus is not a dependency to wait for: it being down is the
 * very problem to judge, and it is seen down every cycle it stays down.
 */
export function settledSec(target: WatchTarget, busLastDown: ReadonlyMap<string, number>, now: number): number | null {
  const uptime = target.process?.uptimeSec ?? null;
  if (uptime === null) return null;
  const dependencies = target.component.meta.kind === 'redis' ? [] : busesOf(target.component);
  const lastDown = Math.max(0, ...dependencies.map((bus) => busLastDown.get(bus) ?? 0));
  return lastDown === 0 ? uptime : Math.min(uptime, (now - lastDown) / 1000);
}
