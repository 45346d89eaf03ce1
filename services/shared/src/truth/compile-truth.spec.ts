import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTruth, truthVersion } from './compile-truth.js';
import { formatTruthProblem } from './truth-problem.js';
import type { TruthSource } from './parse-source.js';
import { overlayTruthFixture, readTruthFixtures } from './truth-fixtures.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const fixtures = path.join(root, 'truth/fixtures');

function repoSources(): { node: TruthSource; components: TruthSource[] } {
  const dir = path.join(root, 'truth/components');
  return {
    node: { file: 'truth/node.json', text: readFileSync(path.join(root, 'truth/node.json'), 'utf8') },
    components: readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ file: `truth/components/${f}`, text: readFileSync(path.join(dir, f), 'utf8') })),
  };
}

const fixtureSets = { ok: await readTruthFixtures(path.join(fixtures, 'ok')), 'not-ok': await readTruthFixtures(path.join(fixtures, 'not-ok')) };

function withOverlay(kind: 'ok' | 'not-ok', name: string) {
  const fixture = fixtureSets[kind].find((f) => f.name === name);
  if (!fixture) throw new Error(`no fixture ${kind}/${name}`);
  const { node, components } = overlayTruthFixture(repoSources(), fixture);
  return compileTruth(node, components);
}

const fixtureFiles = (kind: 'ok' | 'not-ok') => fixtureSets[kind].map((f) => f.name);
const expected = JSON.parse(readFileSync(path.join(fixtures, 'not-ok/expected.json'), 'utf8')) as Record<string, string>;

describe(compileTruth.name, () => {
  it("compiles the repository's truth with a route for every topic a producer streams", () => {
    const { node, components } = repoSources();
    const result = compileTruth(node, components);
    if (!result.ok) throw new Error(result.problems.map(formatTruthProblem).join('\n'));
    expect(Object.keys(result.truth.components)).toContain('sse');
    expect(result.truth.topics['spot']).toMatchObject({ bus: 'market', stream: '{market}:stream:spot', snapshot: '{market}:snapshot:spot', producers: ['massive'] });
    expect(result.truth.topics['alerts']).toMatchObject({ bus: 'system', producers: ['copilot'] });
    expect(result.version).toMatch(/^1\.0\.0\+[0-9a-f]{12}$/);
  });

  it('gives the same version for the same content, whatever the file order', () => {
    const { node, components } = repoSources();
    const a = compileTruth(node, components);
    const b = compileTruth(node, [...components].reverse());
    expect(a.ok && b.ok && a.version === b.version).toBe(true);
  });

  it('changes the version when any value changes', () => {
    const { node, components } = repoSources();
    const a = compileTruth(node, components);
    const edited = components.map((c) => (c.file.endsWith('/sse.json') ? { ...c, text: c.text.replace('"keepaliveMs": 15000', '"keepaliveMs": 14000') } : c));
    const b = compileTruth(node, edited);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.version).not.toBe(b.version);
  });

  it.each(fixtureFiles('ok'))('accepts ok/%s', (name) => {
    const result = withOverlay('ok', name);
    expect(result.ok ? [] : result.problems.map(formatTruthProblem)).toEqual([]);
  });

  it('has an expectation for every not-ok fixture and a fixture for every expectation', () => {
    expect(fixtureFiles('not-ok').sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(fixtureFiles('not-ok'))('rejects not-ok/%s naming the file, the JSON path and the reason', (name) => {
    const result = withOverlay('not-ok', name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatTruthProblem).join('\n')).toContain(expected[name]);
  });

  it('fills every default into the settings it compiles, so the loaded truth shows what a process runs with', () => {
    const { node, components } = repoSources();
    const result = compileTruth(node, components);
    if (!result.ok) throw new Error(result.problems.map(formatTruthProblem).join('\n'));
    expect(result.truth.components['static']?.settings).toEqual({ root: 'ui/dist' });
    expect(result.truth.components['massive']?.settings).toMatchObject({ clock: 'demo', replaySpeed: 1 });
    expect(result.truth.node).toMatchObject({ sessionTtlSec: 604_800, symbols: ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'] });
  });

  it('reports bad settings in several components, and the wiring of a component with bad settings, at once', () => {
    const { node, components } = repoSources();
    const broken = components.map((c) => {
      if (c.file.endsWith('/sse.json')) return { ...c, text: c.text.replace('"byteBudget": 1048576', '"byteBudget": 1') };
      if (c.file.endsWith('/intel.json')) return { ...c, text: c.text.replace('"pollIntervalSec": 300', '"pollIntervalSec": "5m"') };
      return c;
    });
    const result = compileTruth(node, broken);
    expect(result.ok ? [] : result.problems.map(formatTruthProblem)).toEqual([
      'truth/components/intel.json: $.settings.pollIntervalSec: must be a number, got "5m"',
      'truth/components/sse.json: $.settings.byteBudget: must be at least 16384',
    ]);
  });

  it('reports every problem of every file at once', () => {
    const { node, components } = repoSources();
    const broken = ['invalid-json.json', 'duplicate-port.json', 'unknown-key.json'].map((name) => ({
      file: `truth/components/${name}`,
      text: readFileSync(path.join(fixtures, 'not-ok', name), 'utf8'),
    }));
    const result = compileTruth(node, [...components, ...broken]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(new Set(result.problems.map((p) => p.file)).size).toBeGreaterThanOrEqual(3);
  });

  it('hashes secrets-free content only', () => {
    const { node, components } = repoSources();
    const result = compileTruth(node, components);
    if (!result.ok) throw new Error('repo truth must compile');
    expect(truthVersion(result.truth)).toBe(result.version);
  });
});
