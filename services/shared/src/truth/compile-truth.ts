import { createHash } from 'node:crypto';
import { DEFAULT_STREAM_MAXLEN, type TopicRoute, type TruthDoc } from './truth-doc.schema.js';
import { componentSchema, nodeSchema, type Component } from './component.schema.js';
import { parseSource, type TruthSource } from './parse-source.js';
import { checkWiring, type PlacedComponent } from './wiring-rules.js';
import { checkComponentSettings } from './settings/check-settings.js';
import { settingsRegistry, type SettingsRegistry } from './settings/settings-registry.js';
import type { TruthProblem } from './truth-problem.js';
import type { TopicName } from '../events/topics.js';

export type PublicTruth = Omit<TruthDoc, 'secrets'>;

export type CompileResult = { ok: true; truth: PublicTruth; version: string } | { ok: false; problems: TruthProblem[] };

/**
 * Turns the node file and component files into one validated document.
 * Pure: the caller reads files; every problem of every file is reported, not just the first.
 * Each component's `settings` pass the schema registered for its id (the one its process parses
 * at boot), so a truth that loads is a truth every service starts with.
 */
export function compileTruth(node: TruthSource, components: readonly TruthSource[], registry: SettingsRegistry = settingsRegistry): CompileResult {
  const problems: TruthProblem[] = [];
  const parsedNode = parseSource(node, nodeSchema);
  if (!parsedNode.ok) problems.push(...parsedNode.problems);

  const placed: PlacedComponent[] = [];
  for (const source of [...components].sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed = parseSource(source, componentSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const expectedId = baseName(source.file);
    if (parsed.value.id !== expectedId) {
      problems.push({ file: source.file, path: '$.id', reason: `must equal the file name "${expectedId}"` });
      continue;
    }
    // Bad settings do not change the wiring: the component stays placed so others' checks hold.
    const settings = checkComponentSettings(source.file, parsed.value.id, parsed.value.settings, registry);
    if (!settings.ok) problems.push(...settings.problems);
    placed.push({ file: source.file, component: settings.ok ? { ...parsed.value, settings: settings.settings } : parsed.value });
  }
  if (components.length === 0) problems.push({ file: node.file, path: '$', reason: 'no component files found' });
  problems.push(...checkWiring(placed));
  if (problems.length > 0 || !parsedNode.ok) return { ok: false, problems };

  const truth: PublicTruth = {
    node: parsedNode.value,
    components: Object.fromEntries(placed.map(({ component }) => [component.id, component])),
    topics: topicRoutes(placed.map((p) => p.component)),
  };
  return { ok: true, truth, version: truthVersion(truth) };
}

function topicRoutes(components: readonly Component[]): Record<string, TopicRoute> {
  const routes = new Map<TopicName, TopicRoute>();
  for (const component of components) {
    for (const ch of component.publishes) {
      if (!ch.topic) continue;
      const route = routes.get(ch.topic) ?? { topic: ch.topic, bus: ch.bus, stream: '', maxlen: DEFAULT_STREAM_MAXLEN, producers: [] };
      if (ch.kind === 'stream') {
        route.stream = ch.key;
        route.maxlen = ch.maxlen ?? DEFAULT_STREAM_MAXLEN;
      } else if (ch.kind === 'snapshot') {
        route.snapshot = ch.key;
      }
      if (!route.producers.includes(component.id)) route.producers.push(component.id);
      routes.set(ch.topic, route);
    }
  }
  return Object.fromEntries([...routes].filter(([, r]) => r.stream !== '').sort(([a], [b]) => a.localeCompare(b)));
}

/** `<node.version>+<content hash>`: the semantic version says what the operator meant, the hash what was loaded. */
export function truthVersion(truth: PublicTruth): string {
  const hash = createHash('sha256').update(canonicalJson(truth)).digest('hex').slice(0, 12);
  return `${truth.node.version}+${hash}`;
}

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function baseName(file: string): string {
  const name = file.split('/').pop() ?? file;
  return name.replace(/\.json$/, '');
}
