import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** The journal (`truth/components/journal.json` → `settings`); the PostgreSQL URL is a secret, not a setting. */
export const journalSettings = componentSettings(
  'journal',
  z.strictObject({
    database: z.enum(['sqlite', 'postgres']).default('sqlite').describe('Storage: SQLite on one node, PostgreSQL (secret postgresUrl) for several'),
    sqlitePath: z.string().min(1).default('data/journal.sqlite').describe('SQLite file when database is sqlite; a relative path is under the run folder (MS_RUN_DIR, default ./run)'),
  }),
  { node: ['sessionTtlSec'] },
);
export type JournalSettings = z.output<typeof journalSettings.schema>;
