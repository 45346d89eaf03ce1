import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { EntriesRepository } from '../entries.repository.js';
import { attachmentJson } from '../entry.json.js';
import { AttachmentsRepository, type Attachment } from './attachments.repository.js';
import { attachmentFileName, sniffAttachment } from './sniff-attachment.js';

/** A file as multer hands it over (memory storage). */
export interface UploadedAttachment {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface AttachmentDownload {
  attachment: Attachment;
  bytes: Buffer;
}

function attachmentNotFound(id: string): DomainError {
  return new DomainError('not-found', `no attachment ${id}`, { issues: [{ path: 'id', message: 'no such attachment' }] });
}

/**
 * Files attached to a day's entry. What a file is comes from its bytes (sniffAttachment), never
 * from the client; the entry is created empty when the day has none yet. The bytes are stored in
 * the database with their row, so every journal node sharing it serves every file.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @Inject(AttachmentsRepository) private readonly attachments: AttachmentsRepository,
    @Inject(EntriesRepository) private readonly entries: EntriesRepository,
  ) {}

  async upload(userId: string, date: string, file: UploadedAttachment | undefined): Promise<AttachmentDto> {
    if (!file) throw new DomainError('validation', 'invalid body: file: attach the file as the multipart field "file"', { issues: [{ path: 'file', message: 'is required (multipart/form-data)' }] });
    const sniffed = await sniffAttachment(file.buffer, file.originalname);
    if (!sniffed.ok) throw new DomainError(sniffed.code, `file: ${sniffed.message}`, { issues: [{ path: 'file', message: sniffed.message }] });
    const entryId = await this.entries.ensure(userId, date);
    const id = randomUUID();
    await this.attachments.insert(userId, {
      id,
      entryId,
      fileName: attachmentFileName(file.originalname, sniffed.ext),
      contentType: sniffed.contentType,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      bytes: file.buffer,
    });
    const stored = await this.attachments.get(userId, id);
    if (!stored) throw attachmentNotFound(id);
    return attachmentJson(stored);
  }

  async download(userId: string, id: string): Promise<AttachmentDownload> {
    const download = await this.attachments.withContent(userId, id);
    if (!download) throw attachmentNotFound(id);
    return download;
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.attachments.remove(userId, id))) throw attachmentNotFound(id);
  }
}
