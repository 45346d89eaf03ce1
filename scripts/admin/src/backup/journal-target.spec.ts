import { describe, expect, it } from 'vitest';
import { compileRepoTruthSync } from '@marketswarm/shared/testing';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { adminPaths } from '../paths.js';
import { describeTarget, journalBackupPlan } from './journal-target.js';

const repoTruth = (): PublicTruth => compileRepoTruthSync().truth;

const withJournal = (settings: Record<string, unknown>): PublicTruth => {
  const truth = repoTruth();
  Object.assign(truth.components['journal']!.settings, settings);
  return truth;
};

// No secrets file: only the environment given to each case counts.
const paths = { ...adminPaths({ MS_RUN_DIR: '/srv/ms-run' }), secretsFile: '/nonexistent/truth_secrets.json' };

describe(journalBackupPlan.name, () => {
  it('finds the SQLite journal and the backup folder under the run folder, with the default retention', async () => {
    expect(await journalBackupPlan(repoTruth(), paths, {})).toEqual({
      target: { dialect: 'sqlite', file: '/srv/ms-run/data/journal.sqlite' },
      dir: '/srv/ms-run/backups',
      retentionDays: 14,
    });
  });

  it('keeps an absolute backup folder as it is and reads the retention from truth', async () => {
    const plan = await journalBackupPlan(withJournal({ backup: { dir: '/var/backups/ms', retentionDays: 30, cron: '0 3 * * *' } }), paths, {});
    expect(plan).toMatchObject({ dir: '/var/backups/ms', retentionDays: 30 });
  });

  it('takes the PostgreSQL URL from MS_JOURNAL_POSTGRES_URL when the journal runs on postgres', async () => {
    const plan = await journalBackupPlan(withJournal({ database: 'postgres' }), paths, { MS_JOURNAL_POSTGRES_URL: 'postgres://journal:s3cret@db.internal:5432/journal' });
    expect(plan.target).toEqual({ dialect: 'postgres', url: 'postgres://journal:s3cret@db.internal:5432/journal' });
    expect(describeTarget(plan.target)).toBe('postgres://journal:***@db.internal:5432/journal');
  });

  it('refuses postgres without the postgresUrl secret, naming the secret', async () => {
    await expect(journalBackupPlan(withJournal({ database: 'postgres' }), paths, {})).rejects.toThrow(/postgresUrl secret is not set/);
  });
});
