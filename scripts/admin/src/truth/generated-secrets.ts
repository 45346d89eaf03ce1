import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { PublicTruth } from '@marketswarm/shared/truth';

/**
 * Secrets the stack makes up itself when the operator set none: a random value written once into
 * the untracked secrets file, so every later load (and every process reading truth) agrees on it
 * and the default stack works without a manual step. A value from the environment or already in
 * the file always wins.
 */
export const GENERATED_SECRETS: readonly { component: string; name: string }[] = [{ component: 'journal', name: 'internalToken' }];

/**
 * Adds each generated secret the truth declares and neither `env` nor `file` provides; returns
 * `component.name` of those it added. A file that is not a JSON object is left for the secrets
 * check to report, untouched.
 */
export async function ensureGeneratedSecrets(truth: PublicTruth, env: NodeJS.ProcessEnv, file: string): Promise<string[]> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let secrets: Record<string, Record<string, unknown>>;
  try {
    const parsed: unknown = text === undefined ? {} : JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
    secrets = parsed as Record<string, Record<string, unknown>>;
  } catch {
    return [];
  }
  const added: string[] = [];
  for (const { component, name } of GENERATED_SECRETS) {
    const spec = truth.components[component]?.secrets.find((s) => s.name === name);
    if (!spec || env[spec.env] || secrets[component]?.[name]) continue;
    secrets[component] = { ...secrets[component], [name]: randomBytes(32).toString('base64url') };
    added.push(`${component}.${name}`);
  }
  if (added.length > 0) await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return added;
}
