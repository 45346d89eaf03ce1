import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@marketswarm/shared/config';
import type { JournalSettings } from '@marketswarm/shared/truth';
import type { JournalDatabaseTarget } from './create-journal-database.js';

/** services/journal/{src,dist}/database → the repository root. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Where this process keeps its data, from its truth settings and secrets. A relative SQLite path is
 * under the run folder the stack hands every process (MS_RUN_DIR, as ecosystem.config.cjs and
 * ./admin resolve it), so a test stack with its own run folder has its own journal.
 */
export function journalDatabaseTarget(settings: Pick<JournalSettings, 'database' | 'sqlitePath'>, secrets: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv): JournalDatabaseTarget {
  if (settings.database === 'postgres') {
    const url = secrets['postgresUrl'];
    if (!url) throw new ConfigError(['journal: settings.database is "postgres" but the postgresUrl secret is not set (MS_JOURNAL_POSTGRES_URL or scripts/truth_secrets.json, then ./admin load-truth)']);
    return { dialect: 'postgres', url };
  }
  const runDir = path.resolve(REPO_ROOT, env['MS_RUN_DIR'] || 'run');
  return { dialect: 'sqlite', file: path.resolve(runDir, settings.sqlitePath) };
}
