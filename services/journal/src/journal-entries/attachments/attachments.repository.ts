import type { Kysely } from 'kysely';
import type { JournalAttachmentType } from '@marketswarm/shared/dto';
import type { EpochMs, JournalDb } from '../../database/journal-db.js';

export interface Attachment {
  id: string;
  /** The entry's date. */
  date: string;
  fileName: string;
  contentType: JournalAttachmentType;
  size: number;
  sha256: string;
  createdAt: EpochMs;
}

export interface NewAttachment {
  id: string;
  entryId: string;
  fileName: string;
  contentType: JournalAttachmentType;
  sha256: string;
  bytes: Buffer;
}

/**
 * All SQL on `journal_attachments`, scoped by user. The bytes live in the row (`content`), so any
 * journal node on the same database serves them; only `withContent()` reads them.
 */
export class AttachmentsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  private selectWithDate(userId: string) {
    return this.db
      .selectFrom('journal_attachments')
      .innerJoin('journal_entries', 'journal_entries.id', 'journal_attachments.entry_id')
      .select(['journal_attachments.id', 'journal_entries.entry_date', 'journal_attachments.file_name', 'journal_attachments.content_type', 'journal_attachments.size_bytes', 'journal_attachments.sha256', 'journal_attachments.created_at'])
      .where('journal_attachments.user_id', '=', userId);
  }

  async get(userId: string, id: string): Promise<Attachment | undefined> {
    const row = await this.selectWithDate(userId).where('journal_attachments.id', '=', id).executeTakeFirst();
    return row && toAttachment(row);
  }

  /** The attachments of the user's entry on `date`, oldest first. */
  async ofDate(userId: string, date: string): Promise<Attachment[]> {
    const rows = await this.selectWithDate(userId).where('journal_entries.entry_date', '=', date).orderBy('journal_attachments.created_at').orderBy('journal_attachments.id').execute();
    return rows.map(toAttachment);
  }

  /** The attachment with its bytes exactly as uploaded (a download); undefined for another user's or a missing one. */
  async withContent(userId: string, id: string): Promise<{ attachment: Attachment; bytes: Buffer } | undefined> {
    const row = await this.selectWithDate(userId).select('journal_attachments.content').where('journal_attachments.id', '=', id).executeTakeFirst();
    return row && { attachment: toAttachment(row), bytes: row.content };
  }

  /** The size is the bytes' length, never a figure the caller passes. */
  async insert(userId: string, attachment: NewAttachment): Promise<void> {
    await this.db
      .insertInto('journal_attachments')
      .values({
        id: attachment.id,
        user_id: userId,
        entry_id: attachment.entryId,
        file_name: attachment.fileName,
        content_type: attachment.contentType,
        size_bytes: attachment.bytes.length,
        sha256: attachment.sha256,
        created_at: this.now(),
        content: attachment.bytes,
      })
      .execute();
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('journal_attachments').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toAttachment(row: { id: string; entry_date: string; file_name: string; content_type: string; size_bytes: number; sha256: string; created_at: number }): Attachment {
  return { id: row.id, date: row.entry_date, fileName: row.file_name, contentType: row.content_type as JournalAttachmentType, size: row.size_bytes, sha256: row.sha256, createdAt: row.created_at };
}
