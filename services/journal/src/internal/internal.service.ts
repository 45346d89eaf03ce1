import { Inject, Injectable } from '@nestjs/common';
import type { AlertHitBatchBody, AlertHitBatchErrorDto, AlertHitBatchResultDto, AlertHitBody, AlertHitResultDto, InternalAlertPageDto, InternalOrderDto, InternalListQuery, InternalPromptAlertPageDto, PromptAlertDto, PromptAlertStageBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { alertFromRow } from '../alerts/alert-definition.js';
import { AlertSyncPublisher } from '../alerts/alert-sync.publisher.js';
import { AlertsRepository, type AppliedHit, type HitOutcome } from '../alerts/alerts.repository.js';
import { alertNotFound, hitJson } from '../alerts/alerts.service.js';
import { parseMicros } from '../database/money.js';
import { orderJson } from '../orders/order.json.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { orderNotFound } from '../orders/orders.service.js';
import { internalPromptAlertJson, promptAlertJson } from '../prompt-alerts/prompt-alert.json.js';
import { PromptAlertsRepository } from '../prompt-alerts/prompt-alerts.repository.js';
import { promptAlertNotFound } from '../prompt-alerts/prompt-alerts.service.js';

/**
 * What the evaluator (the copilot) reads and reports: enabled alerts and prompt alerts of one user
 * or of everyone by cursor, hits with the alert's behaviour applied, prompt-alert stages, and the
 * orders whose fills the alert sync stream announces. Not
 * scoped by a session user: the caller is trusted by the internal token, and each alert names its owner.
 */
@Injectable()
export class InternalService {
  constructor(
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
    @Inject(PromptAlertsRepository) private readonly prompts: PromptAlertsRepository,
    @Inject(AlertSyncPublisher) private readonly sync: AlertSyncPublisher,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
  ) {}

  async alertPage(query: InternalListQuery): Promise<InternalAlertPageDto> {
    const rows = await this.alerts.enabledPage({ userId: query.user, cursor: query.cursor, limit: query.limit });
    return { alerts: rows.map((row) => ({ ...alertFromRow(row), userId: row.user_id })), nextCursor: nextCursor(rows, query.limit) };
  }

  /**
   * A keyed hit is recorded once: the same key again answers the first answer with `replayed: true`
   * (and announces nothing, the first one did), even after a remove-on-hit removed the alert or while
   * a concurrent call with the key is the one recording it. A key is the evaluator's name for one
   * hit of one alert; the same key on another alert is a 409 naming `key`.
   */
  async recordHit(alertId: string, body: AlertHitBody): Promise<AlertHitResultDto> {
    const [answered] = await this.answerHits([{ alertId, ...body }]);
    if (!answered) throw new Error(`the hit of alert ${alertId} went unanswered`);
    const answer = answered.answer;
    if ('error' in answer) throw new DomainError(answer.error.code, answer.error.message, answer.error.issues ? { issues: answer.error.issues } : {});
    return answer.result;
  }

  /** One tick's hits in one transaction, each answered as `recordHit` would have answered it alone, in order. */
  async recordHits(body: AlertHitBatchBody): Promise<AlertHitBatchResultDto> {
    const answered = await this.answerHits(body.hits);
    return { results: answered.map(({ item, answer }) => ({ alertId: item.alertId, key: item.key, ...answer })) };
  }

  /** Records the hits in order, announces the applied ones in one append, and answers each as the single route does. */
  private async answerHits<T extends AlertHitBody & { alertId: string }>(hits: readonly T[]): Promise<{ item: T; answer: HitAnswer }[]> {
    const outcomes = await this.alerts.recordHits(
      hits.map((item) => ({
        alertId: item.alertId,
        hit: { at: item.at, message: item.message, valueMicros: item.value === undefined ? null : parseMicros(String(item.value)) },
        receipt: item.key === undefined ? undefined : { key: item.key, render: (applied: AppliedHit) => JSON.stringify(hitResult(applied)) },
      })),
    );
    const applied = outcomes.filter((outcome): outcome is AppliedHit => outcome !== undefined && 'hit' in outcome);
    await this.sync.publishMany(applied.map((outcome) => ({ user: outcome.hit.user_id, entity: 'alert', id: outcome.hit.alert_id, change: outcome.row === null ? 'deleted' : 'hit' })));
    return hits.map((item, n) => ({ item, answer: hitAnswer(item.alertId, item.key, outcomes[n]) }));
  }

  /** An order the sync stream announced, with its owner; a working order past its close is answered expired, as its owner would see it. */
  async order(id: string, now = Date.now()): Promise<InternalOrderDto> {
    let order = await this.orders.getForEvaluator(id);
    if (order?.status === 'working' && order.expiresAt <= now) {
      await this.orders.expireDue(now, order.userId);
      order = await this.orders.getForEvaluator(id);
    }
    if (!order) throw orderNotFound(id);
    return { ...orderJson(order), userId: order.userId };
  }

  async promptAlertPage(query: InternalListQuery): Promise<InternalPromptAlertPageDto> {
    const rows = await this.prompts.enabledPage({ userId: query.user, cursor: query.cursor, limit: query.limit });
    return { promptAlerts: rows.map(internalPromptAlertJson), nextCursor: nextCursor(rows, query.limit) };
  }

  async setStage(id: string, body: PromptAlertStageBody): Promise<PromptAlertDto> {
    const outcome = await this.prompts.setStage(id, body.stage, body.at ?? Date.now());
    if (!outcome) throw promptAlertNotFound(id);
    if ('refused' in outcome) {
      if (outcome.refused === 'accomplished') throw new DomainError('conflict', `prompt alert ${id} is accomplished`, { issues: [{ path: 'stage', message: 'an accomplished prompt alert stays accomplished' }] });
      throw new DomainError('conflict', `prompt alert ${id} is already ${outcome.row.stage}`, {
        issues: [{ path: 'stage', message: `moves only forward (watching → warning → accomplished); it is already ${outcome.row.stage}` }],
      });
    }
    await this.sync.publish({ user: outcome.row.user_id, entity: 'prompt-alert', id, change: 'stage' });
    return promptAlertJson(outcome.row);
  }
}

/** What the single route answers for one hit: 201/200 with its result, or 404/409 with its error body. */
type HitAnswer = { status: 201 | 200; result: AlertHitResultDto } | { status: 404 | 409; error: AlertHitBatchErrorDto };

function hitAnswer(alertId: string, key: string | undefined, outcome: HitOutcome | undefined): HitAnswer {
  if (!outcome) {
    const error = alertNotFound(alertId);
    return { status: 404, error: { code: 'not-found', message: error.message, ...(error.issues && { issues: error.issues }) } };
  }
  if ('replay' in outcome) {
    if (outcome.replay.alertId !== alertId) return conflict(`hit key ${key ?? ''} was recorded for alert ${outcome.replay.alertId}`, 'key', `was already used for a hit of another alert (${outcome.replay.alertId})`);
    return { status: 200, result: { ...(JSON.parse(outcome.replay.result) as AlertHitResultDto), replayed: true } };
  }
  if ('refused' in outcome) {
    const row = outcome.row;
    if (outcome.refused === 'disabled') return conflict(`alert ${alertId} is disabled`, 'id', 'the alert is disabled');
    const until = (row.last_fired_at ?? 0) + (row.cooldown_sec ?? 0) * 1000;
    return conflict(`alert ${alertId} is cooling down until ${until}`, 'at', `is within the ${row.cooldown_sec ?? 0} s cooldown after the last hit (at ${row.last_fired_at ?? 0}); next hit from ${until}`);
  }
  return { status: 201, result: hitResult(outcome) };
}

function conflict(message: string, path: string, why: string): HitAnswer {
  return { status: 409, error: { code: 'conflict', message, issues: [{ path, message: why }] } };
}

function hitResult(applied: AppliedHit): AlertHitResultDto {
  return { hit: hitJson(applied.hit), alert: applied.row === null ? null : alertFromRow(applied.row) };
}

/** A full page may have more after it; a short one is the last. */
function nextCursor(rows: readonly { id: string }[], limit: number): string | null {
  return rows.length === limit ? (rows.at(-1)?.id ?? null) : null;
}
