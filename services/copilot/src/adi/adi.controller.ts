import { Controller, Get, Header, Inject, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import {
  adiJsonSchema,
  adiQuerySchema,
  adiSectionParamsSchema,
  adiSectionSnapshotSchema,
  adiSnapshotSchema,
  type AdiFormat,
  type AdiQuery,
  type AdiSectionParams,
  type AdiSectionSnapshot,
  type AdiSnapshot,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { adiCsv, adiCsvFileName } from './adi-csv.js';
import { adiJson, adiSectionJson } from './adi-json.js';
import { adiText } from './adi-text.js';
import { adiSectionOf } from './adi-snapshot.builder.js';
import { AdiService } from './adi.service.js';

export const ADI_CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', text: 'text/plain; charset=utf-8' } as const;
/**
 * The OpenAPI document gives a status either a JSON schema or file types, not both: the JSON answer
 * is the schema, and the other formats are named here.
 */
const OTHER_FORMATS = 'format=csv answers text/csv as an attachment (section,field,value rows, dotted fields); format=text answers text/plain, the snapshot as a trader pastes it into a chat.';
const jsonSchemaAnswer = z.record(z.string(), z.unknown()).describe('a JSON Schema (draft 2020-12) with $id, x-schema-id and x-schema-version');

/** JSON as an object (Nest serialises it); CSV as an attachment; text inline, to be read or copied. */
function answer<T extends AdiSectionSnapshot>(snapshot: T, format: AdiFormat, json: (s: T) => T, section?: string): T | StreamableFile {
  switch (format) {
    case 'json':
      return json(snapshot);
    case 'csv':
      return new StreamableFile(Buffer.from(adiCsv(snapshot), 'utf8'), { type: ADI_CONTENT_TYPES.csv, disposition: `attachment; filename="${adiCsvFileName(snapshot.symbol, snapshot.generatedAt, section)}"` });
    case 'text':
      return new StreamableFile(Buffer.from(adiText(snapshot), 'utf8'), { type: ADI_CONTENT_TYPES.text });
  }
}

@Controller('adi')
export class AdiController {
  constructor(@Inject(AdiService) private readonly adi: AdiService) {}

  @Get('snapshot')
  // The trader's own positions are in it: never kept by a shared cache.
  @Header('Cache-Control', 'private, no-store')
  @ApiRoute({ summary: 'The whole market picture and your book in one versioned export: JSON, CSV or text', description: OTHER_FORMATS, responses: { 200: adiSnapshotSchema } })
  async snapshot(@CurrentUser() user: UserDto, @ZodQuery(adiQuerySchema) query: AdiQuery): Promise<AdiSnapshot | StreamableFile> {
    return answer(await this.adi.snapshot(user.id, query.dte), query.format, adiJson);
  }

  @Get('snapshot/:section')
  @Header('Cache-Control', 'private, no-store')
  @ApiRoute({ summary: 'One section of the ADI snapshot, with its header', description: OTHER_FORMATS, responses: { 200: adiSectionSnapshotSchema }, errors: { 400: '`validation`: an unknown section' } })
  async section(@CurrentUser() user: UserDto, @ZodParams(adiSectionParamsSchema) params: AdiSectionParams, @ZodQuery(adiQuerySchema) query: AdiQuery): Promise<AdiSectionSnapshot | StreamableFile> {
    const snapshot = adiSectionOf(await this.adi.snapshot(user.id, query.dte), params.section);
    return answer(snapshot, query.format, adiSectionJson, params.section);
  }

  @Get('schema')
  @ApiRoute({ summary: 'The JSON Schema of the ADI snapshot, with its id and version', responses: { 200: jsonSchemaAnswer } })
  schema(): Record<string, unknown> {
    return adiJsonSchema();
  }
}
