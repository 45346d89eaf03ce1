import { Controller, Delete, Get, Header, HttpCode, Inject, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { attachmentSchema, entryDateParamsSchema, JOURNAL_ATTACHMENT_MAX_BYTES, JOURNAL_ATTACHMENT_TYPES, journalIdParamsSchema, type AttachmentDto, type EntryDateParams, type JournalIdParams, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodParams } from '@marketswarm/shared/nest';
import { AttachmentsService, type UploadedAttachment } from './attachments.service.js';
import { attachmentDisposition, ACCEPTED_ATTACHMENTS } from './sniff-attachment.js';

const NOT_FOUND = { 404: 'no such attachment (or another user\'s)' };

/** `/api/journal/entries/:date/attachments` and `/api/journal/attachments/:id`. */
@Controller('journal')
export class AttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  @Post('entries/:date/attachments')
  // multer reads the upload after the guards (interceptors run after them): a stranger's 5 MiB is refused unread.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: JOURNAL_ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 } }))
  @ApiRoute({
    summary: `Attaches a file (multipart field "file") to the day's entry, creating the entry when there is none; ${ACCEPTED_ATTACHMENTS}, judged by its bytes`,
    files: { file: `${ACCEPTED_ATTACHMENTS}, at most 5 MiB` },
    responses: { 201: attachmentSchema },
    errors: { 413: 'the file is over 5 MiB', 415: 'the bytes are of no accepted type (issues name file)', 422: 'the file is empty' },
  })
  upload(@CurrentUser() user: UserDto, @ZodParams(entryDateParamsSchema) params: EntryDateParams, @UploadedFile() file: UploadedAttachment | undefined): Promise<AttachmentDto> {
    return this.attachments.upload(user.id, params.date, file);
  }

  @Get('attachments/:id')
  // Never rendered in the journal's origin: a download, of the type its bytes are, in a sandbox if opened anyway.
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Content-Security-Policy', 'sandbox')
  @Header('Cache-Control', 'private, no-store')
  @ApiRoute({ summary: 'Downloads an attachment (always as a file, never inline)', responses: { 200: null }, fileResponses: { 200: [...JOURNAL_ATTACHMENT_TYPES] }, errors: NOT_FOUND })
  async download(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<StreamableFile> {
    const { attachment, bytes } = await this.attachments.download(user.id, params.id);
    return new StreamableFile(bytes, { type: attachment.contentType, disposition: attachmentDisposition(attachment.fileName), length: bytes.length });
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes an attachment, bytes included', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.attachments.remove(user.id, params.id);
  }
}
