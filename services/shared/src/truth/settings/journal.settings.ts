import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** The most alerts and prompt alerts one user of a role may have stored (enabled or not). */
const roleAlertLimitsSchema = z.strictObject({
  alerts: z.number().int().min(0).max(100_000),
  promptAlerts: z.number().int().min(0).max(100_000),
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
  }),
  { node: ['sessionTtlSec'] },
);
export type JournalSettings = z.output<typeof journalSettings.schema>;
