import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { TRUTH_KEYS } from '@marketswarm/shared/truth';
import { repoRoot, runAdmin, startRedisTrio, type RedisTrio } from '@marketswarm/shared/testing';

const fixtures = path.join(repoRoot, 'truth/fixtures');
const expected = JSON.parse(await readFile(path.join(fixtures, 'not-ok/expected.json'), 'utf8')) as Record<string, string>;

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

  /** A copy of the repository's truth with one fixture component added. */
  async function truthWith(kind: 'ok' | 'not-ok', name: string): Promise<string> {
    const dir = await mkdtemp(path.join(work, `${name}-`));
    await cp(path.join(repoRoot, 'truth/node.json'), path.join(dir, 'node.json'));
    await cp(path.join(repoRoot, 'truth/components'), path.join(dir, 'components'), { recursive: true });
    await cp(path.join(fixtures, kind, name), path.join(dir, 'components', name));
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
    const shown = (expected[name] ?? '').replace('truth/components/', `${path.relative(repoRoot, dir)}/components/`);
    expect(run.stderr).toContain(shown);
    expect(run.stderr).toContain('nothing was written');
    expect(await system.mget(TRUTH_KEYS.doc, TRUTH_KEYS.version, TRUTH_KEYS.ts)).toEqual(before);
  });

  it('covers every not-ok fixture', async () => {
    const files = (await readdir(path.join(fixtures, 'not-ok'))).filter((f) => f !== 'expected.json');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
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
    expect(JSON.parse(shown.stdout)).toEqual({ intel: { llmApiKey: '***' } });
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
