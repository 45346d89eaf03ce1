import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { RestorePreview } from '../backup/run-restore.js';
import { adminPaths } from '../paths.js';
import { formatBytes } from '../ui/format-bytes.js';
import { bold, CliError, green, info, yellow } from '../ui/output.js';
import { renderTable } from '../ui/table.js';

/** `./admin backup` and `./admin restore <file>`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Backs up the journal database into backup.dir from truth (SQLite: online backup API, gzipped; PostgreSQL: pg_dump custom format) with a JSON manifest beside it; prints the backup file')
    .option('--json', 'print the manifest as JSON')
    .option('--scheduled', 'what pm2 cron runs (fotw-backup): also deletes backups older than backup.retentionDays, and logs JSON lines')
    .action(async (opts: { json?: boolean; scheduled?: boolean }) => {
      const paths = adminPaths();
      try {
        // Loaded here, not at the top: every ./admin run registers this command, few run it, and
        // the backup code pulls in pg, better-sqlite3 and the truth compiler.
        const { buildTruthFiles } = await import('../truth/build-truth-files.js');
        const { journalBackupPlan } = await import('../backup/journal-target.js');
        const { pruneBackups, runBackup } = await import('../backup/run-backup.js');
        const { truth } = await buildTruthFiles(paths, undefined, false);
        const plan = await journalBackupPlan(truth, paths);
        if (opts.scheduled && plan.target.dialect === 'sqlite' && !existsSync(plan.target.file)) {
          // pm2 also runs the cron app once at ./admin up, before a fresh stack's journal made its file.
          logLine('info', 'journal backup skipped: no journal database yet', { database: plan.target.file });
          return;
        }
        const backup = await runBackup(plan);
        if (opts.scheduled) {
          logLine('info', 'journal backup written', { file: backup.file, size: backup.manifest.size, tables: backup.manifest.tables });
          const deleted = await pruneBackups(plan.dir, plan.retentionDays);
          logLine('info', 'old backups deleted', { retentionDays: plan.retentionDays, deleted });
        } else if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...backup.manifest, path: backup.file }, null, 2)}\n`);
        } else {
          info(`${green('✓')} journal backed up (${backup.manifest.dialect}, ${formatBytes(backup.manifest.size)}, ${totalRows(backup.manifest.tables)} rows)`);
          process.stdout.write(`${backup.file}\n`);
        }
      } catch (error) {
        if (!opts.scheduled) throw error;
        // pm2 keeps stdout as the log: one JSON line an operator (or a log shipper) can alert on.
        logLine('error', 'journal backup failed', { error: (error as Error).message });
        throw new CliError('', 1);
      }
    });

  program
    .command('restore <file>')
    .description('Replaces the journal database by a backup from ./admin backup, after checking its manifest (size, sha256) and that it opens')
    .option('--dry-run', 'check the backup and list what it would replace (database, rows per table now and after); change nothing')
    .option('--yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .option('--force', 'restore even though a journal process is running (its heartbeat in system Redis is fresh)')
    .option('--json', 'print the plan (and the outcome) as JSON')
    .addHelpText(
      'after',
      `
Stop the journal first (pm2 stop fotw-journal, on every node): restore refuses while a journal
heartbeat is fresh, because a running journal would keep writing to the database it replaces
(SQLite: to the old file; PostgreSQL: its open transactions block the restore). --force skips
that check. SQLite keeps the replaced file as <db>.before-restore-<time>; PostgreSQL keeps the
replaced schema as public_before_restore_<time> (drop it when satisfied) and restores the dump with
pg_restore in one transaction: a failure puts the old schema back.`,
    )
    .action(async (file: string, opts: { dryRun?: boolean; yes?: boolean; force?: boolean; json?: boolean }) => {
      const { buildTruthFiles } = await import('../truth/build-truth-files.js');
      const { journalBackupPlan } = await import('../backup/journal-target.js');
      const { journalLiveness } = await import('../backup/journal-running.js');
      const { applyRestore, previewRestore } = await import('../backup/run-restore.js');
      const paths = adminPaths();
      const { truth } = await buildTruthFiles(paths, undefined, false);
      const plan = await journalBackupPlan(truth, paths);
      const preview = await previewRestore(path.resolve(file), plan.target);
      if (opts.dryRun) {
        if (opts.json) process.stdout.write(`${JSON.stringify(previewJson(preview, true), null, 2)}\n`);
        else printPreview(preview, 'would replace');
        return;
      }
      const liveness = await journalLiveness(truth);
      if (liveness === 'running' && !opts.force) {
        throw new CliError('a journal process is running (its heartbeat is fresh): stop it first (pm2 stop fotw-journal on every node), or pass --force');
      }
      if (liveness === 'unknown') info(yellow('system Redis is unreachable: cannot tell whether a journal is running; make sure none is'));
      if (!opts.json) printPreview(preview, 'will replace');
      if (!opts.yes) await confirm(preview.replaces);
      const { previous } = await applyRestore(preview);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...previewJson(preview, false), previous }, null, 2)}\n`);
        return;
      }
      if (previous) info(`the replaced data is kept as ${previous}${preview.target.dialect === 'postgres' ? ` (DROP SCHEMA ${previous} CASCADE when satisfied)` : ''}`);
      info(`${green('✓')} restored ${preview.manifest.file} into ${preview.replaces}; start the journal again (pm2 start fotw-journal)`);
    });
}

function previewJson(preview: RestorePreview, dryRun: boolean) {
  return { dryRun, backup: preview.backupFile, createdAt: preview.manifest.createdAt, dialect: preview.manifest.dialect, replaces: preview.replaces, tables: preview.tables };
}

function printPreview(preview: RestorePreview, verb: string): void {
  const { manifest } = preview;
  process.stdout.write(`${bold('backup')}   ${preview.backupFile} (${manifest.dialect}, taken ${manifest.createdAt}, sha256 ok)\n`);
  process.stdout.write(`${bold(verb)} ${preview.replaces}\n\n`);
  const count = (n: number | null) => (n === null ? '-' : String(n));
  const rows = preview.tables.map((t) => [t.table, count(t.current), count(t.backup), t.current === t.backup ? '' : yellow('changes')]);
  process.stdout.write(`${renderTable(['table', 'rows now', 'rows after restore', ''], rows)}\n`);
}

async function confirm(target: string): Promise<void> {
  if (!process.stdin.isTTY) throw new CliError('restore replaces the journal database: pass --yes to confirm (stdin is not a terminal)');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Replace ${target}? Type yes to continue: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new CliError('restore cancelled; nothing was changed');
  } finally {
    rl.close();
  }
}

function logLine(level: 'info' | 'error', msg: string, fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ts: new Date().toISOString(), level, msg, ...fields })}\n`);
}

const totalRows = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);
