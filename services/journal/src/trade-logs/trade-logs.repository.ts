import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb, TradeLogRow } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';

/** A trade log (an account or portfolio) as the service sees it. */
export interface TradeLog {
  id: string;
  name: string;
  currency: string;
  startingCapitalMicros: Micros;
  isDefault: boolean;
  archivedAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface NewTradeLog {
  name: string;
  currency: string;
  startingCapitalMicros: Micros;
}

export type TradeLogChanges = Partial<NewTradeLog>;

/**
 * All SQL on `trade_logs`. Every statement is scoped by the user id the caller got from the
 * session, so another user's log id finds nothing: the same `undefined` as an id that never existed.
 */
export class TradeLogsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /** A user's first log becomes their default; later ones do not. */
  async create(userId: string, input: NewTradeLog): Promise<TradeLog> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('trade_logs').where('user_id', '=', userId).select('id').limit(1).executeTakeFirst();
      const at = this.now();
      const row = await trx
        .insertInto('trade_logs')
        .values({
          id: randomUUID(),
          user_id: userId,
          name: input.name,
          currency: input.currency,
          starting_capital_micros: input.startingCapitalMicros,
          is_default: existing ? 0 : 1,
          archived_at: null,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTradeLog(row);
    });
  }

  /** Oldest first; archived logs only when asked for. */
  async list(userId: string, options: { includeArchived?: boolean } = {}): Promise<TradeLog[]> {
    let query = this.db.selectFrom('trade_logs').selectAll().where('user_id', '=', userId);
    if (!options.includeArchived) query = query.where('archived_at', 'is', null);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toTradeLog);
  }

  async get(userId: string, id: string): Promise<TradeLog | undefined> {
    const row = await this.db.selectFrom('trade_logs').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toTradeLog(row);
  }

  async getDefault(userId: string): Promise<TradeLog | undefined> {
    const row = await this.db.selectFrom('trade_logs').selectAll().where('user_id', '=', userId).where('is_default', '=', 1).executeTakeFirst();
    return row && toTradeLog(row);
  }

  async rename(userId: string, id: string, name: string): Promise<TradeLog | undefined> {
    return this.update(userId, id, { name });
  }

  async archive(userId: string, id: string): Promise<TradeLog | undefined> {
    return this.update(userId, id, { archived_at: this.now() });
  }

  async reactivate(userId: string, id: string): Promise<TradeLog | undefined> {
    return this.update(userId, id, { archived_at: null });
  }

  /** Name, currency and starting capital, the fields a trader edits; `undefined` for a log not the user's. */
  async edit(userId: string, id: string, changes: TradeLogChanges): Promise<TradeLog | undefined> {
    return this.update(userId, id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.currency !== undefined && { currency: changes.currency }),
      ...(changes.startingCapitalMicros !== undefined && { starting_capital_micros: changes.startingCapitalMicros }),
    });
  }

  /** Deletes the log and, by cascade, its executions and trades. False for a log not the user's. */
  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('trade_logs').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Makes `id` the user's one default log; the previous default stops being one in the same transaction. */
  async setDefault(userId: string, id: string): Promise<TradeLog | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const target = await trx.selectFrom('trade_logs').select('id').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
      if (!target) return undefined;
      const at = this.now();
      // Clear first: the partial unique index allows one row with is_default = 1 per user at any moment.
      await trx.updateTable('trade_logs').set({ is_default: 0, updated_at: at }).where('user_id', '=', userId).where('is_default', '=', 1).where('id', '!=', id).execute();
      const row = await trx.updateTable('trade_logs').set({ is_default: 1, updated_at: at }).where('user_id', '=', userId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return toTradeLog(row);
    });
  }

  private async update(userId: string, id: string, changes: { name?: string; currency?: string; starting_capital_micros?: Micros; archived_at?: EpochMs | null }): Promise<TradeLog | undefined> {
    const row = await this.db
      .updateTable('trade_logs')
      .set({ ...changes, updated_at: this.now() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toTradeLog(row);
  }
}

function toTradeLog(row: TradeLogRow): TradeLog {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    startingCapitalMicros: row.starting_capital_micros,
    isDefault: row.is_default === 1,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
