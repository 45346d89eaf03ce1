import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatTruthProblem, journalSettings, resolveSecrets, type PublicTruth } from '@marketswarm/shared/truth';
import type { AdminPaths } from '../paths.js';
import { CliError } from '../ui/output.js';

export type JournalDialect = 'sqlite' | 'postgres';

/** The journal's database as the journal process finds it (services/journal journalDatabaseTarget). */
export type JournalTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface BackupPlan {
  target: JournalTarget;
  /** Absolute backup folder. */
  dir: string;
  retentionDays: number;
}

/**
 * Where the journal keeps its data and where its backups go, from the truth files and secrets the
 * stack runs on: relative paths under the run folder (MS_RUN_DIR) exactly as the journal resolves
 * `sqlitePath`, and the PostgreSQL URL from MS_JOURNAL_POSTGRES_URL or the secrets file.
 */
export async function journalBackupPlan(truth: PublicTruth, paths: AdminPaths, env: NodeJS.ProcessEnv = process.env): Promise<BackupPlan> {
  const raw = truth.components['journal']?.settings ?? {};
  const parsed = journalSettings.schema.safeParse(raw);
  if (!parsed.success) throw new CliError(`journal settings are invalid: ${parsed.error.message}`);
  const settings = parsed.data;
  const dir = path.resolve(paths.runDir, settings.backup.dir);
  if (settings.database === 'sqlite') {
    return { target: { dialect: 'sqlite', file: path.resolve(paths.runDir, settings.sqlitePath) }, dir, retentionDays: settings.backup.retentionDays };
  }
  const secrets = resolveSecrets(truth, env, await readSecretsFile(paths));
  if (!secrets.ok) throw new CliError(`${secrets.problems.map(formatTruthProblem).join('\n')}\ninvalid secrets`);
  const url = secrets.secrets['journal']?.['postgresUrl'];
  if (!url) throw new CliError('journal: settings.database is "postgres" but the postgresUrl secret is not set (MS_JOURNAL_POSTGRES_URL or scripts/truth_secrets.json)');
  return { target: { dialect: 'postgres', url }, dir, retentionDays: settings.backup.retentionDays };
}

async function readSecretsFile(paths: AdminPaths): Promise<{ file: string; text: string } | undefined> {
  try {
    return { file: path.relative(paths.repoRoot, paths.secretsFile) || paths.secretsFile, text: await readFile(paths.secretsFile, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A target for messages: the SQLite path, or the URL without its password. */
export function describeTarget(target: JournalTarget): string {
  if (target.dialect === 'sqlite') return target.file;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return url.toString();
}
