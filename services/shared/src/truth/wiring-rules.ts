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

/**
 * Flags every component that shares a value that must be unique (a port, a pm2 name…): each file
 * gets the problem, naming the others, because the tool cannot know which one is the newcomer.
 */
function uniqueBy(placed: readonly PlacedComponent[], path: string, valueOf: (c: Component) => string | undefined, what: (value: string) => string): TruthProblem[] {
  const groups = new Map<string, PlacedComponent[]>();
  for (const p of placed) {
    const value = valueOf(p.component);
    if (value !== undefined) groups.set(value, [...(groups.get(value) ?? []), p]);
  }
  const problems: TruthProblem[] = [];
  for (const [value, members] of groups) {
    if (members.length < 2) continue;
    for (const member of members) {
      const others = members.filter((m) => m !== member).map((m) => m.component.id);
      problems.push({ file: member.file, path, reason: `${what(value)} is also used by ${others.join(', ')}` });
    }
  }
  return problems;
}

function checkBuses(placed: readonly PlacedComponent[]): TruthProblem[] {
  const served = new Set(placed.filter((p) => p.component.meta.kind === 'redis').map((p) => p.component.bus));
  const problems = uniqueBy(placed, '$.bus', (c) => (c.meta.kind === 'redis' ? c.bus : undefined), (bus) => `bus "${bus}"`);
  for (const { file, component } of placed) {
    for (const [list, channels] of [['publishes', component.publishes], ['consumes', component.consumes]] as const) {
      channels.forEach((channel, i) => {
        if (!served.has(channel.bus)) {
          problems.push({ file, path: `$.${list}[${i}].bus`, reason: `bus "${channel.bus}" is not served by any redis component` });
        }
      });
    }
  }
  return problems;
}

function checkPorts(placed: readonly PlacedComponent[]): TruthProblem[] {
  return [
    ...uniqueBy(placed, '$.listen.port', (c) => (c.listen ? String(c.listen.port) : undefined), (port) => `port ${port}`),
    ...uniqueBy(placed, '$.listen.env', (c) => c.listen?.env, (env) => `port variable ${env}`),
  ];
}

function checkPm2Names(placed: readonly PlacedComponent[]): TruthProblem[] {
  return uniqueBy(placed, '$.meta.pm2', (c) => c.meta.pm2, (name) => `pm2 name "${name}"`);
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
