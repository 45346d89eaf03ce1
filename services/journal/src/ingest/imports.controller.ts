import { Controller, HttpCode, Inject, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { importFieldsSchema, importQuerySchema, importResultSchema, journalIdParamsSchema, type ImportFields, type ImportQuery, type ImportResultDto, type JournalIdParams, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { IMPORT_MAX_BYTES } from '../imports/index.js';
import { JournalIngestService, type UploadedExport } from './journal-ingest.service.js';

@Controller('logs')
export class ImportsController {
  constructor(@Inject(JournalIngestService) private readonly ingest: JournalIngestService) {}

  @Post(':id/import')
  @HttpCode(200)
  // multer reads the upload after the guards (interceptors run after them): a stranger's 10 MiB is refused unread.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 6 } }))
  @ApiRoute({
    summary: 'Imports a broker export (multipart field "file", optional "broker", "timeZone", and for a generic CSV "mapping" (JSON) or "mappingId") into the log; ?dryRun=true previews without writing',
    files: { file: 'the broker export, at most 10 MiB' },
    responses: { 200: importResultSchema },
    errors: { 404: 'no such trade log (or saved mapping) of yours', 413: 'the file is over 10 MiB', 422: 'the file is in no recognised format (issues lists the formats), or unreadable' },
  })
  import(
    @CurrentUser() user: UserDto,
    @ZodParams(journalIdParamsSchema) params: JournalIdParams,
    @ZodQuery(importQuerySchema) query: ImportQuery,
    @ZodBody(importFieldsSchema) fields: ImportFields,
    @UploadedFile() file: UploadedExport | undefined,
  ): Promise<ImportResultDto> {
    return this.ingest.importExport(user.id, params.id, file, fields, query.dryRun);
  }
}
