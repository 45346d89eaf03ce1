import { Inject, Injectable } from '@nestjs/common';
import {
  ALERT_DEFAULT_COOLDOWN_SEC,
  ALERT_HISTORY_MAX,
  alertBodySchema,
  type AlertBody,
  type AlertKind,
  type AlertDto,
  type AlertHitDto,
  type AlertListQuery,
  type AlertPatch,
  type AlertRecentHitDto,
  type AlertRecentHitsQuery,
  type UserDto,
} from '@marketswarm/shared/dto';
import { DomainError, type ErrorIssue } from '@marketswarm/shared/http';
import type { AlertHitRow } from '../database/journal-db.js';
import { microsToNumber } from '../database/money.js';
import { alertFromRow, bodyOf, storedDefinition } from './alert-definition.js';
import { assertBelowAlertLimit } from './alert-limit.js';
import { AlertLimits } from './alert-limits.js';
import { AlertSyncPublisher } from './alert-sync.publisher.js';
import { AlertsRepository, type AlertCommon, type AlertTargets } from './alerts.repository.js';

export function alertNotFound(id: string): DomainError {
  return new DomainError('not-found', `no alert ${id}`, { issues: [{ path: 'id', message: 'no such alert' }] });
}

export function hitJson(row: AlertHitRow): AlertHitDto {
  return { id: row.id, alertId: row.alert_id, at: row.at, message: row.message, value: row.value_micros === null ? null : microsToNumber(row.value_micros) };
}

/**
 * The rules of alerts: a referenced position or trade must be the user's own; a repeating alert
 * always has a cooldown; another user's alert is answered as one that does not exist. Every change
 * is announced on the alert sync stream once stored.
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
    @Inject(AlertSyncPublisher) private readonly sync: AlertSyncPublisher,
    @Inject(AlertLimits) private readonly limits: AlertLimits,
  ) {}

  async list(userId: string, query: AlertListQuery): Promise<AlertDto[]> {
    return (await this.alerts.list(userId, query)).map(alertFromRow);
  }

  async get(userId: string, id: string): Promise<AlertDto> {
    const row = await this.alerts.get(userId, id);
    if (!row) throw alertNotFound(id);
    return alertFromRow(row);
  }

  /**
   * Refused with 429 once the user has as many alerts as their role may have. Count, then insert:
   * creates the same user sends at the very same moment may each pass the count, so the limit can
   * be passed by the few in flight; it bounds what a user stores, not a hard quota.
   */
  async create(user: Pick<UserDto, 'id' | 'role'>, body: AlertBody): Promise<AlertDto> {
    const userId = user.id;
    assertBelowAlertLimit('alerts', user.role, await this.alerts.count(userId), this.limits.of(user.role, 'alerts'));
    await this.checkReferences(userId, body);
    const alert = alertFromRow(await this.alerts.create(userId, storedDefinition(body), common(body)));
    await this.sync.publish({ user: userId, entity: 'alert', id: alert.id, change: 'created' });
    return alert;
  }

  /** Merges the patch into the stored alert and checks the result as a whole, as a new body would be. */
  async update(userId: string, id: string, patch: AlertPatch): Promise<AlertDto> {
    const current = await this.get(userId, id);
    const merged: Record<string, unknown> = { ...bodyOf(current) };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete merged[field];
      else merged[field] = value;
    }
    // A cooldown belongs to repeat: leaving repeat drops it, unless this very patch sent one (then it is refused).
    if (merged['behaviour'] !== 'repeat' && patch.cooldownSec === undefined) delete merged['cooldownSec'];
    const parsed = alertBodySchema.safeParse(merged);
    if (!parsed.success) throw new DomainError('validation', 'the alert after this change is not valid', { issues: patchIssues(parsed.error, current.kind) });
    await this.checkReferences(userId, parsed.data);
    const row = await this.alerts.update(userId, id, storedDefinition(parsed.data), common(parsed.data));
    if (!row) throw alertNotFound(id);
    await this.sync.publish({ user: userId, entity: 'alert', id, change: 'updated' });
    return alertFromRow(row);
  }

  async setEnabled(userId: string, id: string, enabled: boolean): Promise<AlertDto> {
    const row = await this.alerts.setEnabled(userId, id, enabled);
    if (!row) throw alertNotFound(id);
    await this.sync.publish({ user: userId, entity: 'alert', id, change: enabled ? 'enabled' : 'disabled' });
    return alertFromRow(row);
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.alerts.remove(userId, id))) throw alertNotFound(id);
    await this.sync.publish({ user: userId, entity: 'alert', id, change: 'deleted' });
  }

  /**
   * Deletes the user's alerts on saved positions or trades that were just deleted, announcing each
   * as `deleted`, so no alert outlives its target. Called by whoever deletes those targets; the ids.
   */
  async forgetTargets(userId: string, targets: AlertTargets): Promise<string[]> {
    const removed = await this.alerts.removeByTargets(userId, targets);
    for (const id of removed) await this.sync.publish({ user: userId, entity: 'alert', id, change: 'deleted' });
    return removed;
  }

  async history(userId: string, id: string): Promise<AlertHitDto[]> {
    await this.get(userId, id);
    return (await this.alerts.hits(userId, id, ALERT_HISTORY_MAX)).map(hitJson);
  }

  /** What fired lately across all the user's alerts, those a remove-on-hit took away included. */
  async recentHits(userId: string, query: AlertRecentHitsQuery): Promise<AlertRecentHitDto[]> {
    return (await this.alerts.recentHits(userId, query.limit)).map((row) => ({ ...hitJson(row), label: row.label, kind: row.kind as AlertKind }));
  }

  private async checkReferences(userId: string, body: AlertBody): Promise<void> {
    const positionId = 'positionId' in body ? body.positionId : undefined;
    const tradeId = 'tradeId' in body ? body.tradeId : undefined;
    if (positionId !== undefined && !(await this.alerts.ownsPosition(userId, positionId))) {
      throw new DomainError('not-found', `no saved position ${positionId}`, { issues: [{ path: 'positionId', message: 'no such saved position' }] });
    }
    if (tradeId !== undefined && !(await this.alerts.ownsTrade(userId, tradeId))) {
      throw new DomainError('not-found', `no trade ${tradeId}`, { issues: [{ path: 'tradeId', message: 'no such trade' }] });
    }
  }
}

/** A field of another kind is named as such, rather than as an unrecognized key of the whole body. */
function patchIssues(error: NonNullable<ReturnType<typeof alertBodySchema.safeParse>['error']>, kind: AlertKind): ErrorIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ path: key, message: `is not a field of a ${kind} alert` })) : [{ path: issue.path.map(String).join('.') || '(root)', message: issue.message }],
  );
}

function common(body: AlertBody): AlertCommon {
  return {
    label: body.label ?? null,
    behaviour: body.behaviour,
    cooldownSec: body.behaviour === 'repeat' ? (body.cooldownSec ?? ALERT_DEFAULT_COOLDOWN_SEC) : null,
    enabled: body.enabled,
  };
}
