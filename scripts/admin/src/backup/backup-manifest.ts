import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CliError } from '../ui/output.js';
import { manifestFileOf } from './backup-name.js';

/** What a backup holds, written beside it; restore trusts the backup only when size and sha256 match. */
export const backupManifestSchema = z.strictObject({
  kind: z.literal('marketswarm-journal-backup'),
  version: z.literal(1),
  dialect: z.enum(['sqlite', 'postgres']),
  createdAt: z.iso.datetime(),
  /** The backup's file name (the manifest sits in the same folder). */
  file: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Rows per table at the moment of the backup (the same snapshot the backup holds). */
  tables: z.record(z.string(), z.number().int().min(0)),
  /** Where it came from (SQLite path, or PostgreSQL URL without password), for the operator. */
  source: z.string(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Written to a temp name then renamed, so a manifest is never half there. */
export async function writeManifest(backupFile: string, manifest: BackupManifest): Promise<string> {
  const file = manifestFileOf(backupFile);
  await writeFile(`${file}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${file}.partial`, file);
  return file;
}

/**
 * The manifest of `backupFile`, after checking the file is the one it describes: name, size and
 * sha256. Anything off refuses the restore with the reason.
 */
export async function readVerifiedManifest(backupFile: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(manifestFileOf(backupFile), 'utf8');
  } catch {
    throw new CliError(`no manifest ${manifestFileOf(backupFile)} beside the backup; only backups written by ./admin backup can be restored`);
  }
  let manifest: BackupManifest;
  try {
    manifest = backupManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new CliError(`manifest ${manifestFileOf(backupFile)} is not valid: ${(error as Error).message}`);
  }
  if (manifest.file !== path.basename(backupFile)) throw new CliError(`manifest describes ${manifest.file}, not ${path.basename(backupFile)}`);
  const { size } = await stat(backupFile);
  if (size !== manifest.size) throw new CliError(`backup ${backupFile} is ${size} bytes, its manifest says ${manifest.size}: the file is damaged or incomplete`);
  if ((await sha256File(backupFile)) !== manifest.sha256) throw new CliError(`backup ${backupFile} does not match its manifest's sha256: the file is damaged`);
  return manifest;
}
