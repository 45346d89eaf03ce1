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

/** Saved positions and trades that are gone, whose alerts go with them. */
export interface AlertTargets {
  positionIds?: readonly string[] | undefined;
  tradeIds?: readonly string[] | undefined;
}

const TARGET_CHUNK = 500;

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

  /**
   * Deletes the user's alerts on any of these saved positions or trades (their hits with them), for
   * the callers that delete those targets; the ids deleted. Chunked to stay under the dialects'
   * bound-parameter limits when a whole log's trades go at once.
   */
  async removeByTargets(userId: string, targets: AlertTargets): Promise<string[]> {
    const removed: string[] = [];
    const byColumn = [
      ['position_id', targets.positionIds ?? []],
      ['trade_id', targets.tradeIds ?? []],
    ] as const;
    for (const [column, ids] of byColumn) {
      for (let start = 0; start < ids.length; start += TARGET_CHUNK) {
        const rows = await this.db.deleteFrom('alerts').where('user_id', '=', userId).where(column, 'in', ids.slice(start, start + TARGET_CHUNK)).returning('id').execute();
        removed.push(...rows.map((row) => row.id));
      }
    }
    return removed;
  }

  /**
   * The evaluator's read: enabled alerts by id after `cursor`, of one user or of everyone. An alert
   * whose saved position or trade no longer exists is left out (a ghost the evaluator could only
   * misjudge); it is filtered in SQL so pages and cursors stay exact.
   */
  enabledPage(options: { userId?: string | undefined; cursor?: string | undefined; limit: number }): Promise<AlertRow[]> {
    let query = this.db
      .selectFrom('alerts')
      .selectAll()
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('alerts.position_id', 'is', null), eb.exists(eb.selectFrom('saved_positions').select('saved_positions.id').whereRef('saved_positions.id', '=', 'alerts.position_id').whereRef('saved_positions.user_id', '=', 'alerts.user_id'))]))
      .where((eb) => eb.or([eb('alerts.trade_id', 'is', null), eb.exists(eb.selectFrom('trades').select('trades.id').whereRef('trades.id', '=', 'alerts.trade_id').whereRef('trades.user_id', '=', 'alerts.user_id'))]));
    if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
    if (options.cursor !== undefined) query = query.where('id', '>', options.cursor);
    return query.orderBy('id').limit(options.limit).execute();
  }

  /**
   * Records a hit and applies the behaviour with one conditional statement, so two evaluators
   * reporting the same crossing cannot both count it: the row is changed only while it is enabled
   * (and, for repeat, past its cooldown), and the database decides that under the row's write lock —
   * a second writer waits, then finds the condition false (PostgreSQL re-checks the WHERE on the row
   * it waited for; SQLite runs writers one at a time). once → disabled, remove-on-hit → deleted (its
   * hits with it, so the hit is answered but not stored), repeat → refused while `at` is within the
   * cooldown of the last hit. Only when nothing changed is the row read, to say why.
   */
  async recordHit(alertId: string, hit: NewHit): Promise<HitOutcome | undefined> {
    // A concurrent edit can make a refusal's reason stale (re-enabled between the two statements); try again then.
    for (let attempt = 0; attempt < 3; attempt++) {
      const applied = await this.applyHit(alertId, hit);
      if (applied) return applied;
      const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
      if (!row) return undefined;
      if (row.enabled !== 1) return { refused: 'disabled', row };
      if (row.behaviour === 'repeat' && row.last_fired_at !== null && hit.at < row.last_fired_at + (row.cooldown_sec ?? 0) * 1000) return { refused: 'cooldown', row };
    }
    throw new Error(`alert ${alertId} kept changing while its hit was recorded`);
  }

  /** The hit if this call was the one that applied it; undefined when the alert's state refused it (or it is gone). */
  private async applyHit(alertId: string, hit: NewHit): Promise<HitOutcome | undefined> {
    const now = this.now();
    const removed = await this.db.deleteFrom('alerts').where('id', '=', alertId).where('enabled', '=', 1).where('behaviour', '=', 'remove-on-hit').returningAll().executeTakeFirst();
    if (removed) return { hit: { id: randomUUID(), alert_id: removed.id, user_id: removed.user_id, at: hit.at, message: hit.message, value_micros: hit.valueMicros, created_at: now }, row: null };
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('alerts')
        .set((eb) => ({
          hit_count: eb('hit_count', '+', 1),
          last_fired_at: eb.case().when('last_fired_at', 'is', null).then(hit.at).when('last_fired_at', '<', hit.at).then(hit.at).else(eb.ref('last_fired_at')).end(),
          // Literals, not parameters: PostgreSQL would type a CASE of bare parameters as text.
          enabled: eb.case().when('behaviour', '=', 'once').then(eb.lit(0)).else(eb.lit(1)).end(),
          updated_at: now,
        }))
        .where('id', '=', alertId)
        .where('enabled', '=', 1)
        .where('behaviour', '<>', 'remove-on-hit')
        .where((eb) =>
          eb.or([
            eb('behaviour', '<>', 'repeat'),
            eb('last_fired_at', 'is', null),
            eb(eb('last_fired_at', '+', eb(eb.fn.coalesce('cooldown_sec', eb.lit(0)), '*', eb.lit(1000))), '<=', hit.at),
          ]),
        )
        .returningAll()
        .executeTakeFirst();
      if (!updated) return undefined;
      return { hit: await insertHit(tx, updated, hit, now), row: updated };
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
