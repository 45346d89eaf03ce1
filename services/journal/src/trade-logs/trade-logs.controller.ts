import { Controller, Delete, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import {
  createTradeLogBodySchema,
  journalIdParamsSchema,
  listTradeLogsQuerySchema,
  tradeLogListSchema,
  tradeLogSchema,
  updateTradeLogBodySchema,
  type CreateTradeLogBody,
  type JournalIdParams,
  type ListTradeLogsQuery,
  type TradeLogDto,
  type TradeLogListDto,
  type UpdateTradeLogBody,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { tradeLogJson } from './trade-log.json.js';
import { TradeLogsService } from './trade-logs.service.js';

const NOT_FOUND = { 404: 'no such log (or another user\'s)' };

/** `/api/logs`: routes only; the rules are TradeLogsService's. */
@Controller('logs')
export class TradeLogsController {
  constructor(@Inject(TradeLogsService) private readonly logs: TradeLogsService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s trade logs, oldest first (the default log is created on first use)', responses: { 200: tradeLogListSchema } })
  async list(@CurrentUser() user: UserDto, @ZodQuery(listTradeLogsQuerySchema) query: ListTradeLogsQuery): Promise<TradeLogListDto> {
    return { logs: (await this.logs.list(user.id, query.archived === 'true')).map(tradeLogJson) };
  }

  @Post()
  @ApiRoute({ summary: 'Creates a trade log', responses: { 201: tradeLogSchema } })
  async create(@CurrentUser() user: UserDto, @ZodBody(createTradeLogBodySchema) body: CreateTradeLogBody): Promise<TradeLogDto> {
    return tradeLogJson(await this.logs.create(user.id, body));
  }

  @Get(':id')
  @ApiRoute({ summary: 'One trade log', responses: { 200: tradeLogSchema }, errors: NOT_FOUND })
  async get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<TradeLogDto> {
    return tradeLogJson(await this.logs.get(user.id, params.id));
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Renames a log or changes its currency or starting capital', responses: { 200: tradeLogSchema }, errors: NOT_FOUND })
  async edit(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(updateTradeLogBodySchema) body: UpdateTradeLogBody): Promise<TradeLogDto> {
    return tradeLogJson(await this.logs.edit(user.id, params.id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a log with its executions and trades', responses: { 204: null }, errors: { ...NOT_FOUND, 409: 'the log is the default' } })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.logs.remove(user.id, params.id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiRoute({ summary: 'Archives a log (hidden from the list unless ?archived=true)', responses: { 200: tradeLogSchema }, errors: { ...NOT_FOUND, 409: 'the log is the default' } })
  async archive(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<TradeLogDto> {
    return tradeLogJson(await this.logs.archive(user.id, params.id));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiRoute({ summary: 'Brings an archived log back', responses: { 200: tradeLogSchema }, errors: NOT_FOUND })
  async reactivate(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<TradeLogDto> {
    return tradeLogJson(await this.logs.reactivate(user.id, params.id));
  }

  @Post(':id/default')
  @HttpCode(200)
  @ApiRoute({ summary: 'Makes a log the user\'s default', responses: { 200: tradeLogSchema }, errors: { ...NOT_FOUND, 409: 'the log is archived' } })
  async setDefault(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<TradeLogDto> {
    return tradeLogJson(await this.logs.setDefault(user.id, params.id));
  }
}
