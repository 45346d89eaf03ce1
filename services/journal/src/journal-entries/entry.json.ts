import type { AttachmentDto, EntryDto } from '@marketswarm/shared/dto';
import type { Attachment } from './attachments/attachments.repository.js';
import type { Entry } from './entries.repository.js';

export function attachmentJson(attachment: Attachment): AttachmentDto {
  return { id: attachment.id, date: attachment.date, fileName: attachment.fileName, contentType: attachment.contentType, size: attachment.size, createdAt: attachment.createdAt };
}

export function entryJson(entry: Entry, attachments: readonly Attachment[]): EntryDto {
  return { date: entry.date, content: entry.content, tradeIds: entry.tradeIds, attachments: attachments.map(attachmentJson), createdAt: entry.createdAt, updatedAt: entry.updatedAt };
}
