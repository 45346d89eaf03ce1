import { Controller, Get, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import {
  ALERT_HIT_BATCH_MAX,
  alertHitBatchBodySchema,
  alertHitBatchResultSchema,
  alertHitBodySchema,
  alertHitResultSchema,
  internalAlertPageSchema,
  internalOrderSchema,
  internalListQuerySchema,
  internalPromptAlertPageSchema,
  journalIdParamsSchema,
  promptAlertSchema,
  promptAlertStageBodySchema,
  type AlertHitBatchBody,
  type AlertHitBatchResultDto,
  type AlertHitBody,
  type AlertHitResultDto,
  type InternalAlertPageDto,
  type InternalOrderDto,
  type InternalListQuery,
  type InternalPromptAlertPageDto,
  type JournalIdParams,
  type PromptAlertDto,
  type PromptAlertStageBody,
} from '@marketswarm/shared/dto';
import { ApiRoute, Internal, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { HitBatchJsonBodyGuard } from './hit-batch-json-body.guard.js';
import { InternalService } from './internal.service.js';
import { InternalTokenGuard } from './internal-token.guard.js';

/**
 * `/api/internal/*`: service to service only (the evaluator in the copilot). nginx answers 404 for
 * the prefix from outside; here every route is behind the internal token (404 without it).
 */
@Controller('internal')
@Internal(InternalTokenGuard)
export class InternalController {
  constructor(@Inject(InternalService) private readonly internal: InternalService) {}

  @Get('alerts')
  @ApiRoute({ summary: 'Enabled alerts with their owner, leaving out any whose saved position or trade no longer exists: one user\'s (?user=), or everyone\'s page by page (?cursor=)', responses: { 200: internalAlertPageSchema } })
  alerts(@ZodQuery(internalListQuerySchema) query: InternalListQuery): Promise<InternalAlertPageDto> {
    return this.internal.alertPage(query);
  }

  @Post('alerts/hits')
  @HttpCode(200)
  @UseGuards(HitBatchJsonBodyGuard)
  @ApiRoute({
    summary: `Records one tick's hits (1–${ALERT_HIT_BATCH_MAX}, each with its key) in order in one transaction; each result is what POST /api/internal/alerts/:id/hits would have answered for that hit alone (status 201, 200 replayed, 404 or 409 with its error), and a later hit of the same alert sees the earlier one's effect`,
    responses: { 200: alertHitBatchResultSchema },
  })
  hits(@ZodBody(alertHitBatchBodySchema) body: AlertHitBatchBody): Promise<AlertHitBatchResultDto> {
    return this.internal.recordHits(body);
  }

  @Post('alerts/:id/hits')
  @HttpCode(201)
  @ApiRoute({
    summary: 'Records a hit and applies the behaviour: once → disabled, remove-on-hit → removed (alert: null; the hit stays in GET /api/alerts/hits), repeat → lastFiredAt. With `key`, a repeat of the key answers 200 with the first answer and `replayed: true`',
    responses: { 201: alertHitResultSchema, 200: alertHitResultSchema },
    errors: { 404: 'no such alert', 409: '`conflict`: the alert is disabled, or a repeating alert is within its cooldown (issue on `at`), or `key` was used for another alert (issue on `key`)' },
  })
  async hit(@ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(alertHitBodySchema) body: AlertHitBody, @Res({ passthrough: true }) res: Response): Promise<AlertHitResultDto> {
    return replayedAs200(res, await this.internal.recordHit(params.id, body));
  }

  @Get('orders/:id')
  @ApiRoute({ summary: 'Any user\'s order with its fill and its owner (userId): what the evaluator reads when the alert sync stream announces an order filled', responses: { 200: internalOrderSchema }, errors: { 404: 'no such order' } })
  order(@ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<InternalOrderDto> {
    return this.internal.order(params.id);
  }

  @Get('prompt-alerts')
  @ApiRoute({ summary: 'Enabled prompt alerts with their owner: one user\'s (?user=), or everyone\'s page by page (?cursor=)', responses: { 200: internalPromptAlertPageSchema } })
  promptAlerts(@ZodQuery(internalListQuerySchema) query: InternalListQuery): Promise<InternalPromptAlertPageDto> {
    return this.internal.promptAlertPage(query);
  }

  @Post('prompt-alerts/:id/stage')
  @HttpCode(200)
  @ApiRoute({ summary: 'Moves a prompt alert forward: watching → warning → accomplished (final)', responses: { 200: promptAlertSchema }, errors: { 404: 'no such prompt alert', 409: '`conflict`: the prompt alert is already at or past that stage (issue on `stage`)' } })
  stage(@ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(promptAlertStageBodySchema) body: PromptAlertStageBody): Promise<PromptAlertDto> {
    return this.internal.setStage(params.id, body);
  }
}

/** A replayed hit recorded nothing now: 200, not the 201 of the hit that did. */
function replayedAs200(res: Response, result: AlertHitResultDto): AlertHitResultDto {
  if (result.replayed) res.status(200);
  return result;
}
