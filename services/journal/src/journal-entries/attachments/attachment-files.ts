import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { journalSettings } from '@marketswarm/shared/truth';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { JournalDatabase } from '../../database/create-journal-database.js';
import { journalDatabaseTarget } from '../../database/journal-database-target.js';

/** A user id or attachment id as a folder or file name: never a path of its own. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

function safeName(value: string, what: string): string {
  if (!SAFE_NAME.test(value)) throw new Error(`${what} ${JSON.stringify(value)} is not usable as a file name`);
  return value;
}

/**
 * Where attachments live: `attachments/` beside the SQLite file the journal opened (the run's data
 * folder, so a test or second stack keeps its own). On PostgreSQL, or an in-memory database, the
 * folder the settings' sqlitePath would put the file in: `<run folder>/data` by default.
 */
export async function attachmentRoot(database: JournalDatabase, ctx: Pick<ServiceContext, 'settings'>, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(database.db);
    const main = rows.find((row) => row.name === 'main');
    if (main?.file) return path.join(path.dirname(main.file), 'attachments');
  }
  const { settings } = ctx.settings.of(journalSettings);
  const target = journalDatabaseTarget({ ...settings, database: 'sqlite' }, {}, env);
  if (target.dialect !== 'sqlite') throw new Error('unreachable: a sqlite target was asked for');
  return path.join(path.dirname(target.file), 'attachments');
}

/** The bytes of attachments, one file per attachment under `<root>/<userId>/<attachmentId>`. */
export class AttachmentFiles {
  private root: Promise<string> | undefined;

  /** `root` is resolved on first use: a process that never touches an attachment never asks where they live. */
  constructor(private readonly resolveRoot: () => Promise<string>) {}

  private async pathOf(userId: string, id: string): Promise<string> {
    this.root ??= this.resolveRoot();
    return path.join(await this.root, safeName(userId, 'user id'), safeName(id, 'attachment id'));
  }

  /** Written whole under a temporary name and renamed, so a reader never sees half a file. */
  async write(userId: string, id: string, bytes: Uint8Array): Promise<void> {
    const file = await this.pathOf(userId, id);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
  }

  /** Undefined when the file is gone (removed by hand, or a lost disk). */
  async read(userId: string, id: string): Promise<Buffer | undefined> {
    try {
      return await readFile(await this.pathOf(userId, id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async remove(userId: string, id: string): Promise<void> {
    await rm(await this.pathOf(userId, id), { force: true });
  }
}
