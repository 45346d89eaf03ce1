import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupFileName, manifestFileOf } from './backup-name.js';
import { sha256File, writeManifest, type BackupManifest } from './backup-manifest.js';
import { describeTarget, type BackupPlan } from './journal-target.js';
import { backupPostgres } from './postgres-backup.js';
import { expiredBackups } from './retention.js';
import { backupSqlite } from './sqlite-backup.js';

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
}

/** One backup of the journal into the plan's folder, with its manifest beside it. */
export async function runBackup(plan: Pick<BackupPlan, 'target' | 'dir'>, now: Date = new Date()): Promise<BackupResult> {
  const { target } = plan;
  await mkdir(plan.dir, { recursive: true });
  const file = path.join(plan.dir, backupFileName(target.dialect, now));
  const tables = target.dialect === 'sqlite' ? await backupSqlite(target.file, file) : await backupPostgres(target.url, file);
  const manifest: BackupManifest = {
    kind: 'marketswarm-journal-backup',
    version: 1,
    dialect: target.dialect,
    createdAt: now.toISOString(),
    file: path.basename(file),
    size: (await stat(file)).size,
    sha256: await sha256File(file),
    tables,
    source: describeTarget(target),
  };
  return { file, manifest, manifestFile: await writeManifest(file, manifest) };
}

/** Deletes the backups (and their manifests) older than the retention; returns the files deleted. */
export async function pruneBackups(dir: string, retentionDays: number, now: Date = new Date()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const expired = expiredBackups(names, now, retentionDays).map((name) => path.join(dir, name));
  for (const file of expired) {
    await rm(file, { force: true });
    await rm(manifestFileOf(file), { force: true });
  }
  return expired;
}
