import { Controller, Delete, Get, HttpCode, Inject, Post, Put, UseGuards } from '@nestjs/common';
import { journalIdParamsSchema, retrospectiveBodySchema, retrospectiveListSchema, retrospectiveQuerySchema, retrospectiveSchema, type JournalIdParams, type RetrospectiveBody, type RetrospectiveDto, type RetrospectiveListDto, type RetrospectiveQuery, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { EntryJsonBodyGuard } from '../entry-json-body.guard.js';
import { RetrospectivesService } from './retrospectives.service.js';

const NOT_FOUND = { 404: 'no such retrospective (or another user\'s); or a tradeIds item is no trade of yours (issues name tradeIds.<i>)' };
const TAKEN = { 409: 'you have a retrospective for that period and start already; issues name start' };

/** `/api/journal/retrospectives`. */
@Controller('journal/retrospectives')
export class RetrospectivesController {
  constructor(@Inject(RetrospectivesService) private readonly retrospectives: RetrospectivesService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s retrospectives, newest period first, each with its period\'s figures', responses: { 200: retrospectiveListSchema } })
  async list(@CurrentUser() user: UserDto, @ZodQuery(retrospectiveQuerySchema) query: RetrospectiveQuery): Promise<RetrospectiveListDto> {
    return { retrospectives: await this.retrospectives.list(user.id, query.period) };
  }

  @Post()
  @UseGuards(EntryJsonBodyGuard)
  @ApiRoute({ summary: 'Writes a week\'s (start: a Monday) or month\'s (start: the 1st) retrospective', responses: { 201: retrospectiveSchema }, errors: { 404: 'a tradeIds item is no trade of yours', ...TAKEN } })
  create(@CurrentUser() user: UserDto, @ZodBody(retrospectiveBodySchema) body: RetrospectiveBody): Promise<RetrospectiveDto> {
    return this.retrospectives.create(user.id, body);
  }

  @Get(':id')
  @ApiRoute({ summary: 'A retrospective with its period\'s figures', responses: { 200: retrospectiveSchema }, errors: NOT_FOUND })
  get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<RetrospectiveDto> {
    return this.retrospectives.get(user.id, params.id);
  }

  @Put(':id')
  @UseGuards(EntryJsonBodyGuard)
  @ApiRoute({ summary: 'Rewrites a retrospective (period, start, content; tradeIds replaces the links when sent)', responses: { 200: retrospectiveSchema }, errors: { ...NOT_FOUND, ...TAKEN } })
  update(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(retrospectiveBodySchema) body: RetrospectiveBody): Promise<RetrospectiveDto> {
    return this.retrospectives.update(user.id, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a retrospective', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.retrospectives.remove(user.id, params.id);
  }
}
