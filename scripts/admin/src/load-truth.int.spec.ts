import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { applyTruthFixture, readTruthFixtures, TRUTH_KEYS, type TruthFixture } from '@marketswarm/shared/truth';
import { repoRoot, runAdmin, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';

const fixtures = path.join(repoRoot, 'truth/fixtures');
const expected = JSON.parse(await readFile(path.join(fixtures, 'not-ok/expected.json'), 'utf8')) as Record<string, string>;
const fixtureSets = { ok: await readTruthFixtures(path.join(fixtures, 'ok')), 'not-ok': await readTruthFixtures(path.join(fixtures, 'not-ok')) };

describe('./admin build-truth', () => {
  let work: string;
  const stackFile = path.join(repoRoot, 'scripts/truth.json');

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'ms-build-truth-'));
    await cp(path.join(repoRoot, 'truth/node.json'), path.join(work, 'node.json'));
    await cp(path.join(repoRoot, 'truth/components'), path.join(work, 'components'), { recursive: true });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('--check validates another folder, prints its version and writes nothing', async () => {
    const before = await stat(stackFile).catch(() => null);
    const run = await runAdmin(['build-truth', '--check', '--dir', work], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^1\.0\.0\+[0-9a-f]{12}$/);
    expect(run.stderr).toContain('(checked; nothing written)');
    expect((await stat(stackFile).catch(() => null))?.mtimeMs).toBe(before?.mtimeMs);
  });

  it('--check refuses an invalid setting with file: path: reason', async () => {
    const broken = path.join(work, 'components/sse.json');
    const original = await readFile(broken, 'utf8');
    await writeFile(broken, original.replace('"byteBudget": 1048576', '"byteBudget": 1'));
    try {
      const run = await runAdmin(['build-truth', '--check', '--dir', work], {});
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${path.join(path.relative(repoRoot, work), 'components/sse.json')}: $.settings.byteBudget: must be at least 16384`);
      expect(run.stderr).toContain('nothing was written');
    } finally {
      await writeFile(broken, original);
    }
  });

  it('refuses --dir without --check or --out instead of overwriting the running stack\'s scripts/truth.json', async () => {
    const before = await stat(stackFile).catch(() => null);
    const run = await runAdmin(['build-truth', '--dir', work], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('would overwrite scripts/truth.json of the running stack: add --check to validate only, or --out <file> to write elsewhere');
    expect((await stat(stackFile).catch(() => null))?.mtimeMs).toBe(before?.mtimeMs);
  });

  it('--dir with --out writes the compiled truth there', async () => {
    const out = path.join(work, 'out/truth.json');
    const run = await runAdmin(['build-truth', '--dir', work, '--out', out], {});
    expect(run.code, run.stderr).toBe(0);
    const built = JSON.parse(await readFile(out, 'utf8')) as { version: string; node: { sessionTtlSec: number } };
    expect(built.version).toBe(run.stdout.trim());
    expect(built.node.sessionTtlSec).toBe(604_800);
  });
});

describe('./admin load-truth', () => {
  let redis: RedisTrio;
  let system: Redis;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startRedisTrio();
    system = redis.system.client();
    work = await mkdtemp(path.join(tmpdir(), 'ms-truth-'));
    env = { ...redis.env, MS_RUN_DIR: path.join(work, 'run') };
  });

  afterAll(async () => {
    await redis?.stop();
    await rm(work, { recursive: true, force: true });
  });

  /** A copy of the repository's truth with one fixture applied (a new component file or a patch of one). */
  async function truthWith(kind: 'ok' | 'not-ok', name: string): Promise<string> {
    const fixture: TruthFixture | undefined = fixtureSets[kind].find((f) => f.name === name);
    if (!fixture) throw new Error(`no fixture ${kind}/${name}`);
    const dir = await mkdtemp(path.join(work, `${name.replace('/', '--')}-`));
    await cp(path.join(repoRoot, 'truth/node.json'), path.join(dir, 'node.json'));
    await cp(path.join(repoRoot, 'truth/components'), path.join(dir, 'components'), { recursive: true });
    const target = path.join(dir, fixture.target);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    await writeFile(target, applyTruthFixture(fixture, current));
    return dir;
  }

  beforeEach(async () => {
    const loaded = await runAdmin(['load-truth'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
  });

  it('writes truth:doc, truth:version and truth:ts, and prints the version', async () => {
    const run = await runAdmin(['load-truth'], env);
    expect(run.code).toBe(0);
    const [doc, version, ts] = await system.mget(TRUTH_KEYS.doc, TRUTH_KEYS.version, TRUTH_KEYS.ts);
    expect(run.stdout.trim()).toBe(version);
    expect(version).toMatch(/^1\.0\.0\+[0-9a-f]{12}$/);
    expect(Date.now() - Number(ts)).toBeLessThan(10_000);
    expect(JSON.parse(doc ?? '{}')).toHaveProperty('components.sse.listen.port', 3001);
  });

  it('loads a truth with an ok fixture and changes the version', async () => {
    const before = await system.get(TRUTH_KEYS.version);
    const run = await runAdmin(['load-truth', '--dir', await truthWith('ok', 'extra-producer.json')], env);
    expect(run.code, run.stderr).toBe(0);
    expect(await system.get(TRUTH_KEYS.version)).not.toBe(before);
  });

  it.each(Object.keys(expected))('refuses not-ok/%s with file: path: reason and leaves Redis untouched', async (name) => {
    const before = await system.mget(TRUTH_KEYS.doc, TRUTH_KEYS.version, TRUTH_KEYS.ts);
    const dir = await truthWith('not-ok', name);
    const run = await runAdmin(['load-truth', '--dir', dir], env);
    expect(run.code).toBe(1);
    const shown = (expected[name] ?? '').replace(/^truth\//, `${path.relative(repoRoot, dir)}/`);
    expect(run.stderr).toContain(shown);
    expect(run.stderr).toContain('nothing was written');
    expect(await system.mget(TRUTH_KEYS.doc, TRUTH_KEYS.version, TRUTH_KEYS.ts)).toEqual(before);
  });

  it('covers every not-ok fixture', () => {
    expect(fixtureSets['not-ok'].map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it('loads a truth whose settings patch passes, and fills the defaults into truth:doc', async () => {
    const run = await runAdmin(['load-truth', '--dir', await truthWith('ok', 'sse/cors-exact-origins.json')], env);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse((await system.get(TRUTH_KEYS.doc)) ?? '{}') as { components: { sse: { settings: Record<string, unknown> } } };
    expect(doc.components.sse.settings).toMatchObject({ cors: { enabled: true, origins: ['https://trade.example.com', 'http://localhost:5173'] }, maxStreamsPerUser: 32 });
  });

  it('leaves scripts/truth.json alone when loading another folder', async () => {
    const file = path.join(repoRoot, 'scripts/truth.json');
    const before = await stat(file);
    const run = await runAdmin(['load-truth', '--dir', await truthWith('ok', 'extra-producer.json')], env);
    expect(run.code, run.stderr).toBe(0);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses a secrets file with an undeclared secret, without writing', async () => {
    const before = await system.get(TRUTH_KEYS.version);
    const secrets = path.join(work, 'secrets.json');
    await writeFile(secrets, JSON.stringify({ intel: { llmApiKee: 'x' } }));
    const run = await runAdmin(['load-truth', '--secrets', secrets], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('$.intel.llmApiKee: no component declares this secret');
    expect(await system.get(TRUTH_KEYS.version)).toBe(before);
  });

  it('merges a secret from the environment and masks it in show-truth', async () => {
    const run = await runAdmin(['load-truth'], { ...env, MS_LLM_API_KEY: 'sk-test-123' });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse((await system.get(TRUTH_KEYS.doc)) ?? '{}')).toHaveProperty('secrets.intel.llmApiKey', 'sk-test-123');
    const shown = await runAdmin(['show-truth', 'secrets'], env);
    expect(shown.stdout).not.toContain('sk-test-123');
    expect(JSON.parse(shown.stdout)).toEqual({ intel: { llmApiKey: '***' }, journal: { internalToken: '***' } });
  });

  it('gives the journal an internal token generated once into scripts/truth_secrets.json, the same on every load', async () => {
    const file = JSON.parse(await readFile(path.join(repoRoot, 'scripts/truth_secrets.json'), 'utf8')) as { journal?: { internalToken?: string } };
    const token = file.journal?.internalToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(JSON.parse((await system.get(TRUTH_KEYS.doc)) ?? '{}')).toHaveProperty('secrets.journal.internalToken', token);
    expect((await runAdmin(['load-truth'], env)).code).toBe(0);
    expect(JSON.parse((await system.get(TRUTH_KEYS.doc)) ?? '{}')).toHaveProperty('secrets.journal.internalToken', token);
  });

  it('show-truth prints one value by JSON path, and names a wrong path', async () => {
    expect((await runAdmin(['show-truth', 'components.sse.listen.port'], env)).stdout.trim()).toBe('3001');
    const wrong = await runAdmin(['show-truth', 'components.nope.port'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('no value at components.nope.port (stopped at "nope")');
  });

  it('verify-truth passes after a load and fails when Redis was edited by hand', async () => {
    expect((await runAdmin(['verify-truth'], env)).code).toBe(0);
    const doc = JSON.parse((await system.get(TRUTH_KEYS.doc)) ?? '{}') as { node: { name: string } };
    doc.node.name = 'tampered';
    await system.set(TRUTH_KEYS.doc, JSON.stringify(doc));
    const run = await runAdmin(['verify-truth'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not match its truth:version');
  });
});
