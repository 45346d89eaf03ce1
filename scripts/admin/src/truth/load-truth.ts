import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { redactUrl } from '@marketswarm/shared/bus';
import { formatTruthProblem, resolveSecrets, writeTruth, type TruthSource } from '@marketswarm/shared/truth';
import type { AdminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';
import { buildTruthFiles } from './build-truth-files.js';
import { ensureGeneratedSecrets } from './generated-secrets.js';
import { busUrl, connectRedis } from './system-redis.js';

export interface LoadOptions {
  truthDir?: string;
  secretsFile?: string;
}

/**
 * build → secrets → one MULTI into system Redis. Anything wrong stops before the first write,
 * so the truth already loaded stays exactly as it was. scripts/truth.json (what pm2 and status read)
 * follows only a load of truth/ itself: loading another folder, as tests do, leaves it alone.
 */
export async function loadTruth(paths: AdminPaths, options: LoadOptions = {}): Promise<{ version: string; url: string }> {
  const truthDir = options.truthDir ?? paths.truthDir;
  const { truth, version } = await buildTruthFiles(paths, truthDir, path.resolve(truthDir) === paths.truthDir ? paths.truthOut : false);
  const secretsPath = options.secretsFile ?? paths.secretsFile;
  // Only the stack's own untracked file gets generated secrets; a file named by --secrets is the operator's.
  if (secretsPath === paths.secretsFile) await ensureGeneratedSecrets(truth, process.env, secretsPath);
  const secretsSource = await readOptional(secretsPath, paths.repoRoot);
  const secrets = resolveSecrets(truth, process.env, secretsSource);
  if (!secrets.ok) {
    throw new CliError(`${secrets.problems.map(formatTruthProblem).join('\n')}\ninvalid secrets; nothing was written`);
  }
  const url = busUrl(truth, 'system');
  const redis = await connectRedis(url, 'system');
  try {
    await writeTruth(redis, { ...truth, secrets: secrets.secrets }, version);
  } finally {
    redis.disconnect();
  }
  return { version, url: redactUrl(url) };
}

async function readOptional(file: string, root: string): Promise<TruthSource | undefined> {
  try {
    return { file: path.relative(root, file) || file, text: await readFile(file, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
