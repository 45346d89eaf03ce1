import { Controller, Delete, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import {
  importMappingBodySchema,
  importMappingListSchema,
  importMappingSchema,
  journalIdParamsSchema,
  type ImportMappingBody,
  type ImportMappingDto,
  type ImportMappingListDto,
  type JournalIdParams,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { ImportMappingsService } from './import-mappings.service.js';
import type { ImportMapping } from './import-mappings.repository.js';

const NOT_FOUND = { 404: 'no such import mapping (or another user\'s)' };
const TAKEN = { 409: 'the user has a mapping of that name' };

/** `/api/journal/import-mappings`: generic CSV column mappings the import wizard saves by name. */
@Controller('journal/import-mappings')
export class ImportMappingsController {
  constructor(@Inject(ImportMappingsService) private readonly mappings: ImportMappingsService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s saved generic CSV mappings by name', responses: { 200: importMappingListSchema } })
  async list(@CurrentUser() user: UserDto): Promise<ImportMappingListDto> {
    return { mappings: (await this.mappings.list(user.id)).map(mappingJson) };
  }

  @Post()
  @ApiRoute({ summary: 'Saves a generic CSV mapping by name', responses: { 201: importMappingSchema }, errors: TAKEN })
  async create(@CurrentUser() user: UserDto, @ZodBody(importMappingBodySchema) body: ImportMappingBody): Promise<ImportMappingDto> {
    return mappingJson(await this.mappings.create(user.id, body));
  }

  @Get(':id')
  @ApiRoute({ summary: 'One saved mapping', responses: { 200: importMappingSchema }, errors: NOT_FOUND })
  async get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<ImportMappingDto> {
    return mappingJson(await this.mappings.get(user.id, params.id));
  }

  @Put(':id')
  @ApiRoute({ summary: 'Replaces a saved mapping (name and columns)', responses: { 200: importMappingSchema }, errors: { ...NOT_FOUND, ...TAKEN } })
  async replace(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(importMappingBodySchema) body: ImportMappingBody): Promise<ImportMappingDto> {
    return mappingJson(await this.mappings.replace(user.id, params.id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a saved mapping', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.mappings.remove(user.id, params.id);
  }
}

function mappingJson(mapping: ImportMapping): ImportMappingDto {
  return { ...mapping };
}
