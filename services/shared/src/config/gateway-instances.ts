import type { Component } from '../truth/component.schema.js';
import { componentPort, ConfigError, parsePort } from './stack-addresses.js';

type Env = Readonly<Record<string, string | undefined>>;
type Components = { readonly components: Readonly<Record<string, Component>> };

/** The component that runs as several processes on one host (pm2 `fotw-sse`, `fotw-sse-2`, …). */
export const GATEWAY_COMPONENT = 'sse';
/** How many gateway processes this host runs; wins over the truth setting `sse.settings.instances`. */
export const GATEWAY_INSTANCES_ENV = 'MS_SSE_INSTANCES';
/** Which instance of its component a process is (2, 3, …); absent or 1 for the first. */
export const INSTANCE_ENV = 'MS_INSTANCE';
export const MAX_GATEWAY_INSTANCES = 8;
/**
 * Instance n listens on the first instance's port + (n − 1) × 20 unless `MS_SSE_<n>_PORT` says
 * otherwise: 3021, 3041, … stay clear of the 30xx ports the other services take.
 */
export const GATEWAY_PORT_STEP = 20;

export interface GatewayInstance {
  /** 1 for the first process, which keeps the component's own pm2 name, port and heartbeat. */
  index: number;
  pm2: string;
  /** The id it writes its heartbeat under (`sse`, `sse-2`): see instanceServiceId. */
  serviceId: string;
  host: string;
  port: number;
  /** The variable that overrides this instance's port (`MS_SSE_PORT`, `MS_SSE_2_PORT`). */
  portEnv: string;
  /** What the process needs on top of the stack's environment: its own PORT and MS_INSTANCE from the second on. */
  env: Record<string, string>;
}

/**
 * The gateway processes of this host, in order. Every bad value (count, port, a port another
 * component already takes) is collected into `problems`; with no list given, they throw together.
 */
export function gatewayInstances(truth: Components, env: Env, problems?: string[]): GatewayInstance[] {
  const own: string[] = problems ?? [];
  const gateway = truth.components[GATEWAY_COMPONENT];
  if (!gateway?.listen || !gateway.meta.pm2) {
    own.push(`truth has no component "${GATEWAY_COMPONENT}" with a listen port and a pm2 name`);
    if (!problems) throw new ConfigError(own);
    return [];
  }
  const count = gatewayInstanceCount(gateway, env, own);
  const base = componentPort(gateway, env, own) ?? gateway.listen.port;
  const instances: GatewayInstance[] = [];
  for (let index = 1; index <= count; index++) {
    const portEnv = index === 1 ? gateway.listen.env : instancePortEnv(gateway.listen.env, index);
    const port = index === 1 ? base : instancePort(portEnv, base + (index - 1) * GATEWAY_PORT_STEP, env, own);
    instances.push({
      index,
      pm2: index === 1 ? gateway.meta.pm2 : `${gateway.meta.pm2}-${index}`,
      serviceId: index === 1 ? GATEWAY_COMPONENT : `${GATEWAY_COMPONENT}-${index}`,
      host: gateway.listen.host,
      port,
      portEnv,
      env: index === 1 ? {} : { PORT: String(port), [INSTANCE_ENV]: String(index) },
    });
  }
  checkPortClashes(truth, instances, env, own);
  if (!problems && own.length > 0) throw new ConfigError(own);
  return instances;
}

/** MS_SSE_INSTANCES, else the truth setting `instances`, else 1. */
export function gatewayInstanceCount(gateway: Component, env: Env, problems: string[] = []): number {
  const raw = env[GATEWAY_INSTANCES_ENV];
  if (raw !== undefined && raw !== '') {
    const count = parseGatewayCount(raw);
    if (count !== undefined) return count;
    problems.push(`${GATEWAY_INSTANCES_ENV}=${raw}: must be a whole number from 1 to ${MAX_GATEWAY_INSTANCES}`);
    return 1;
  }
  // Read without the sse settings schema, so the stack files work before and after it declares the key.
  const setting = gateway.settings['instances'];
  if (setting === undefined) return 1;
  if (typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= MAX_GATEWAY_INSTANCES) return setting;
  problems.push(`components.${gateway.id}.settings.instances: must be a whole number from 1 to ${MAX_GATEWAY_INSTANCES}`);
  return 1;
}

/** A gateway count as typed (MS_SSE_INSTANCES, `./admin up --gateways`): a whole number from 1 to MAX_GATEWAY_INSTANCES, else undefined. */
export function parseGatewayCount(raw: string): number | undefined {
  const count = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  return count >= 1 && count <= MAX_GATEWAY_INSTANCES ? count : undefined;
}

/**
 * The id a process writes its heartbeat (and registry entry) under: its component id for the first
 * instance, `<id>-<n>` for instance n, so two gateways on one Redis never overwrite each other.
 */
export function instanceServiceId(id: string, env: Env): string {
  const raw = env[INSTANCE_ENV];
  if (raw === undefined || raw === '' || raw === '1') return id;
  const index = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(index >= 2 && index <= MAX_GATEWAY_INSTANCES)) throw new ConfigError([`${INSTANCE_ENV}=${raw}: must be a whole number from 1 to ${MAX_GATEWAY_INSTANCES}`]);
  return `${id}-${index}`;
}

/**
 * Whether a pm2 name is an extra instance of the gateway (`fotw-sse-2`), whether or not this
 * environment asks for it: what `./admin up` scales down and `./admin down` removes.
 */
export function isExtraGatewayName(truth: Components, name: string): boolean {
  const pm2 = truth.components[GATEWAY_COMPONENT]?.meta.pm2;
  if (!pm2 || !name.startsWith(`${pm2}-`)) return false;
  const suffix = name.slice(pm2.length + 1);
  return /^\d{1,2}$/.test(suffix) && Number(suffix) >= 2 && Number(suffix) <= MAX_GATEWAY_INSTANCES;
}

/** `MS_SSE_PORT` → `MS_SSE_2_PORT`. */
export function instancePortEnv(firstPortEnv: string, index: number): string {
  return firstPortEnv.endsWith('_PORT') ? `${firstPortEnv.slice(0, -'_PORT'.length)}_${index}_PORT` : `${firstPortEnv}_${index}`;
}

function instancePort(portEnv: string, fallback: number, env: Env, problems: string[]): number {
  const raw = env[portEnv];
  if (raw === undefined || raw === '') {
    if (fallback > 65535) problems.push(`${portEnv}: ${fallback} is past 65535; set ${portEnv}`);
    return fallback;
  }
  const port = parsePort(raw);
  if (port === undefined) problems.push(`${portEnv}=${raw}: must be a port number from 1 to 65535`);
  return port ?? fallback;
}

function checkPortClashes(truth: Components, instances: readonly GatewayInstance[], env: Env, problems: string[]): void {
  const taken = new Map<number, string>();
  for (const component of Object.values(truth.components)) {
    if (component.id === GATEWAY_COMPONENT || !component.listen) continue;
    const port = componentPort(component, env);
    if (port !== undefined) taken.set(port, component.id);
  }
  for (const instance of instances) {
    const owner = taken.get(instance.port);
    if (owner) problems.push(`${instance.portEnv}: gateway instance ${instance.index} would listen on ${instance.port}, the port of "${owner}"`);
    taken.set(instance.port, instance.pm2);
  }
}
