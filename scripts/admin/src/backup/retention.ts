import { parseBackupFileName } from './backup-name.js';

const DAY_MS = 86_400_000;

/**
 * The backups to delete: those whose name says they were taken more than `retentionDays` before
 * `now`. Only names the backup command writes count, so an operator's other files in the folder
 * are never deleted.
 */
export function expiredBackups(names: readonly string[], now: Date, retentionDays: number): string[] {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  return names.filter((name) => {
    const parsed = parseBackupFileName(name);
    return parsed !== null && parsed.at.getTime() < cutoff;
  });
}
