import { Controller, Get, Inject } from '@nestjs/common';
import { journalIdParamsSchema, logTradesQuerySchema, tradePageSchema, type JournalIdParams, type LogTradesQuery, type TradePageDto, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { TradesService } from './trades.service.js';

/** `/api/logs/:id/trades`: a log's trades, filtered, one keyset page at a time. */
@Controller('logs/:id/trades')
export class LogTradesController {
  constructor(@Inject(TradesService) private readonly trades: TradesService) {}

  @Get()
  @ApiRoute({
    summary: 'A page of the log\'s trades, newest opened first unless sort=openedAt; filters combine',
    responses: { 200: tradePageSchema },
    errors: { 404: 'no such log (or another user\'s)' },
  })
  list(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodQuery(logTradesQuerySchema) query: LogTradesQuery): Promise<TradePageDto> {
    return this.trades.listByLog(user.id, params.id, query);
  }
}
