import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTruth, readTruthSources, type PublicTruth } from '@marketswarm/shared/truth';
import { repoRoot } from '../paths.js';
import { ensureGeneratedSecrets } from './generated-secrets.js';

const sources = await readTruthSources(path.join(repoRoot, 'truth'), repoRoot);
const compiled = compileTruth(sources.node, sources.components);
if (!compiled.ok) throw new Error('the repository truth must compile');
const truth: PublicTruth = compiled.truth;

describe(ensureGeneratedSecrets.name, () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ms-generated-secrets-'));
    file = path.join(dir, 'truth_secrets.json');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const read = async () => JSON.parse(await readFile(file, 'utf8')) as Record<string, Record<string, string>>;

  it('creates the secrets file with a random journal internalToken readable only by its owner', async () => {
    expect(await ensureGeneratedSecrets(truth, {}, file)).toEqual(['journal.internalToken']);
    expect((await read())['journal']?.['internalToken']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps a token already in the file and every other secret there', async () => {
    await writeFile(file, JSON.stringify({ intel: { llmApiKey: 'sk-1' }, journal: { postgresUrl: 'postgres://x', internalToken: 'kept' } }));
    expect(await ensureGeneratedSecrets(truth, {}, file)).toEqual([]);
    expect(await read()).toEqual({ intel: { llmApiKey: 'sk-1' }, journal: { postgresUrl: 'postgres://x', internalToken: 'kept' } });
  });

  it('adds the token beside the secrets the file has', async () => {
    await writeFile(file, JSON.stringify({ journal: { postgresUrl: 'postgres://x' } }));
    await ensureGeneratedSecrets(truth, {}, file);
    expect(await read()).toEqual({ journal: { postgresUrl: 'postgres://x', internalToken: expect.any(String) as string } });
  });

  it('writes nothing when MS_INTERNAL_TOKEN provides the token', async () => {
    expect(await ensureGeneratedSecrets(truth, { MS_INTERNAL_TOKEN: 'from-env' }, file)).toEqual([]);
    await expect(stat(file)).rejects.toThrow('ENOENT');
  });

  it('leaves a file that is not JSON for the secrets check to report', async () => {
    await writeFile(file, '{ not json');
    expect(await ensureGeneratedSecrets(truth, {}, file)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });

  it('generates nothing for a truth whose journal declares no internal token', async () => {
    const journal = truth.components['journal'];
    if (!journal) throw new Error('the repository truth has a journal');
    const without: PublicTruth = { ...truth, components: { ...truth.components, journal: { ...journal, secrets: [] } } };
    expect(await ensureGeneratedSecrets(without, {}, file)).toEqual([]);
  });
});
