import path from 'node:path';
import { GATEWAY_COMPONENT, GATEWAY_INSTANCES_ENV, gatewayInstances, isExtraGatewayName } from '@marketswarm/shared/config';
import type { PublicTruth } from '@marketswarm/shared/truth';
import type { AdminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';

type Env = Readonly<Record<string, string | undefined>>;

export const ecosystemFile = (paths: AdminPaths) => path.join(paths.repoRoot, 'ecosystem.config.cjs');

/** The scheduled backup (ecosystem.config.cjs): registered with pm2 for its cron, never run by `up`. */
export const BACKUP_PM2_NAME = 'fotw-backup';

/**
 * Accepts a component id (`sse`), a pm2 name (`fotw-sse`) or a gateway instance (`sse-2`,
 * `fotw-sse-2`) and returns the pm2 name.
 */
export function pm2NameOf(truth: PublicTruth, name: string): string {
  const byId = truth.components[name]?.meta.pm2;
  if (byId) return byId;
  if (Object.values(truth.components).some((c) => c.meta.pm2 === name) || name === BACKUP_PM2_NAME) return name;
  if (isExtraGatewayName(truth, name)) return name;
  const gatewayPm2 = truth.components[GATEWAY_COMPONENT]?.meta.pm2;
  if (gatewayPm2 && name.startsWith(`${GATEWAY_COMPONENT}-`) && isExtraGatewayName(truth, `${gatewayPm2}${name.slice(GATEWAY_COMPONENT.length)}`)) {
    return `${gatewayPm2}${name.slice(GATEWAY_COMPONENT.length)}`;
  }
  const known = Object.values(truth.components)
    .map((c) => c.meta.pm2)
    .filter(Boolean)
    .join(', ');
  throw new CliError(`unknown process "${name}" (known: ${known}, ${BACKUP_PM2_NAME}, and fotw-sse-<n> for further gateways)`);
}

export const redisPm2Names = (truth: PublicTruth) =>
  Object.values(truth.components)
    .filter((c) => c.meta.pm2 && c.meta.kind === 'redis')
    .map((c) => c.meta.pm2 as string);

/** Every other long-running process this environment asks for, the gateway once per instance. */
export function processPm2Names(truth: PublicTruth, env: Env = process.env): string[] {
  return Object.values(truth.components)
    .filter((c) => c.meta.pm2 && c.meta.kind !== 'redis')
    .flatMap((c) => (c.id === GATEWAY_COMPONENT ? gatewayInstances(truth, env).map((i) => i.pm2) : [c.meta.pm2 as string]));
}

/**
 * Gateway instances pm2 runs that this environment no longer asks for (`./admin up` after
 * `./admin up --gateways 3`): `up` removes them, so nginx and pm2 agree on the gateways.
 */
export function surplusGatewayNames(truth: PublicTruth, running: readonly string[], env: Env = process.env): string[] {
  const wanted = new Set(gatewayInstances(truth, env).map((i) => i.pm2));
  return running.filter((name) => isExtraGatewayName(truth, name) && !wanted.has(name));
}

export interface RestartAllTargets {
  /** The pm2 names to restart through the ecosystem file. */
  names: string[];
  /** What the pm2 CLI's environment needs on top of this one for the ecosystem to declare every name. */
  env: Record<string, string>;
}

/**
 * What `./admin restart` with no name restarts: Redis and every process this environment asks for
 * (not the scheduled backup, which a restart would run at once), plus the gateway instances pm2
 * runs from an earlier `./admin up --gateways <n>`. pm2 restarts through the ecosystem only the
 * names it declares, so the gateway count it is read with covers the highest instance running.
 */
export function restartAllTargets(truth: PublicTruth, running: readonly string[], env: Env = process.env): RestartAllTargets {
  const asked = [...redisPm2Names(truth), ...processPm2Names(truth, env)];
  const extra = running.filter((name) => isExtraGatewayName(truth, name) && !asked.includes(name));
  if (extra.length === 0) return { names: asked, env: {} };
  const gatewayPm2 = truth.components[GATEWAY_COMPONENT]?.meta.pm2 ?? '';
  const highest = Math.max(...extra.map((name) => Number(name.slice(gatewayPm2.length + 1))));
  return { names: [...asked, ...extra], env: { [GATEWAY_INSTANCES_ENV]: String(highest) } };
}
