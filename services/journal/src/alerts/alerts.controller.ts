import { Controller, Delete, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import {
  alertBodySchema,
  alertHistorySchema,
  alertListQuerySchema,
  alertListSchema,
  alertPatchSchema,
  alertRecentHitsQuerySchema,
  alertRecentHitsSchema,
  alertSchema,
  journalIdParamsSchema,
  type AlertBody,
  type AlertDto,
  type AlertHistoryDto,
  type AlertListDto,
  type AlertListQuery,
  type AlertPatch,
  type AlertRecentHitsDto,
  type AlertRecentHitsQuery,
  type JournalIdParams,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { AlertsService } from './alerts.service.js';

const NOT_FOUND = { 404: 'no such alert (or another user\'s)' };
const REFERENCE = { 404: 'no such alert, or a positionId/tradeId that is not one of the user\'s (issues name the field)' };

/** `/api/alerts`: the user's alert definitions; the copilot evaluates them. */
@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s alerts, oldest first, optionally filtered by enabled, kind and symbol', responses: { 200: alertListSchema } })
  async list(@CurrentUser() user: UserDto, @ZodQuery(alertListQuerySchema) query: AlertListQuery): Promise<AlertListDto> {
    return { alerts: await this.alerts.list(user.id, query) };
  }

  @Post()
  @ApiRoute({ summary: 'Creates an alert (price, spread-debit, position-pnl, greeks or trailing-stop)', responses: { 201: alertSchema }, errors: { 404: 'a positionId or tradeId that is not one of the user\'s (issues name the field)', 429: '`rate-limited`: the user has as many alerts as their role may have (journal setting alertLimits; issue on `kind`)' } })
  create(@CurrentUser() user: UserDto, @ZodBody(alertBodySchema) body: AlertBody): Promise<AlertDto> {
    return this.alerts.create(user, body);
  }

  // Before `:id`, which would take "hits" for an id.
  @Get('hits')
  @ApiRoute({ summary: 'The user\'s most recent hits across all their alerts, newest first, with each alert\'s label and kind; hits of remove-on-hit alerts stay here after the hit removed the alert', responses: { 200: alertRecentHitsSchema } })
  async recentHits(@CurrentUser() user: UserDto, @ZodQuery(alertRecentHitsQuerySchema) query: AlertRecentHitsQuery): Promise<AlertRecentHitsDto> {
    return { hits: await this.alerts.recentHits(user.id, query) };
  }

  @Get(':id')
  @ApiRoute({ summary: 'One alert', responses: { 200: alertSchema }, errors: NOT_FOUND })
  get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<AlertDto> {
    return this.alerts.get(user.id, params.id);
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Edits fields of the alert\'s own kind; the result is checked as a whole alert', responses: { 200: alertSchema }, errors: REFERENCE })
  update(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(alertPatchSchema) body: AlertPatch): Promise<AlertDto> {
    return this.alerts.update(user.id, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes an alert with its hit history', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.alerts.remove(user.id, params.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiRoute({ summary: 'Enables an alert', responses: { 200: alertSchema }, errors: NOT_FOUND })
  enable(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<AlertDto> {
    return this.alerts.setEnabled(user.id, params.id, true);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiRoute({ summary: 'Disables an alert', responses: { 200: alertSchema }, errors: NOT_FOUND })
  disable(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<AlertDto> {
    return this.alerts.setEnabled(user.id, params.id, false);
  }

  @Get(':id/history')
  @ApiRoute({ summary: 'The alert\'s recorded hits, newest first (at most 200)', responses: { 200: alertHistorySchema }, errors: NOT_FOUND })
  async history(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<AlertHistoryDto> {
    return { hits: await this.alerts.history(user.id, params.id) };
  }
}
