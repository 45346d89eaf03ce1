import { Controller, Get, Header, Inject, StreamableFile } from '@nestjs/common';
import { EXPORT_CONTENT_TYPES, exportQuerySchema, journalIdParamsSchema, type ExportQuery, type JournalIdParams, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { JournalExportService } from './journal-export.service.js';

@Controller('logs')
export class JournalExportController {
  constructor(@Inject(JournalExportService) private readonly exports: JournalExportService) {}

  @Get(':id/export')
  // A download of the trader's own figures: never kept by a shared cache.
  @Header('Cache-Control', 'private, no-store')
  @ApiRoute({ summary: "Downloads the log's trades or executions as CSV or XLSX", responses: { 200: null }, fileResponses: { 200: Object.values(EXPORT_CONTENT_TYPES) }, errors: { 404: 'no such trade log of yours' } })
  async export(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodQuery(exportQuerySchema) query: ExportQuery): Promise<StreamableFile> {
    const file = await this.exports.export(user.id, params.id, query);
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.body.length });
  }
}
