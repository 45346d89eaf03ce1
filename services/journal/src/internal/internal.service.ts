import { Inject, Injectable } from '@nestjs/common';
import type { AlertHitBody, AlertHitResultDto, InternalAlertPageDto, InternalOrderDto, InternalListQuery, InternalPromptAlertPageDto, PromptAlertDto, PromptAlertStageBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { alertFromRow } from '../alerts/alert-definition.js';
import { AlertSyncPublisher } from '../alerts/alert-sync.publisher.js';
import { AlertsRepository, type AppliedHit } from '../alerts/alerts.repository.js';
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
    const receipt = body.key === undefined ? undefined : { key: body.key, render: (applied: AppliedHit) => JSON.stringify(hitResult(applied)) };
    const outcome = await this.alerts.recordHit(alertId, { at: body.at, message: body.message, valueMicros: body.value === undefined ? null : parseMicros(String(body.value)) }, receipt);
    if (!outcome) throw alertNotFound(alertId);
    if ('replay' in outcome) {
      if (outcome.replay.alertId !== alertId) throw new DomainError('conflict', `hit key ${body.key ?? ''} was recorded for alert ${outcome.replay.alertId}`, { issues: [{ path: 'key', message: `was already used for a hit of another alert (${outcome.replay.alertId})` }] });
      return { ...(JSON.parse(outcome.replay.result) as AlertHitResultDto), replayed: true };
    }
    if ('refused' in outcome) {
      const row = outcome.row;
      if (outcome.refused === 'disabled') throw new DomainError('conflict', `alert ${alertId} is disabled`, { issues: [{ path: 'id', message: 'the alert is disabled' }] });
      const until = (row.last_fired_at ?? 0) + (row.cooldown_sec ?? 0) * 1000;
      throw new DomainError('conflict', `alert ${alertId} is cooling down until ${until}`, { issues: [{ path: 'at', message: `is within the ${row.cooldown_sec ?? 0} s cooldown after the last hit (at ${row.last_fired_at ?? 0}); next hit from ${until}` }] });
    }
    const userId = outcome.hit.user_id;
    await this.sync.publish({ user: userId, entity: 'alert', id: alertId, change: outcome.row === null ? 'deleted' : 'hit' });
    return hitResult(outcome);
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

function hitResult(applied: AppliedHit): AlertHitResultDto {
  return { hit: hitJson(applied.hit), alert: applied.row === null ? null : alertFromRow(applied.row) };
}

/** A full page may have more after it; a short one is the last. */
function nextCursor(rows: readonly { id: string }[], limit: number): string | null {
  return rows.length === limit ? (rows.at(-1)?.id ?? null) : null;
}
