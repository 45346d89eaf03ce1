import { randomUUID } from 'node:crypto';
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { AlertBehaviour, AlertKind } from '@marketswarm/shared/dto';
import type { AlertHitRow, AlertRow, EpochMs, JournalDb } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';
import { isUniqueViolation } from '../database/unique-violation.js';
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

/** A hit this call recorded, and the alert after it (null: removed). */
export interface AppliedHit {
  hit: AlertHitRow;
  row: AlertRow | null;
}

/**
 * What recording a hit did: refused (`cooldown`, `disabled`), applied, or — for a key already
 * recorded — the stored first answer (`replay`, its JSON text and the alert it was for).
 */
export type HitOutcome = { refused: 'cooldown' | 'disabled'; row: AlertRow } | AppliedHit | { replay: StoredReceipt };

/** The idempotency key of a hit and how its answer is stored for a replay. */
export interface HitReceipt {
  key: string;
  /** The answer to store (JSON text), made inside the hit's transaction from what it applied. */
  render(applied: AppliedHit): string;
}

/** One hit to record: for which alert, what the evaluator saw, and its key when it has one. */
export interface HitRequest {
  alertId: string;
  hit: NewHit;
  receipt?: HitReceipt | undefined;
}

export interface StoredReceipt {
  alertId: string;
  result: string;
}

/** How long a receipt answers for its key: far longer than any evaluator retries a hit. */
export const HIT_RECEIPT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** A hit of one of the user's alerts, with what that alert was (it may have been removed by the hit). */
export interface RecentHitRow extends AlertHitRow {
  label: string | null;
  kind: string;
}

/**
 * All SQL on `alerts` and `alert_hits`, scoped by user except for the evaluator's own reads. A
 * remove-on-hit alert removed by its hit is kept (`removed_at`) only so its hit stays in the user's
 * recent hits: every other read and change here leaves it out, as if it were deleted.
 */
export class AlertsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async list(userId: string, filter: AlertFilter = {}): Promise<AlertRow[]> {
    let query = this.db.selectFrom('alerts').selectAll().where('user_id', '=', userId).where('removed_at', 'is', null);
    if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.symbol) query = query.where('symbol', '=', filter.symbol);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  /** How many alerts the user has stored, enabled or not (not those their hit removed). */
  async count(userId: string): Promise<number> {
    const row = await this.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  get(userId: string, id: string): Promise<AlertRow | undefined> {
    return this.db.selectFrom('alerts').selectAll().where('user_id', '=', userId).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  }

  create(userId: string, definition: StoredDefinition, common: AlertCommon): Promise<AlertRow> {
    const now = this.now();
    return this.db
      .insertInto('alerts')
      .values({ id: randomUUID(), user_id: userId, ...columns(definition, common), hit_count: 0, last_fired_at: null, created_at: now, updated_at: now, removed_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Undefined for an id the user does not own. */
  update(userId: string, id: string, definition: StoredDefinition, common: AlertCommon): Promise<AlertRow | undefined> {
    return this.db.updateTable('alerts').set({ ...columns(definition, common), updated_at: this.now() }).where('user_id', '=', userId).where('id', '=', id).where('removed_at', 'is', null).returningAll().executeTakeFirst();
  }

  setEnabled(userId: string, id: string, enabled: boolean): Promise<AlertRow | undefined> {
    return this.db.updateTable('alerts').set({ enabled: enabled ? 1 : 0, updated_at: this.now() }).where('user_id', '=', userId).where('id', '=', id).where('removed_at', 'is', null).returningAll().executeTakeFirst();
  }

  /** Deletes a live alert with its hits (the user's DELETE). */
  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('alerts').where('user_id', '=', userId).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  hits(userId: string, alertId: string, limit: number): Promise<AlertHitRow[]> {
    return this.db.selectFrom('alert_hits').selectAll().where('user_id', '=', userId).where('alert_id', '=', alertId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** The user's most recent hits across all their alerts, those their hit removed too; newest first. */
  recentHits(userId: string, limit: number): Promise<RecentHitRow[]> {
    return this.db
      .selectFrom('alert_hits')
      .innerJoin('alerts', 'alerts.id', 'alert_hits.alert_id')
      .selectAll('alert_hits')
      .select(['alerts.label', 'alerts.kind'])
      .where('alert_hits.user_id', '=', userId)
      .orderBy('alert_hits.at', 'desc')
      .orderBy('alert_hits.id', 'desc')
      .limit(limit)
      .execute();
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
   * the callers that delete those targets; the ids of the live ones deleted (those their hit had
   * removed go too, but were announced gone then). Chunked to stay under the dialects'
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
        const rows = await this.db.deleteFrom('alerts').where('user_id', '=', userId).where(column, 'in', ids.slice(start, start + TARGET_CHUNK)).returning(['id', 'removed_at']).execute();
        removed.push(...rows.filter((row) => row.removed_at === null).map((row) => row.id));
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
      .where('removed_at', 'is', null)
      .where((eb) => eb.or([eb('alerts.position_id', 'is', null), eb.exists(eb.selectFrom('saved_positions').select('saved_positions.id').whereRef('saved_positions.id', '=', 'alerts.position_id').whereRef('saved_positions.user_id', '=', 'alerts.user_id'))]))
      .where((eb) => eb.or([eb('alerts.trade_id', 'is', null), eb.exists(eb.selectFrom('trades').select('trades.id').whereRef('trades.id', '=', 'alerts.trade_id').whereRef('trades.user_id', '=', 'alerts.user_id'))]));
    if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
    if (options.cursor !== undefined) query = query.where('id', '>', options.cursor);
    return query.orderBy('id').limit(options.limit).execute();
  }

  /** One hit: `recordHits` of one. */
  async recordHit(alertId: string, hit: NewHit, receipt?: HitReceipt): Promise<HitOutcome | undefined> {
    const [outcome] = await this.recordHits([{ alertId, hit, receipt }]);
    return outcome;
  }

  /**
   * Records hits in order, in one transaction (one BEGIN/COMMIT and one fsync for a whole tick), each
   * exactly as a lone hit would be: a later hit of the same alert sees the earlier one's effect.
   * Undefined for an alert that is not there.
   *
   * A hit applies the behaviour with one conditional statement, so two evaluators reporting the same
   * crossing cannot both count it: the row is changed only while it is enabled (and, for repeat, past
   * its cooldown). once → disabled, remove-on-hit → removed (kept with its hit for the user's recent
   * hits, gone from everything else), repeat → refused while `at` is within the cooldown of the last
   * hit. Only when nothing changed is the row read, to say why.
   *
   * With a receipt, the key is looked up before the hit and the receipt written with it, so a key is
   * recorded at most once. On PostgreSQL the transaction first locks the batch's alerts in id order:
   * overlapping batches then cannot deadlock on them, and one that waited reads what the other
   * committed (READ COMMITTED: each statement sees the commits before it), so it replays the other's
   * keys instead of recording them again. SQLite runs one writer at a time and needs no lock. A
   * receipt that still collides (a key sent for two different alerts at once) or a deadlock on such
   * keys rolls the whole batch back, and it runs again: then the key is found and replayed.
   */
  async recordHits(requests: readonly HitRequest[]): Promise<(HitOutcome | undefined)[]> {
    const locksRows = this.db.getExecutor().adapter instanceof PostgresAdapter;
    for (let attempt = 1; ; attempt++) {
      const now = this.now();
      try {
        const outcomes = await this.db.transaction().execute(async (tx) => {
          if (locksRows && requests.length > 0) {
            const ids = [...new Set(requests.map((request) => request.alertId))];
            await tx.selectFrom('alerts').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
          }
          const recorded: (HitOutcome | undefined)[] = [];
          for (const request of requests) recorded.push(await recordHitIn(tx, request, now));
          return recorded;
        });
        if (requests.some((request, n) => request.receipt && isApplied(outcomes[n]))) await this.pruneReceipts(now);
        return outcomes;
      } catch (error) {
        if (attempt < 3 && (isUniqueViolation(error) || isDeadlock(error))) continue;
        throw error;
      }
    }
  }

  /** The stored answer of a key, when one younger than the retention exists. */
  async receipt(key: string): Promise<StoredReceipt | undefined> {
    const row = await this.db.selectFrom('alert_hit_receipts').select(['alert_id', 'result']).where('key', '=', key).where('created_at', '>=', this.now() - HIT_RECEIPT_RETENTION_MS).executeTakeFirst();
    return row && { alertId: row.alert_id, result: row.result };
  }

  /** Drops receipts past the retention; after the hit committed, so it never holds the hit's locks. */
  private async pruneReceipts(now: EpochMs): Promise<void> {
    await this.db.deleteFrom('alert_hit_receipts').where('created_at', '<', now - HIT_RECEIPT_RETENTION_MS).execute();
  }
}

/** One hit inside the batch's transaction: the key's stored answer, the hit applied, or why it was refused. */
async function recordHitIn(tx: Transaction<JournalDb>, request: HitRequest, now: EpochMs): Promise<HitOutcome | undefined> {
  const { alertId, hit, receipt } = request;
  // Read whatever the key has, live or expired, so that the common case (no receipt yet) costs no DELETE.
  const earlier = receipt && (await tx.selectFrom('alert_hit_receipts').select(['alert_id', 'result', 'created_at']).where('key', '=', receipt.key).executeTakeFirst());
  if (earlier && earlier.created_at >= now - HIT_RECEIPT_RETENTION_MS) return { replay: { alertId: earlier.alert_id, result: earlier.result } };
  const applied = await applyHitIn(tx, alertId, hit, now);
  if (applied) {
    if (receipt) {
      // An expired receipt of the same key gives way to this one; a live one (a concurrent writer's for the same key
      // on another alert) must stay, so that this insert collides with it and the batch runs again to replay it.
      if (earlier) await tx.deleteFrom('alert_hit_receipts').where('key', '=', receipt.key).where('created_at', '<', now - HIT_RECEIPT_RETENTION_MS).execute();
      await tx.insertInto('alert_hit_receipts').values({ key: receipt.key, alert_id: alertId, user_id: applied.hit.user_id, result: receipt.render(applied), created_at: now }).execute();
    }
    return applied;
  }
  const row = await tx.selectFrom('alerts').selectAll().where('id', '=', alertId).where('removed_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  if (row.enabled !== 1) return { refused: 'disabled', row };
  if (row.behaviour === 'repeat' && row.last_fired_at !== null && hit.at < row.last_fired_at + (row.cooldown_sec ?? 0) * 1000) return { refused: 'cooldown', row };
  // The row is locked (PostgreSQL) or the only writer (SQLite), so what refused the change still holds.
  throw new Error(`alert ${alertId} refused its hit for no reason its row shows`);
}

function isApplied(outcome: HitOutcome | undefined): outcome is AppliedHit {
  return outcome !== undefined && 'hit' in outcome;
}

/** PostgreSQL's deadlock_detected: it rolled this transaction back to let the other one through. */
function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '40P01';
}

/**
 * One UPDATE for every behaviour (a hit costs one statement fewer than trying remove-on-hit first):
 * the WHERE says whether the alert may fire, the CASEs what its behaviour does to it.
 */
async function applyHitIn(tx: Transaction<JournalDb>, alertId: string, hit: NewHit, now: EpochMs): Promise<AppliedHit | undefined> {
  const row = await tx
    .updateTable('alerts')
    .set((eb) => ({
      hit_count: eb('hit_count', '+', 1),
      last_fired_at: eb.case().when('last_fired_at', 'is', null).then(hit.at).when('last_fired_at', '<', hit.at).then(hit.at).else(eb.ref('last_fired_at')).end(),
      // Literals, not parameters: PostgreSQL would type a CASE of bare parameters as text. Disabled as well
      // as removed, so a reader that forgets removed_at still never evaluates a removed alert again.
      enabled: eb.case().when('behaviour', '=', 'repeat').then(eb.lit(1)).else(eb.lit(0)).end(),
      removed_at: eb.case().when('behaviour', '=', 'remove-on-hit').then(eb.cast<number>(eb.val(now), 'bigint')).else(eb.ref('removed_at')).end(),
      updated_at: now,
    }))
    .where('id', '=', alertId)
    .where('enabled', '=', 1)
    .where('removed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('behaviour', '<>', 'repeat'),
        eb('last_fired_at', 'is', null),
        eb(eb('last_fired_at', '+', eb(eb.fn.coalesce('cooldown_sec', eb.lit(0)), '*', eb.lit(1000))), '<=', hit.at),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  return { hit: await insertHit(tx, row, hit, now), row: row.removed_at === null ? row : null };
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
