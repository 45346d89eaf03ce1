import type { BusName } from '../events/bus-name.js';
import type { Component } from '../truth/component.schema.js';
import type { TruthDoc } from '../truth/truth-doc.schema.js';
import { busUrls, componentPort, ConfigError, parsePort } from './stack-addresses.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface ServiceConfig {
  id: string;
  component: Component;
  host: string;
  port: number | undefined;
  redis: Record<BusName, string>;
  heartbeat: { intervalMs: number; ttlSec: number };
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  logLevel: string;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Resolves one service's effective config from truth plus environment overrides; reports every bad key at once. */
export function resolveServiceConfig(doc: TruthDoc, id: string, env: Env): ServiceConfig {
  const problems: string[] = [];
  const component = doc.components[id];
  if (!component) throw new ConfigError([`truth has no component "${id}" (known: ${Object.keys(doc.components).join(', ')})`]);

  let port = componentPort(component, env, problems);
  const ownPort = env['PORT'];
  if (ownPort) {
    const parsed = parsePort(ownPort);
    if (parsed === undefined) problems.push(`PORT=${ownPort}: must be a port number from 1 to 65535`);
    else port = parsed;
  }
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: must be one of ${LOG_LEVELS.join(', ')}`);
  const redis = busUrls(doc, env, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    id,
    component,
    host: component.listen?.host ?? '127.0.0.1',
    port,
    redis,
    heartbeat: component.heartbeat ?? { intervalMs: 5000, ttlSec: 15 },
    settings: component.settings,
    secrets: doc.secrets[id] ?? {},
    logLevel,
  };
}
