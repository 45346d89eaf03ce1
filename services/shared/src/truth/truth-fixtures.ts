import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TruthSources } from './read-truth-sources.js';

/**
 * A file from `truth/fixtures/{ok,not-ok}`, as the compiler spec and the `load-truth` integration
 * spec both apply it to a copy of the repository's truth:
 * - `<name>.json` at the top is a whole new component file, `components/<name>.json`;
 * - `node/<name>.json` is a JSON merge patch (RFC 7386) onto `node.json`;
 * - `<component>/<name>.json` is a JSON merge patch onto `components/<component>.json`, so a
 *   settings fixture states only the one value that is wrong and follows the real file otherwise.
 */
export interface TruthFixture {
  /** Path under ok/ or not-ok/, also its key in `not-ok/expected.json`: `unknown-key.json`, `sse/byte-budget-too-small.json`. */
  name: string;
  /** The truth file it stands for, relative to the truth folder: `components/sse.json`, `node.json`. */
  target: string;
  kind: 'file' | 'patch';
  text: string;
}

export async function readTruthFixtures(dir: string): Promise<TruthFixture[]> {
  const fixtures: TruthFixture[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const target = entry.name === 'node' ? 'node.json' : `components/${entry.name}.json`;
      for (const name of (await readdir(path.join(dir, entry.name))).filter((n) => n.endsWith('.json')).sort()) {
        fixtures.push({ name: `${entry.name}/${name}`, target, kind: 'patch', text: await readFile(path.join(dir, entry.name, name), 'utf8') });
      }
    } else if (entry.name.endsWith('.json') && entry.name !== 'expected.json') {
      fixtures.push({ name: entry.name, target: `components/${entry.name}`, kind: 'file', text: await readFile(path.join(dir, entry.name), 'utf8') });
    }
  }
  return fixtures.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The text the fixture's target file has once the fixture is applied. `current` is that file's
 * text in the truth being overlaid (undefined when the fixture adds a new file).
 */
export function applyTruthFixture(fixture: TruthFixture, current: string | undefined): string {
  if (fixture.kind === 'file') return fixture.text;
  if (current === undefined) throw new Error(`fixture ${fixture.name} patches ${fixture.target}, which does not exist`);
  return `${JSON.stringify(mergePatch(JSON.parse(current) as unknown, JSON.parse(fixture.text) as unknown), null, 2)}\n`;
}

/** The repository's sources (as `readTruthSources` returns them) with one fixture applied. */
export function overlayTruthFixture(sources: TruthSources, fixture: TruthFixture, truthDisplayDir = 'truth'): TruthSources {
  const file = `${truthDisplayDir}/${fixture.target}`;
  if (fixture.target === 'node.json') return { ...sources, node: { file: sources.node.file, text: applyTruthFixture(fixture, sources.node.text) } };
  const existing = sources.components.find((c) => c.file === file);
  const patched = { file, text: applyTruthFixture(fixture, existing?.text) };
  return { ...sources, components: [...sources.components.filter((c) => c !== existing), patched] };
}

/** RFC 7386: objects merge key by key, `null` removes a key, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
