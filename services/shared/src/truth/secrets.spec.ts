import { describe, expect, it } from 'vitest';
import type { PublicTruth } from './compile-truth.js';
import { resolveSecrets } from './secrets.js';

const truth = {
  node: { name: 'n', version: '1.0.0', environment: 'development', publicUrl: 'https://localhost:8443', timezone: 'UTC' },
  topics: {},
  components: {
    intel: { id: 'intel', secrets: [{ name: 'llmApiKey', env: 'MS_LLM_API_KEY', required: false, description: 'd' }] },
    journal: { id: 'journal', secrets: [{ name: 'postgresUrl', env: 'MS_PG', required: true, description: 'd' }] },
  },
} as unknown as PublicTruth;

const file = (json: unknown) => ({ file: 'scripts/truth_secrets.json', text: JSON.stringify(json) });

describe(resolveSecrets.name, () => {
  it('prefers the environment over the secrets file', () => {
    const result = resolveSecrets(truth, { MS_PG: 'env-url' }, file({ journal: { postgresUrl: 'file-url' }, intel: { llmApiKey: 'k' } }));
    expect(result).toEqual({ ok: true, secrets: { journal: { postgresUrl: 'env-url' }, intel: { llmApiKey: 'k' } } });
  });

  it('names a missing required secret and how to provide it', () => {
    const result = resolveSecrets(truth, {}, undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '$.journal.postgresUrl', reason: expect.stringContaining('set MS_PG') as string });
  });

  it('rejects a secret no component declares (a typo would otherwise be ignored)', () => {
    const result = resolveSecrets(truth, { MS_PG: 'x' }, file({ intel: { llmApiKee: 'k' } }));
    expect(result).toEqual({ ok: false, problems: [{ file: 'scripts/truth_secrets.json', path: '$.intel.llmApiKee', reason: 'no component declares this secret' }] });
  });

  it('never puts a secret value into a problem', () => {
    const result = resolveSecrets(truth, {}, file({ intel: { llmApiKee: 'sk-very-secret' } }));
    expect(JSON.stringify(result)).not.toContain('sk-very-secret');
  });
});
