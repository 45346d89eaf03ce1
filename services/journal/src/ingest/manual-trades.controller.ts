import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { closeTradeBodySchema, ingestResultSchema, journalIdParamsSchema, manualTradeBodySchema, type CloseTradeBody, type IngestResultDto, type JournalIdParams, type ManualTradeBody, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { JournalIngestService } from './journal-ingest.service.js';

/** Trades typed by hand, and closing a trade by hand: fills like an import's, grouped by the same rules. */
@Controller()
export class ManualTradesController {
  constructor(@Inject(JournalIngestService) private readonly ingest: JournalIngestService) {}

  @Post('logs/:id/trades')
  @HttpCode(201)
  @ApiRoute({ summary: 'Enters a trade by hand as its fills (legs opened, and closed if already closed)', responses: { 201: ingestResultSchema }, errors: { 404: 'no such trade log of yours' } })
  enter(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(manualTradeBodySchema) body: ManualTradeBody): Promise<IngestResultDto> {
    return this.ingest.addManual(user.id, params.id, body.fills);
  }

  @Post('trades/:id/adjust')
  @HttpCode(200)
  @ApiRoute({ summary: 'Adds fills to an open trade (a roll: close legs and open others in one adjustment stays in the trade)', responses: { 200: ingestResultSchema }, errors: { 404: 'no such trade of yours', 409: 'the trade is closed' } })
  adjust(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(manualTradeBodySchema) body: ManualTradeBody): Promise<IngestResultDto> {
    return this.ingest.adjust(user.id, params.id, body.fills);
  }

  @Post('trades/:id/close')
  @HttpCode(200)
  @ApiRoute({ summary: 'Closes every open leg of a trade at the prices given, one per open leg in leg order', responses: { 200: ingestResultSchema }, errors: { 404: 'no such trade of yours', 409: 'the trade has no open leg' } })
  close(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(closeTradeBodySchema) body: CloseTradeBody): Promise<IngestResultDto> {
    return this.ingest.close(user.id, params.id, body);
  }
}
