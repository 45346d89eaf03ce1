import { z } from 'zod';
import type { PublicTruth } from './compile-truth.js';
import type { TruthProblem } from './truth-problem.js';
import { parseSource, type TruthSource } from './parse-source.js';

export const secretsFileSchema = z.record(z.string(), z.record(z.string(), z.string().min(1)));
export type SecretsFile = z.infer<typeof secretsFileSchema>;

export type SecretsResult = { ok: true; secrets: SecretsFile } | { ok: false; problems: TruthProblem[] };

/**
 * Collects each declared secret from its environment variable first, then from the untracked
 * secrets file. Values never appear in messages; a secret nobody declared is an error, because a
 * typo there would otherwise be silently ignored.
 */
export function resolveSecrets(truth: PublicTruth, env: NodeJS.ProcessEnv, file: TruthSource | undefined): SecretsResult {
  const problems: TruthProblem[] = [];
  let fromFile: SecretsFile = {};
  if (file) {
    const parsed = parseSource(file, secretsFileSchema);
    if (!parsed.ok) return parsed;
    fromFile = parsed.value;
    for (const [componentId, values] of Object.entries(fromFile)) {
      const declared = truth.components[componentId]?.secrets.map((s) => s.name) ?? [];
      for (const name of Object.keys(values)) {
        if (!declared.includes(name)) {
          problems.push({ file: file.file, path: `$.${componentId}.${name}`, reason: 'no component declares this secret' });
        }
      }
    }
  }
  const secrets: SecretsFile = {};
  for (const component of Object.values(truth.components)) {
    component.secrets.forEach((spec, i) => {
      const value = env[spec.env] ?? fromFile[component.id]?.[spec.name];
      if (value) (secrets[component.id] ??= {})[spec.name] = value;
      else if (spec.required) {
        problems.push({
          file: file?.file ?? 'scripts/truth_secrets.json',
          path: `$.${component.id}.${spec.name}`,
          reason: `required secret is missing (set ${spec.env} or add it to the secrets file; declared at $.secrets[${i}])`,
        });
      }
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, secrets };
}
