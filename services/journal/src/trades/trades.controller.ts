import { Controller, Get, Inject, Patch } from '@nestjs/common';
import { journalIdParamsSchema, tradeSchema, updateTradeBodySchema, type JournalIdParams, type TradeDto, type UpdateTradeBody, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { TradesService } from './trades.service.js';

/** `/api/trades/:id`: read, and edit notes, tags and risk. */
@Controller('trades')
export class TradesController {
  constructor(@Inject(TradesService) private readonly trades: TradesService) {}

  @Get(':id')
  @ApiRoute({ summary: 'One trade with its legs, the fills each leg used, tags, notes and market at entry', responses: { 200: tradeSchema }, errors: { 404: 'no such trade (or another user\'s)' } })
  get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<TradeDto> {
    return this.trades.get(user.id, params.id);
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Edits notes, tags (by id, or by name: a new name creates the tag) and defined risk',
    responses: { 200: tradeSchema },
    errors: { 404: 'no such trade, or a tag id that is not one of the user\'s (issues name tags.N.id)' },
  })
  update(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(updateTradeBodySchema) body: UpdateTradeBody): Promise<TradeDto> {
    return this.trades.update(user.id, params.id, body);
  }
}
