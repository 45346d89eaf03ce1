import { Controller, Delete, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import {
  createSavedPositionBodySchema,
  journalIdParamsSchema,
  logSavedPositionBodySchema,
  savedPositionListSchema,
  savedPositionSchema,
  tradeSchema,
  updateSavedPositionBodySchema,
  type CreateSavedPositionBody,
  type JournalIdParams,
  type LogSavedPositionBody,
  type SavedPositionDto,
  type SavedPositionListDto,
  type TradeDto,
  type UpdateSavedPositionBody,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { PositionsService } from './positions.service.js';

const NOT_FOUND = { 404: 'no such saved position (or another user\'s)' };

/** `/api/journal/positions`: saved what-if positions, shown on the risk graph, logged as trades when taken. */
@Controller('journal/positions')
export class PositionsController {
  constructor(@Inject(PositionsService) private readonly positions: PositionsService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s saved what-if positions, oldest first', responses: { 200: savedPositionListSchema } })
  async list(@CurrentUser() user: UserDto): Promise<SavedPositionListDto> {
    return { positions: await this.positions.list(user.id) };
  }

  @Post()
  @ApiRoute({ summary: 'Saves a what-if position (publishes the user\'s list on risk-graph)', responses: { 201: savedPositionSchema } })
  create(@CurrentUser() user: UserDto, @ZodBody(createSavedPositionBodySchema) body: CreateSavedPositionBody): Promise<SavedPositionDto> {
    return this.positions.create(user.id, body);
  }

  @Get(':id')
  @ApiRoute({ summary: 'One saved what-if position', responses: { 200: savedPositionSchema }, errors: NOT_FOUND })
  get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<SavedPositionDto> {
    return this.positions.get(user.id, params.id);
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Edits a saved position\'s name, legs, quantity or entry price', responses: { 200: savedPositionSchema }, errors: NOT_FOUND })
  update(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(updateSavedPositionBodySchema) body: UpdateSavedPositionBody): Promise<SavedPositionDto> {
    return this.positions.update(user.id, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a saved position', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.positions.remove(user.id, params.id);
  }

  @Post(':id/log')
  @HttpCode(201)
  @ApiRoute({
    summary: 'Logs the position as a trade, entered like a trade typed by hand (prices default to the live mids)',
    responses: { 201: tradeSchema },
    errors: { 404: 'no such saved position or trade log of yours', 409: 'the log is archived', 422: 'no live mid for a leg: send prices' },
  })
  log(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(logSavedPositionBodySchema) body: LogSavedPositionBody): Promise<TradeDto> {
    return this.positions.log(user.id, params.id, body);
  }
}
