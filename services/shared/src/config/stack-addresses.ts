import type { BusName } from '../events/bus-name.js';
import { busNames } from '../events/bus-name.js';
import type { Component } from '../truth/component.schema.js';
import type { PublicTruth } from '../truth/compile-truth.js';
import { DEFAULT_SYSTEM_REDIS_URL } from './env-settings.js';

type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Port of a component for the whole stack: its MS_*_PORT variable, else truth. */
export function componentPort(component: Component, env: Env, problems: string[] = []): number | undefined {
  if (!component.listen) return undefined;
  const raw = env[component.listen.env];
  if (raw === undefined || raw === '') return component.listen.port;
  const port = parsePort(raw);
  if (port === undefined) {
    problems.push(`${component.listen.env}=${raw}: must be a port number from 1 to 65535`);
    return component.listen.port;
  }
  return port;
}

export function parsePort(raw: string): number | undefined {
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const port = Number(raw);
  return port >= 1 && port <= 65535 ? port : undefined;
}

const busUrlEnv: Record<BusName, string> = {
  system: 'REDIS_SYSTEM_URL',
  market: 'REDIS_MARKET_URL',
  intel: 'REDIS_INTEL_URL',
};

export function redisComponentFor(truth: PublicTruth, bus: BusName): Component | undefined {
  return Object.values(truth.components).find((c) => c.meta.kind === 'redis' && c.bus === bus);
}

/**
 * URL of each Redis bus: REDIS_<BUS>_URL, else the redis component's host and (overridable) port.
 * Every bad value is collected, so one message lists them all.
 */
export function busUrls(truth: PublicTruth | undefined, env: Env, problems: string[] = []): Record<BusName, string> {
  const urls = {} as Record<BusName, string>;
  for (const bus of busNames) {
    const explicit = env[busUrlEnv[bus]];
    if (explicit) {
      // redis-cluster://host:port,host:port… names a Redis Cluster (see bus/cluster-url.ts).
      if (!/^rediss?(-cluster)?:\/\//.test(explicit)) problems.push(`${busUrlEnv[bus]}=${explicit}: must start with redis://, rediss://, redis-cluster:// or rediss-cluster://`);
      urls[bus] = explicit;
      continue;
    }
    const component = truth ? redisComponentFor(truth, bus) : undefined;
    if (component?.listen) {
      urls[bus] = `redis://${component.listen.host}:${componentPort(component, env, problems)}`;
    } else if (bus === 'system') {
      urls[bus] = DEFAULT_SYSTEM_REDIS_URL;
    } else {
      problems.push(`no URL for the ${bus} bus: set ${busUrlEnv[bus]} or declare a redis component serving it`);
    }
  }
  return urls;
}

/** The system URL a process boots from, before any truth is known. */
export function systemRedisUrl(env: Env): string {
  return env['REDIS_SYSTEM_URL'] || DEFAULT_SYSTEM_REDIS_URL;
}
