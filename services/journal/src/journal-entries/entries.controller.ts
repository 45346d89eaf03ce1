import { Controller, Delete, Get, HttpCode, Inject, Put, UseGuards } from '@nestjs/common';
import { entryBodySchema, entryDateParamsSchema, entryListAnswerSchema, entryQuerySchema, entrySchema, type EntryBody, type EntryDateParams, type EntryDto, type EntryListAnswerDto, type EntryQuery, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { EntriesService } from './entries.service.js';
import { EntryJsonBodyGuard } from './entry-json-body.guard.js';

/** `/api/journal/entries`. */
@Controller('journal/entries')
export class EntriesController {
  constructor(@Inject(EntriesService) private readonly entries: EntriesService) {}

  @Get()
  @ApiRoute({ summary: '?date=: the day\'s entry (entry null when none); ?from=&to=: the dates in the range that have one', responses: { 200: entryListAnswerSchema } })
  list(@CurrentUser() user: UserDto, @ZodQuery(entryQuerySchema) query: EntryQuery): Promise<EntryListAnswerDto> {
    return query.date !== undefined ? this.entries.get(user.id, query.date) : this.entries.dates(user.id, query.from ?? '', query.to ?? '');
  }

  @Put(':date')
  @UseGuards(EntryJsonBodyGuard)
  @ApiRoute({ summary: 'Writes the day\'s entry (sanitised HTML, at most 200 KiB), creating it when there is none; tradeIds replaces the linked trades', responses: { 200: entrySchema }, errors: { 404: 'a tradeIds item is no trade of yours; issues name tradeIds.<i>' } })
  put(@CurrentUser() user: UserDto, @ZodParams(entryDateParamsSchema) params: EntryDateParams, @ZodBody(entryBodySchema) body: EntryBody): Promise<EntryDto> {
    return this.entries.put(user.id, params.date, body);
  }

  @Delete(':date')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes the day\'s entry with its trade links and attachments', responses: { 204: null }, errors: { 404: 'no entry that day' } })
  async remove(@CurrentUser() user: UserDto, @ZodParams(entryDateParamsSchema) params: EntryDateParams): Promise<void> {
    await this.entries.remove(user.id, params.date);
  }
}
