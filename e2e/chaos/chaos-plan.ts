export type ChaosForm = 'short' | 'full';

export type ChaosAction =
  | { kind: 'kill-9'; process: string }
  | { kind: 'restart'; process: string }
  | { kind: 'reload-nginx' }
  | { kind: 'cut-clients' };

export interface PlannedStep {
  name: string;
  action: ChaosAction;
}

/**
 * Node services, killed in this order when the stack runs them: every gateway instance first
 * (fotw-sse, fotw-sse-2, …), then the rest (fotw-watch only once it exists).
 */
const NODE_SERVICES = ['fotw-journal', 'fotw-copilot', 'fotw-massive', 'fotw-intel', 'fotw-static', 'fotw-watch'];
const REDISES = ['fotw-redis-system', 'fotw-redis-market', 'fotw-redis-intel'];

/** `MS_CHAOS=full` runs every step; anything else is the short form of the e2e tier. */
export function chaosForm(env: string | undefined): ChaosForm {
  return env === 'full' ? 'full' : 'short';
}

/**
 * The faults, in turn. The short form keeps one of each kind on the paths most likely to lose
 * events: the gateway, the system Redis (user streams, AOF), nginx and the client's own link.
 * The full form adds every Node service and every Redis. Redis is restarted, not killed: a restart
 * (pm2's SIGINT) writes the AOF before exiting and must lose nothing acknowledged, while kill -9 may
 * lose the last second or two under appendfsync everysec (see system-durability.int.spec.ts). The
 * market Redis has no AOF by design (its streams are rebuilt by the producer); a restart saves it.
 */
export function chaosPlan(form: ChaosForm, running: readonly string[]): PlannedStep[] {
  const has = (name: string) => running.includes(name);
  const kill = (process: string): PlannedStep => ({ name: `kill -9 ${process}`, action: { kind: 'kill-9', process } });
  const restart = (process: string): PlannedStep => ({ name: `restart ${process}`, action: { kind: 'restart', process } });
  const tail: PlannedStep[] = [
    { name: 'reload nginx', action: { kind: 'reload-nginx' } },
    { name: 'cut clients', action: { kind: 'cut-clients' } },
  ];
  if (form === 'short') return [kill('fotw-sse'), restart('fotw-redis-system'), ...tail];
  const gateways = running.filter((name) => /^fotw-sse(-\d+)?$/.test(name)).sort();
  return [...gateways.map(kill), ...NODE_SERVICES.filter(has).map(kill), ...REDISES.filter(has).map(restart), ...tail];
}
