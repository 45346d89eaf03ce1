import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** The most alerts and prompt alerts one user of a role may have stored (enabled or not). */
const roleAlertLimitsSchema = z.strictObject({
  alerts: z.number().int().min(0).max(100_000),
  promptAlerts: z.number().int().min(0).max(100_000),
});

/** Five cron fields (minute hour day-of-month month day-of-week), as pm2's cron_restart reads them. */
const CRON = /^\s*\S+(\s+\S+){4}\s*$/;

/** Where `./admin backup` writes, how long backups are kept, and when pm2 runs the scheduled one. */
const backupSchema = z.strictObject({
  dir: z.string().min(1).default('backups').describe('Backup folder; a relative path is under the run folder (MS_RUN_DIR, default ./run)'),
  retentionDays: z.number().int().min(1).max(3650).default(14).describe('A scheduled backup deletes backups older than this many days'),
  cron: z.string().regex(CRON, 'must be five cron fields, such as "15 2 * * *"').default('15 2 * * *').describe('When pm2 runs ./admin backup --scheduled (fotw-backup); a change applies at the next ./admin up'),
});

/** The journal (`truth/components/journal.json` → `settings`); the PostgreSQL URL is a secret, not a setting. */
export const journalSettings = componentSettings(
  'journal',
  z.strictObject({
    database: z.enum(['sqlite', 'postgres']).default('sqlite').describe('Storage: SQLite on one node, PostgreSQL (secret postgresUrl) for several'),
    sqlitePath: z.string().min(1).default('data/journal.sqlite').describe('SQLite file when database is sqlite; a relative path is under the run folder (MS_RUN_DIR, default ./run)'),
    alertLimits: z
      .strictObject({ trader: roleAlertLimitsSchema, admin: roleAlertLimitsSchema })
      .default({ trader: { alerts: 200, promptAlerts: 20 }, admin: { alerts: 2000, promptAlerts: 200 } })
      .describe('Most alerts and prompt alerts a user may have, by role (every stored one counts, enabled or not); creating one more answers 429')
      .meta({ live: true }),
    // live: the journal process never reads it; ./admin backup reads truth files at each run.
    backup: backupSchema
      .default({ dir: 'backups', retentionDays: 14, cron: '15 2 * * *' })
      .describe('Backups of the journal database (./admin backup, ./admin restore): folder, retention in days, pm2 cron schedule')
      .meta({ live: true }),
  }),
  { node: ['sessionTtlSec'] },
);
export type JournalSettings = z.output<typeof journalSettings.schema>;
