import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AlertBehaviour, AlertKind } from '@marketswarm/shared/dto';
import type { AlertHitRow, AlertRow, EpochMs, JournalDb } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';
import type { StoredDefinition } from './alert-definition.js';

export interface AlertCommon {
  label: string | null;
  behaviour: AlertBehaviour;
  cooldownSec: number | null;
  enabled: boolean;
}

export interface AlertFilter {
  enabled?: boolean | undefined;
  kind?: AlertKind | undefined;
  symbol?: string | undefined;
}

export interface NewHit {
  at: EpochMs;
  message: string;
  valueMicros: Micros | null;
}

/** What recording a hit did: refused (`cooldown`, `disabled`), or the hit and the alert after it (null: removed). */
export type HitOutcome = { refused: 'cooldown' | 'disabled'; row: AlertRow } | { hit: AlertHitRow; row: AlertRow | null };

/** All SQL on `alerts` and `alert_hits`, scoped by user except for the evaluator's own reads. */
export class AlertsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async list(userId: string, filter: AlertFilter = {}): Promise<AlertRow[]> {
    let query = this.db.selectFrom('alerts').selectAll().where('user_id', '=', userId);
    if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.symbol) query = query.where('symbol', '=', filter.symbol);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  get(userId: string, id: string): Promise<AlertRow | undefined> {
    return this.db.selectFrom('alerts').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  }

  create(userId: string, definition: StoredDefinition, common: AlertCommon): Promise<AlertRow> {
    const now = this.now();
    return this.db
      .insertInto('alerts')
      .values({ id: randomUUID(), user_id: userId, ...columns(definition, common), hit_count: 0, last_fired_at: null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Undefined for an id the user does not own. */
  update(userId: string, id: string, definition: StoredDefinition, common: AlertCommon): Promise<AlertRow | undefined> {
    return this.db.updateTable('alerts').set({ ...columns(definition, common), updated_at: this.now() }).where('user_id', '=', userId).where('id', '=', id).returningAll().executeTakeFirst();
  }

  setEnabled(userId: string, id: string, enabled: boolean): Promise<AlertRow | undefined> {
    return this.db.updateTable('alerts').set({ enabled: enabled ? 1 : 0, updated_at: this.now() }).where('user_id', '=', userId).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('alerts').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  hits(userId: string, alertId: string, limit: number): Promise<AlertHitRow[]> {
    return this.db.selectFrom('alert_hits').selectAll().where('user_id', '=', userId).where('alert_id', '=', alertId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** True when the user has a saved position of that id. */
  async ownsPosition(userId: string, id: string): Promise<boolean> {
    return (await this.db.selectFrom('saved_positions').select('id').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async ownsTrade(userId: string, id: string): Promise<boolean> {
    return (await this.db.selectFrom('trades').select('id').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** The evaluator's read: enabled alerts by id after `cursor`, of one user or of everyone. */
  enabledPage(options: { userId?: string | undefined; cursor?: string | undefined; limit: number }): Promise<AlertRow[]> {
    let query = this.db.selectFrom('alerts').selectAll().where('enabled', '=', 1);
    if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
    if (options.cursor !== undefined) query = query.where('id', '>', options.cursor);
    return query.orderBy('id').limit(options.limit).execute();
  }

  /**
   * Records a hit and applies the behaviour in one transaction, so two evaluators reporting the
   * same crossing cannot both count it: once → disabled, remove-on-hit → deleted (its hits with
   * it), repeat → refused while `at` is within the cooldown of the last hit.
   */
  recordHit(alertId: string, hit: NewHit): Promise<HitOutcome | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
      if (!row) return undefined;
      if (row.enabled !== 1) return { refused: 'disabled', row };
      if (row.behaviour === 'repeat' && row.last_fired_at !== null && hit.at < row.last_fired_at + (row.cooldown_sec ?? 0) * 1000) return { refused: 'cooldown', row };
      const stored = await insertHit(tx, row, hit, this.now());
      if (row.behaviour === 'remove-on-hit') {
        await tx.deleteFrom('alerts').where('id', '=', row.id).execute();
        return { hit: stored, row: null };
      }
      const updated = await tx
        .updateTable('alerts')
        .set({ hit_count: row.hit_count + 1, last_fired_at: Math.max(hit.at, row.last_fired_at ?? 0), updated_at: this.now(), ...(row.behaviour === 'once' && { enabled: 0 as const }) })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { hit: stored, row: updated };
    });
  }
}

function insertHit(tx: Transaction<JournalDb>, row: AlertRow, hit: NewHit, now: EpochMs): Promise<AlertHitRow> {
  return tx
    .insertInto('alert_hits')
    .values({ id: randomUUID(), alert_id: row.id, user_id: row.user_id, at: hit.at, message: hit.message, value_micros: hit.valueMicros, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function columns(definition: StoredDefinition, common: AlertCommon) {
  return {
    kind: definition.kind,
    label: common.label,
    symbol: definition.symbol,
    position_id: definition.positionId,
    trade_id: definition.tradeId,
    direction: definition.direction,
    target_micros: definition.targetMicros,
    params: JSON.stringify(definition.params),
    behaviour: common.behaviour,
    cooldown_sec: common.cooldownSec,
    enabled: common.enabled ? (1 as const) : (0 as const),
  };
}
