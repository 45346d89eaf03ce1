import { componentPort } from '@marketswarm/shared/config';
import type { HeartbeatCheck } from './heartbeat-check.js';
import type { ServiceObservation } from './health-score.js';
import { httpProbe } from './http-probe.js';
import type { WatchTarget } from './process-instances.js';
import { busesOf } from './redis-buses.js';

/**
 * What one cycle sees of one process: pm2's status, its buses, its heartbeat, and its `/health`
 * (probed only while pm2 calls it online; a process that is not running fails it unasked).
 */
export async function observeTarget(
  target: WatchTarget,
  beat: HeartbeatCheck,
  reachable: ReadonlyMap<string, boolean>,
  timeoutMs: number,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Omit<ServiceObservation, 'failed'>> {
  const { component } = target;
  const buses = busesOf(component);
  const online = target.process?.status === 'online';
  const servesHttp = component.listen !== undefined && component.meta.kind !== 'redis' && component.meta.kind !== 'proxy';
  let http: boolean | null = null;
  if (servesHttp) {
    // A second instance listens where its own heartbeat says; the first where truth says.
    const port = beat.own?.port ?? (target.pm2Name === component.meta.pm2 ? componentPort(component, env) : undefined);
    const host = !component.listen || component.listen.host === '0.0.0.0' ? '127.0.0.1' : component.listen.host;
    http = port === undefined || port === null ? null : online ? await httpProbe(`http://${host}:${port}/health`, timeoutMs) : false;
  }
  return {
    kind: component.meta.kind,
    processStatus: target.process?.status ?? null,
    redis: buses.length === 0 ? null : buses.every((bus) => reachable.get(bus) === true),
    heartbeat: beat.state,
    http,
  };
}
