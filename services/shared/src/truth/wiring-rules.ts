import { topicSpecs } from '../events/topics.js';
import type { Component } from './component.schema.js';
import type { TruthProblem } from './truth-problem.js';

export interface PlacedComponent {
  file: string;
  component: Component;
}

/**
 * Rules that span components: each can only be checked once every file parsed.
 * Problems point at the component whose declaration is wrong (the consumer, the second port user…).
 */
export function checkWiring(placed: readonly PlacedComponent[]): TruthProblem[] {
  return [...checkBuses(placed), ...checkPorts(placed), ...checkPm2Names(placed), ...checkConsumers(placed), ...checkTopics(placed)];
}

function checkBuses(placed: readonly PlacedComponent[]): TruthProblem[] {
  const problems: TruthProblem[] = [];
  const servedBy = new Map<string, string>();
  for (const { file, component } of placed) {
    if (component.meta.kind !== 'redis' || !component.bus) continue;
    const other = servedBy.get(component.bus);
    if (other) problems.push({ file, path: '$.bus', reason: `bus "${component.bus}" is already served by ${other}` });
    else servedBy.set(component.bus, component.id);
  }
  for (const { file, component } of placed) {
    for (const [list, channels] of [['publishes', component.publishes], ['consumes', component.consumes]] as const) {
      channels.forEach((channel, i) => {
        if (!servedBy.has(channel.bus)) {
          problems.push({ file, path: `$.${list}[${i}].bus`, reason: `bus "${channel.bus}" is not served by any redis component` });
        }
      });
    }
  }
  return problems;
}

function checkPorts(placed: readonly PlacedComponent[]): TruthProblem[] {
  const problems: TruthProblem[] = [];
  const ports = new Map<number, string>();
  const envs = new Map<string, string>();
  for (const { file, component } of placed) {
    if (!component.listen) continue;
    const { port, env } = component.listen;
    const portOwner = ports.get(port);
    if (portOwner) problems.push({ file, path: '$.listen.port', reason: `port ${port} is already used by ${portOwner}` });
    else ports.set(port, component.id);
    const envOwner = envs.get(env);
    if (envOwner) problems.push({ file, path: '$.listen.env', reason: `${env} is already the port variable of ${envOwner}` });
    else envs.set(env, component.id);
  }
  return problems;
}

function checkPm2Names(placed: readonly PlacedComponent[]): TruthProblem[] {
  const problems: TruthProblem[] = [];
  const names = new Map<string, string>();
  for (const { file, component } of placed) {
    const name = component.meta.pm2;
    if (!name) continue;
    const owner = names.get(name);
    if (owner) problems.push({ file, path: '$.meta.pm2', reason: `pm2 name "${name}" is already used by ${owner}` });
    else names.set(name, component.id);
  }
  return problems;
}

const channelId = (bus: string, key: string) => `${bus}/${key}`;

function checkConsumers(placed: readonly PlacedComponent[]): TruthProblem[] {
  const produced = new Set<string>();
  for (const { component } of placed) for (const ch of component.publishes) produced.add(channelId(ch.bus, ch.key));
  const problems: TruthProblem[] = [];
  for (const { file, component } of placed) {
    component.consumes.forEach((ch, i) => {
      if (!produced.has(channelId(ch.bus, ch.key))) {
        problems.push({ file, path: `$.consumes[${i}].key`, reason: `consumes ${ch.kind} "${ch.key}" on bus ${ch.bus}, but no component publishes it` });
      }
    });
  }
  return problems;
}

function checkTopics(placed: readonly PlacedComponent[]): TruthProblem[] {
  const problems: TruthProblem[] = [];
  const streamOf = new Map<string, string>();
  for (const { file, component } of placed) {
    component.publishes.forEach((ch, i) => {
      if (!ch.topic) return;
      const spec = topicSpecs[ch.topic];
      if (spec.bus !== ch.bus) {
        problems.push({ file, path: `$.publishes[${i}].bus`, reason: `topic "${ch.topic}" lives on bus ${spec.bus}, not ${ch.bus}` });
      }
      if (ch.kind === 'stream') {
        const known = streamOf.get(ch.topic);
        if (known && known !== ch.key) {
          problems.push({ file, path: `$.publishes[${i}].key`, reason: `topic "${ch.topic}" already streams to "${known}"` });
        } else streamOf.set(ch.topic, ch.key);
      } else if (ch.kind === 'snapshot' && spec.snapshot !== 'latest-by-key') {
        problems.push({ file, path: `$.publishes[${i}].kind`, reason: `topic "${ch.topic}" keeps no snapshot key (its snapshot is ${spec.snapshot})` });
      }
    });
  }
  return problems;
}
